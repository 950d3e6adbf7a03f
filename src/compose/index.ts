// The page composer: when edition.yaml has no grid, designs one from the modules' estimated needs, their
// reading order and weights, and returns the best few grids (best first) for Chromium to measure.
import type { EditionSource } from '../content/load.ts';
import type { PageGeometry } from '../config/presets.ts';
import type { Module } from '../render/compose.ts';
import { FolioError } from '../errors/FolioError.ts';
import { composeSchema, type ComposeConfig } from './schema.ts';
import { heightMm, metricsOf, ROW_GAP_MM, type Metrics, type ModuleNeed } from './needs.ts';
import { leafScore, type Constraint } from './score.ts';
import { Search, top, type Scored, type SearchStats, type Tree } from './search.ts';
import { boxesOf, gridOf, rectangular, yamlOf, type Box, type GridText } from './grid.ts';
import { headMm, moduleNeeds, readingOrder } from './modules.ts';

type Offered = Map<string, Omit<Module, 'span' | 'rows'>>;

export interface Estimate {
  key: string;
  cols: number;
  boxMm: number;
  needMm: number;
  /** After copyfit, by the estimate: overflow positive, unfilled negative. */
  residualMm: number;
}

export interface Alternative {
  rank: number;
  cost: number;
  sheets: GridText[];
  estimates: Estimate[];
  yaml: string;
}

export interface LayoutPlan {
  alternatives: Alternative[];
  stats: SearchStats & { candidates: number };
  config: ComposeConfig;
}

const plans = new WeakMap<EditionSource, LayoutPlan>();

/** The composer's plan for an edition without a grid; computed once per loaded edition. */
export function planLayout(source: EditionSource, offered: Offered, geometry: PageGeometry): LayoutPlan {
  const cached = plans.get(source);
  if (cached) return cached;
  const config = source.config.compose ?? composeSchema.parse({});
  const m = metricsOf(geometry);
  const needs = moduleNeeds(offered, config, m);
  const spread = source.config.layout === 'spread';
  const head = needs.find((n) => n.kind === 'head');
  const body = needs.filter((n) => n.kind !== 'head');
  const lead = [...body].sort((a, b) => b.weight - a.weight)[0]?.key;
  const constraints = new Map<string, Constraint>(
    body.map((n) => [n.key, { columns: config.modules[n.key]?.columns, lead: n.key === lead }]),
  );
  const sheetCols = spread ? 2 * m.columns : m.columns;
  const headH = head ? headMm(offered.get('head')!, m, sheetCols) + ROW_GAP_MM : 0;
  const across = spread ? body.filter((n) => config.modules[n.key]?.acrossFold) : [];
  const acrossMm = across.map((n) => heightMm(n, m, sheetCols) + ROW_GAP_MM);
  const limits = { maxEvaluations: config.maxEvaluations, maxMs: config.maxMs };
  // Fixed, not from `alternatives`: asking for more proposals must not change which one is best.
  const keep = 10;
  const results: Array<Scored & { seq: ModuleNeed[] }> = [];
  let stats: SearchStats = { evaluations: 0, bounded: false, ms: 0 };
  for (const seq of readingOrder(
    body.filter((n) => !across.includes(n)),
    offered,
  )) {
    const search = new Search(seq, m, constraints, limits);
    const bodyMm = m.gridMm - headH - acrossMm.reduce((a, b) => a + b, 0);
    const found = spread
      ? foldCut(search, seq.length, m.columns, bodyMm, keep)
      : pagesCut(search, seq.length, m.columns, m.gridMm, headH, source.config.pages.length, keep);
    results.push(...found.map((f) => ({ ...f, seq })));
    const s = search.finish();
    stats = {
      evaluations: stats.evaluations + s.evaluations,
      bounded: stats.bounded || s.bounded,
      ms: stats.ms + s.ms,
    };
  }
  const ctx = { m, spread, headH, across, acrossMm, sheetCols, pages: source.config.pages.length };
  // Re-scored on the snapped grid rows, which is what the page will really give each module.
  const rescored = top(results, results.length).flatMap((r) => {
    const grids = sheetsOf(r.tree, ctx);
    if (!grids.every((g) => rectangular(g.areas))) return [];
    const estimates = grids.flatMap((g) => g.boxes).map((b) => estimate(b, needs, m, constraints));
    // The same grid reached by two trees is one alternative.
    const sig = grids.map((g) => `${g.areas.join('/')}:${g.rows.join(',')}`).join('#');
    return [{ ...r, sig, grids, estimates, cost: estimates.reduce((s, e) => s + e.cost, 0) }];
  });
  const picked = top(rescored, config.alternatives) as typeof rescored;
  const alternatives: Alternative[] = picked.map((r, i) => {
    const grids = config.lanes === 'rtl' ? r.grids.map(mirror) : r.grids;
    const estimates = r.estimates.map((e) => ({ ...e, cost: undefined }));
    return { rank: i + 1, cost: round(r.cost), sheets: grids, estimates, yaml: yamlOf(grids) };
  });
  const plan = { alternatives, stats: { ...stats, candidates: results.length }, config };
  const best = alternatives[0];
  if (!best || best.estimates.some((e) => e.residualMm > 1)) throw noFit(source, best, needs, m, headH);
  plans.set(source, plan);
  return plan;
}

/** Non-spread pages: the reading order cut into one run of modules per page; the head tops page one. */
function pagesCut(
  s: Search,
  n: number,
  cols: number,
  gridMm: number,
  headH: number,
  pages: number,
  keep: number,
) {
  const splits = (from: number, left: number): number[][] =>
    left === 1
      ? [[n]]
      : range(from + 1, n - left + 2).flatMap((k) => splits(k, left - 1).map((r) => [k, ...r]));
  const out: Scored[] = [];
  for (const ends of pages > n ? [] : splits(0, pages)) {
    let parts: Scored[] = [{ cost: 0, tree: { leaf: '' }, sig: '' }];
    ends.forEach((end, p) => {
      const start = p === 0 ? 0 : ends[p - 1]!;
      const page = s.solve(start, end, cols, gridMm - (p === 0 ? headH : 0), keep);
      parts = top(
        parts.flatMap((a) => page.map((b) => join(a, b, p))),
        keep,
      );
    });
    out.push(...parts);
  }
  return top(out, keep);
}

/** A spread: the head crosses the spine, every other module stays on its page (a cut at the fold). */
function foldCut(s: Search, n: number, cols: number, bodyMm: number, keep: number): Scored[] {
  const out: Scored[] = [];
  for (let k = 1; k < n; k++)
    for (const a of s.solve(0, k, cols, bodyMm, keep))
      for (const b of s.solve(k, n, cols, bodyMm, keep))
        out.push({
          cost: a.cost + b.cost,
          tree: { cut: 'down', leftCols: cols, a: a.tree, b: b.tree },
          sig: `(${a.sig}||${b.sig})`,
        });
  return top(out, keep);
}

/** Pages of a multi-page edition are chained as `down` cuts of page width; sheetsOf splits them again. */
function join(a: Scored, b: Scored, p: number): Scored {
  if (p === 0) return b;
  return {
    cost: a.cost + b.cost,
    tree: { cut: 'down', leftCols: -1, a: a.tree, b: b.tree },
    sig: `${a.sig}#${b.sig}`,
  };
}

interface SheetCtx {
  m: Metrics;
  spread: boolean;
  headH: number;
  across: ModuleNeed[];
  acrossMm: number[];
  sheetCols: number;
  pages: number;
}

function sheetsOf(tree: Tree, c: SheetCtx): GridText[] {
  const { m } = c;
  if (c.spread) {
    let y = 0;
    const bands: Box[] = c.across.map((n, i) => {
      const b = { key: n.key, x: 0, cols: c.sheetCols, y, h: c.acrossMm[i]! - ROW_GAP_MM };
      y += c.acrossMm[i]!;
      return b;
    });
    const bodyMm = m.gridMm - c.headH - y;
    const boxes = [...bands, ...boxesOf(tree, 0, y, c.sheetCols, bodyMm)];
    return [gridOf(boxes, c.sheetCols, m.gridMm - c.headH, 'head')];
  }
  const pages: Tree[] = [];
  const unchain = (t: Tree) => {
    if ('cut' in t && t.cut === 'down' && t.leftCols === -1) {
      unchain(t.a);
      pages.push(t.b);
    } else pages.push(t);
  };
  unchain(tree);
  return pages.map((t, p) => {
    const h = m.gridMm - (p === 0 ? c.headH : 0);
    return gridOf(boxesOf(t, 0, 0, m.columns, h), m.columns, h, p === 0 && c.headH > 0 ? 'head' : undefined);
  });
}

function estimate(
  b: Box,
  needs: ModuleNeed[],
  m: Metrics,
  cons: Map<string, Constraint>,
): Estimate & { cost: number } {
  const n = needs.find((x) => x.key === b.key)!;
  // A module across the spine loses the spine's width to it; on its own page it has its columns.
  const cols = b.cols > m.columns && b.cols % 2 === 1 ? b.cols - 1 : b.cols;
  const s = leafScore(n, m, cols, b.h, cons.get(b.key) ?? { lead: false });
  const e = { key: b.key, cols, boxMm: round(b.h), needMm: round(s.needMm), residualMm: round(s.residualMm) };
  return { ...e, cost: s.cost };
}

function mirror(g: GridText): GridText {
  return { ...g, areas: g.areas.map((r) => r.split(' ').reverse().join(' ')) };
}

function noFit(
  source: EditionSource,
  best: Alternative | undefined,
  needs: ModuleNeed[],
  m: Metrics,
  headH: number,
) {
  const over = (best?.estimates ?? []).filter((e) => e.residualMm > 1);
  const area = needs.filter((n) => n.kind !== 'head').reduce((sum, n) => sum + heightMm(n, m, 2) * 2, 0);
  const sheets = source.config.pages.length;
  const have = (m.gridMm * sheets - headH) * m.columns;
  const missingMm = round(
    Math.max(
      over.reduce((s, e) => s + e.residualMm, 0),
      (area - have) / m.columns,
    ),
  );
  const list = over.length
    ? over.map((e) => `${e.key} (${e.needMm} mm in ${e.boxMm} mm)`).join(', ')
    : needs.map((n) => n.key).join(', ');
  return new FolioError(
    'ComposeNoFit',
    { modules: list, missingMm, preset: source.config.preset, pages: sheets },
    { file: source.configFile, line: 1, column: 1 },
  );
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
