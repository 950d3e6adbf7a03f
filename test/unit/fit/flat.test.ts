// The raster checker for flat regions (issue 10's measure), on synthetic page images.
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { flatRegions } from '../../helpers/flat.ts';

const PX = 4; // px per mm
const area = { widthMm: 100, heightMm: 100, marginMm: { top: 10, right: 10, bottom: 10, left: 10 } };

/** A page of "text" (a dark dot every 2 px in lines 1 px apart) with rectangles painted flat. */
function page(flat: Array<{ x: number; y: number; w: number; h: number; rgb: [number, number, number] }>) {
  const png = new PNG({ width: 100 * PX, height: 100 * PX });
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const ink = y % 3 === 0 && x % 2 === 0;
      const hit = flat.find(
        (r) => x >= r.x * PX && x < (r.x + r.w) * PX && y >= r.y * PX && y < (r.y + r.h) * PX,
      );
      const c = hit ? hit.rgb : ink ? [20, 20, 20] : [255, 255, 255];
      png.data[i] = c[0]!;
      png.data[i + 1] = c[1]!;
      png.data[i + 2] = c[2]!;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}

describe('flatRegions', () => {
  it('finds nothing flat in a page full of text', () => {
    // Only the gaps between lines are flat, each under a millimetre tall.
    const r = flatRegions(page([]), area);
    expect(r.maxHeightMm).toBeLessThan(1);
    expect(r.shareOver15).toBe(0);
  });

  it('measures a white hole and a tinted panel by height and share of the type area', () => {
    const r = flatRegions(
      page([
        { x: 20, y: 20, w: 30, h: 50, rgb: [255, 255, 255] },
        { x: 60, y: 20, w: 20, h: 20, rgb: [244, 241, 238] },
      ]),
      area,
    );
    // The blank line gaps touching the hole add up to a line's gap above and below.
    expect(r.maxHeightMm).toBeGreaterThanOrEqual(50);
    expect(r.maxHeightMm).toBeLessThan(51.5);
    expect(Math.abs(r.shareOver15 - (30 * 50 + 20 * 20) / (80 * 80))).toBeLessThan(0.01);
  });

  it('does not count regions narrower than 10 mm or not taller than 15 mm', () => {
    const r = flatRegions(
      page([
        { x: 20, y: 20, w: 8, h: 60, rgb: [255, 255, 255] },
        { x: 40, y: 20, w: 40, h: 14, rgb: [255, 255, 255] },
      ]),
      area,
    );
    expect(r.maxHeightMm).toBeLessThan(15);
    expect(r.shareOver15).toBe(0);
  });
});
