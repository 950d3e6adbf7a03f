// Page images for visual regression: the PDF rasterised small, and a tolerant pixel comparison.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** Low resolution on purpose: a moved block shows, anti-aliasing noise mostly does not. */
export const DPI = 30;

export function rasterise(pdf: string): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'folio-vis-'));
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', pdf, join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

export interface Difference {
  /** Share of pixels that differ beyond pixelmatch's colour threshold. */
  ratio: number;
  sameSize: boolean;
  diffPng: Buffer;
}

export function compare(expected: Buffer, actual: Buffer): Difference {
  const a = PNG.sync.read(expected);
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) return { ratio: 1, sameSize: false, diffPng: actual };
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.15 });
  return { ratio: n / (a.width * a.height), sameSize: true, diffPng: PNG.sync.write(diff) };
}

/** References live in the repo; only `npm run visual:update` rewrites them. */
export const refPath = (edition: string, index: number) =>
  join('test', 'browser', 'visual', 'refs', `${edition}-${String(index + 1).padStart(2, '0')}.png`);

/** A page may differ in this share of its pixels (font hinting, anti-aliasing) and still pass. */
export const TOLERANCE = 0.004;
