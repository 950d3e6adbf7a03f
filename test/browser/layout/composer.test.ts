// Both seeds built with grid: and rows: removed: the composer designs the pages, and they come out
// without overset, the headline on top and the sections in reading order, as measured in the page.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/pipeline.ts';
import type { BuildResult } from '../../../src/output/report.ts';
import { copyEdition } from '../../helpers/edition.ts';

const SEEDS = ['taiyuan-five-years', 'taiyuan-work-report'];

/** edition.yaml without its grid: block and rows: line. */
function stripGrid(dir: string): void {
  const file = join(dir, 'edition.yaml');
  const text = readFileSync(file, 'utf8')
    .replace(/^grid:\n(?: {2}- \|\n(?: {4}.*\n)+)+/m, '')
    .replace(/^rows:.*\n/m, '');
  expect(text).not.toMatch(/^(grid|rows):/m);
  writeFileSync(file, text);
}

let results: BuildResult[];
let logs: string[];

beforeAll(async () => {
  const dirs = SEEDS.map((s) => copyEdition(s));
  dirs.forEach(stripGrid);
  logs = [];
  const outDir = join(dirs[0]!, '..', 'out');
  // One browser, draft outputs: the composer's Chromium cost in the suite stays one build of each seed.
  results = await build(dirs, { outDir, draft: true, log: (l) => logs.push(l) });
}, 300_000);

describe.each(SEEDS.map((s, i) => [s, i] as const))('%s without a grid', (_seed, i) => {
  it('is composed by Folio, says so, and builds without overset', () => {
    const r = results[i]!;
    expect(r.layout).toMatchObject({ by: 'composer' });
    expect(logs.some((l) => l.includes(`${SEEDS[i]}: grid: composed by Folio`))).toBe(true);
    // build() throws on overset (no --allow-overset), so reaching here means none; the report agrees.
    expect(r.warnings.filter((w) => w.code === 'Overset')).toEqual([]);
  });

  it('puts the headline above every other module, across the page', () => {
    const first = results[i]!.fit!.pages[0]!;
    const head = first.modules.find((m) => m.module === 'head')!;
    for (const m of first.modules.filter((x) => x.module !== 'head')) {
      expect(m.box.yMm, m.module).toBeGreaterThanOrEqual(head.box.yMm + head.box.hMm - 1);
      expect(head.box.wMm).toBeGreaterThan(m.box.wMm - 1);
    }
  });

  it('reads the sections in number order: each below or to the right of the one before', () => {
    const pages = results[i]!.fit!.pages;
    const numbered = pages.flatMap((p, pi) =>
      p.modules
        .filter((m) => /^s\d+$/.test(m.module))
        .map((m) => ({ n: Number(m.module.slice(1)), page: pi, ...m.box })),
    );
    numbered.sort((a, b) => a.n - b.n);
    for (let k = 1; k < numbered.length; k++) {
      const a = numbered[k - 1]!;
      const b = numbered[k]!;
      const later = b.page > a.page || b.yMm > a.yMm + 1 || b.xMm > a.xMm + 1;
      expect(later, `s${b.n} after s${a.n}`).toBe(true);
    }
  });
});
