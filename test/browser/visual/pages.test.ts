// Visual regression: every page of the example editions against its committed reference image.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { compare, rasterise, refPath, TOLERANCE } from './raster.ts';

const { results } = inject('built');
const pdfs = results.flatMap((r) => [
  { edition: r.edition, pdf: r.outputs['pdf']! },
  ...(r.outputs['spread'] ? [{ edition: `${r.edition}-spread`, pdf: r.outputs['spread'] }] : []),
]);

describe.each(pdfs)('$edition', ({ edition, pdf }) => {
  it('matches the reference page images', () => {
    const pages = rasterise(pdf);
    expect(pages.length).toBeGreaterThan(0);
    pages.forEach((png, i) => {
      const ref = refPath(edition, i);
      expect(existsSync(ref), `${ref} is missing: run npm run visual:update and look at it`).toBe(true);
      const d = compare(readFileSync(ref), png);
      if (!d.sameSize || d.ratio > TOLERANCE) {
        mkdirSync(join('test', '.tmp'), { recursive: true });
        writeFileSync(join('test', '.tmp', `${edition}-${i + 1}-diff.png`), d.diffPng);
      }
      expect(d.sameSize, `${ref}: page size changed`).toBe(true);
      expect(
        d.ratio,
        `${ref}: ${(d.ratio * 100).toFixed(2)}% of pixels differ (diff in test/.tmp)`,
      ).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});
