// How wide a picture is placed (newspaper columns → mm) and how many pixels that needs at a given ppi.
import type { PageGeometry } from '../config/presets.ts';

const MM_PER_INCH = 25.4;

/** One newspaper column: the type area between the margins, less its gutters, shared by the columns. */
export function columnWidthMm(g: PageGeometry): number {
  return (g.widthMm - g.marginMm.left - g.marginMm.right - (g.columns - 1) * g.gutterMm) / g.columns;
}

/** A picture `cols` columns wide also spans the gutters between those columns. */
export function placedWidthMm(g: PageGeometry, cols: number): number {
  return cols * columnWidthMm(g) + (cols - 1) * g.gutterMm;
}

/** `3:2` → 1.5 (width over height). */
export function parseRatio(ratio: string): number {
  const [w, h] = ratio.split(':').map(Number);
  return w! / h!;
}

export interface SizePlan {
  /** Output pixels. */
  width: number;
  height: number;
  /** Source pixels across the placed width, per inch: what the original can give, before any resize. */
  effectivePpi: number;
  /** Cropped to the ratio (resize with fit: cover). */
  crop: boolean;
}

/** Pixels for a picture placed `placedMm` wide at `ppi`: the ratio crop applied, never more than the source has. */
export function planSize(
  source: { width: number; height: number },
  placedMm: number,
  ppi: number,
  ratio?: number,
): SizePlan {
  const aspect = ratio ?? source.width / source.height;
  // The widest strip of the source that has the wanted aspect: a crop only ever removes pixels.
  const available = Math.min(source.width, source.height * aspect);
  const inches = placedMm / MM_PER_INCH;
  const width = Math.max(1, Math.min(Math.round(inches * ppi), Math.floor(available)));
  return {
    width,
    height: Math.max(1, Math.round(width / aspect)),
    effectivePpi: available / inches,
    crop: ratio !== undefined,
  };
}
