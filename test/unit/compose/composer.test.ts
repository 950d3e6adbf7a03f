// The composer's search: rectangular grids on the column grid, reading order, the lead's place,
// determinism, spreads, and one error when nothing fits.
import { describe, expect, it } from 'vitest';
import { collectModules, composePages } from '../../../src/render/compose.ts';
import { planLayout } from '../../../src/compose/index.ts';
import { rectangular } from '../../../src/compose/grid.ts';
import { resolveGeometry } from '../../../src/config/presets.ts';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { article, section, source } from './helpers.ts';

const sections = () => [
  section('01', [300, 300, 300, 300], ['callout size-xl', 'stats cols-2']),
  section('02', [250, 250], ['callout size-l']),
  section('03', [200, 200, 200], ['stats cols-3']),
  section('04', [180, 180], ['donut']),
  section('05', [220, 220, 220]),
];

function plan(config: Record<string, unknown> = {}, secs = sections()) {
  const s = source({ preset: 'broadsheet', ...config });
  return planLayout(s, collectModules([article(secs)]), resolveGeometry(s.config));
}

/** Grid cells of one sheet, head row first. */
const cells = (areas: string[]) => areas.map((r) => r.split(' '));

/** Modules in reading order: first appearance scanning lanes left to right, each top to bottom. */
function firstCells(areas: string[]): Map<string, { row: number; col: number }> {
  const out = new Map<string, { row: number; col: number }>();
  cells(areas).forEach((r, row) =>
    r.forEach((name, col) => {
      if (!out.has(name)) out.set(name, { row, col });
    }),
  );
  return out;
}

describe('composer', () => {
  it('draws a rectangular grid with the head across the top and every module once', () => {
    const best = plan().alternatives[0]!;
    const [sheet] = best.sheets;
    expect(rectangular(sheet!.areas)).toBe(true);
    expect(new Set(cells(sheet!.areas)[0])).toEqual(new Set(['head']));
    expect(sheet!.rows[0]).toBe('auto');
    expect(sheet!.rows).toHaveLength(sheet!.areas.length);
    const names = new Set(cells(sheet!.areas).flat());
    expect(names).toEqual(new Set(['head', 's01', 's02', 's03', 's04', 's05']));
    for (const e of best.estimates) expect(e.residualMm).toBeLessThanOrEqual(1);
  });

  it('puts the lead (the first section, or the heaviest) at the top left, at least half the page wide', () => {
    const lead = (config?: Record<string, unknown>) => {
      const [sheet] = plan(config).alternatives[0]!.sheets;
      const row = cells(sheet!.areas)[1]!;
      return { first: row[0], width: row.filter((n) => n === row[0]).length };
    };
    expect(lead()).toMatchObject({ first: 's01' });
    expect(lead().width).toBeGreaterThanOrEqual(4);
    const weighted = plan({ compose: { modules: { s03: { weight: 3 } } } }).alternatives[0]!;
    const s03 = weighted.estimates.find((e) => e.key === 's03')!;
    expect(s03.cols).toBeGreaterThanOrEqual(4);
  });

  it('keeps sections in reading order: each starts no earlier than the one before it in its lane order', () => {
    const [sheet] = plan().alternatives[0]!.sheets;
    const at = firstCells(sheet!.areas);
    const order = ['s01', 's02', 's03', 's04', 's05'];
    // Guillotine order: a later module is below an earlier one, or in a lane to its right.
    for (let i = 1; i < order.length; i++) {
      const a = at.get(order[i - 1]!)!;
      const b = at.get(order[i]!)!;
      expect(b.row > a.row || b.col > a.col, `${order[i]} after ${order[i - 1]}`).toBe(true);
    }
  });

  it('gives the same grid for the same content, and a different one when the content changes', () => {
    const a = plan().alternatives.map((x) => x.yaml);
    const b = plan().alternatives.map((x) => x.yaml);
    expect(b).toEqual(a);
    const longer = sections();
    longer[4] = section('05', [500, 500, 500]);
    expect(plan({}, longer).alternatives[0]!.yaml).not.toBe(a[0]);
  });

  it('honours a fixed span and reports how far it searched', () => {
    const p = plan({ compose: { modules: { s02: { columns: 3 } }, alternatives: 2 } });
    expect(p.alternatives.length).toBeLessThanOrEqual(2);
    expect(p.alternatives[0]!.estimates.find((e) => e.key === 's02')!.cols).toBe(3);
    expect(p.stats.evaluations).toBeGreaterThan(0);
    const tight = plan({ compose: { maxEvaluations: 100 } });
    expect(tight.stats.bounded).toBe(true);
    expect(tight.alternatives.length).toBeGreaterThan(0);
  });

  it('keeps every module but the head on its own page of a spread', () => {
    const s = source({ preset: 'broadsheet', layout: 'spread', pages: [6, 7] });
    const pages = composePages(s, [article(sections())], 8);
    const grid = cells(pages[0]!.areas);
    expect(pages[0]!.gridBy).toMatchObject({ by: 'composer', alternative: 1 });
    expect(new Set(grid[0])).toEqual(new Set(['head']));
    // Column 8 is the spine: below the head nothing is there but the gap.
    for (const row of grid.slice(1)) expect(row[8]).toBe('.');
  });

  it('says which grid was used: the hand-written one always wins', () => {
    const s = source({ page: { columns: 4 }, grid: ['head head head head\ns01 s01 s02 s02'] });
    const pages = composePages(s, [article(sections().slice(0, 2))], 4);
    expect(pages[0]!.gridBy).toEqual({ by: 'edition' });
  });

  it('fails with one catalogue error naming the modules and the space missing when nothing fits', () => {
    const huge = [
      section('01', Array(40).fill(600)),
      section('02', Array(40).fill(600)),
      section('03', [100]),
    ];
    let err: unknown;
    try {
      plan({ preset: 'tabloid' }, huge);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FolioError);
    const e = err as FolioError;
    expect(e.code).toBe('ComposeNoFit');
    expect(e.message).toMatch(/s01 \(\d+(\.\d)? mm in \d+(\.\d)? mm\)/);
    expect(e.message).toMatch(/about \d+ mm of column depth missing/);
    expect(e.hint).toMatch(/bigger preset.*continuedTo/);
    expect(e.position?.file).toBe('/e/edition.yaml');
  });
});
