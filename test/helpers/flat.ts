// Measures "flat" regions on a rendered page, as issue 10 defines them: runs of one colour (white or one
// tint) more than 10 mm wide, stacked into regions; reported by height, inside the type area only.
import { PNG } from 'pngjs';

export interface TypeArea {
  /** Trimmed page size and margins in mm (the PNG covers the trimmed page). */
  widthMm: number;
  heightMm: number;
  marginMm: { top: number; right: number; bottom: number; left: number };
}

export interface FlatReport {
  /** Tallest flat region in the type area, in mm. */
  maxHeightMm: number;
  /** Share of the type area lying in flat regions taller than 15 mm. */
  shareOver15: number;
}

const WIDE_MM = 10;
const TALL_MM = 15;
/** Channel difference still counted as the same colour (anti-aliasing in a tint is not a mark). */
const TOLERANCE = 6;

/**
 * A flat region is a union of rectangles of one colour at least 10 mm wide. Each pixel row is cut into runs
 * of one colour; a pixel is a rectangle's centre line when the 10 mm window around it lies in one run. A
 * vertical stack of such pixels (of the same colour) is a flat rectangle 10 mm wide; its height is the
 * stack's length, and the area of the regions is the union of those rectangles taller than 15 mm.
 */
export function flatRegions(png: Buffer, area: TypeArea): FlatReport {
  const { tallest, covered, pxPerMm } = flatCoverage(PNG.sync.read(png), area);
  const tallPixels = covered.reduce((n, v) => n + v, 0);
  return {
    maxHeightMm: Math.round((tallest / pxPerMm) * 10) / 10,
    shareOver15: Math.round((tallPixels / covered.length) * 1000) / 1000,
  };
}

/** The type area's pixels covered by flat regions taller than 15 mm (1), and the tallest region (px). */
export function flatCoverage(img: PNG, area: TypeArea) {
  const pxPerMm = img.width / area.widthMm;
  const x0 = Math.round(area.marginMm.left * pxPerMm);
  const x1 = Math.round(img.width - area.marginMm.right * pxPerMm);
  const y0 = Math.round(area.marginMm.top * pxPerMm);
  const y1 = Math.round(img.height - area.marginMm.bottom * pxPerMm);
  const w = x1 - x0;
  const h = y1 - y0;
  const colour = (x: number, y: number) => {
    const i = (y * img.width + x) * 4;
    return (img.data[i]! << 16) | (img.data[i + 1]! << 8) | img.data[i + 2]!;
  };
  const half = Math.ceil((WIDE_MM / 2) * pxPerMm);
  // Colour key of each centre-line pixel (−1: none).
  const key = new Int32Array(w * h).fill(-1);
  for (let y = 0; y < h; y++) {
    let start = 0;
    while (start < w) {
      const c = colour(x0 + start, y0 + y);
      let end = start + 1;
      while (end < w && sameKey(colour(x0 + end, y0 + y), c)) end++;
      if (end - start >= 2 * half) key.fill(c, y * w + start + half, y * w + end - half);
      start = end;
    }
  }
  let tallest = 0;
  const tall = TALL_MM * pxPerMm;
  const covered = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) {
    let y = 0;
    while (y < h) {
      const k = key[y * w + x]!;
      if (k < 0) {
        y++;
        continue;
      }
      let end = y + 1;
      while (end < h && sameKey(key[end * w + x]!, k)) end++;
      const run = end - y;
      tallest = Math.max(tallest, run);
      if (run > tall)
        for (let yy = y; yy < end; yy++)
          covered.fill(1, yy * w + Math.max(0, x - half), yy * w + Math.min(w, x + half + 1));
      y = end;
    }
  }
  return { tallest, covered, pxPerMm, x0, y0, w, h };
}

function sameKey(a: number, b: number): boolean {
  if (a < 0) return false;
  return (
    Math.abs((a >> 16) - (b >> 16)) <= TOLERANCE &&
    Math.abs(((a >> 8) & 255) - ((b >> 8) & 255)) <= TOLERANCE &&
    Math.abs((a & 255) - (b & 255)) <= TOLERANCE
  );
}
