// folio diff against an earlier figures file: exactly the changed figures, and images that show where.
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { expect, it } from 'vitest';
import { diffEdition } from '../../../src/diff/index.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';

it('lists the changed figures and marks the changed page only', async () => {
  const dir = copyEdition('taiyuan-work-report');
  const scratch = mkdtempSync(join(tmpdir(), 'folio-diff-'));
  const earlier = join(scratch, 'figures-earlier.yaml');
  copyFileSync(join(dir, 'figures.yaml'), earlier);
  edit(join(dir, 'figures.yaml'), 'value: 1974', 'value: 1986'); // party.cadresTrained, page 6
  edit(join(dir, 'figures.yaml'), 'value: 4600', 'value: 4700'); // party.grassrootsTalks, page 6

  const out = join(scratch, 'out');
  const summary = await diffEdition(dir, { since: earlier, outDir: out });

  expect(summary.figures.map((f) => [f.id, f.before, f.after])).toEqual([
    ['party.cadresTrained', '1974人', '1986人'],
    ['party.grassrootsTalks', '4600余场', '4700余场'],
  ]);
  const changedPages = new Set(summary.figures.flatMap((f) => f.pages));
  expect([...changedPages]).toEqual([6]);
  expect(summary.pages.map((p) => p.page)).toEqual([6, 7]);
  for (const p of summary.pages) {
    for (const file of [p.before, p.after, p.diff]) expect(existsSync(file), file).toBe(true);
    const png = PNG.sync.read(readFileSync(p.diff));
    expect(png.width).toBeGreaterThan(100);
    if (changedPages.has(p.page)) expect(p.changedPixels).toBeGreaterThan(0);
    else expect(p.changedPixels).toBe(0);
  }
  const html = readFileSync(summary.report, 'utf8');
  expect(html).toContain('party.cadresTrained');
  expect(html).toContain('diff-06.png');
}, 120_000);
