// Guillotine search: a box of columns × mm is cut across (earlier modules above) or down (earlier modules to
// the left) until each module has its own rectangle; memoised, keeping the best few per box, within a budget.
import { areaOf, minCols, ROW_GAP_MM, type Metrics, type ModuleNeed } from './needs.ts';
import { leafScore, type Constraint } from './score.ts';

export type Tree =
  | { leaf: string }
  | { cut: 'across'; topMm: number; a: Tree; b: Tree }
  | { cut: 'down'; leftCols: number; a: Tree; b: Tree };

export interface Scored {
  cost: number;
  tree: Tree;
  /** A canonical spelling of the tree: the stable tie-break between equal costs. */
  sig: string;
}

export interface SearchLimits {
  /** Boxes evaluated before the search narrows to its first guesses. */
  maxEvaluations: number;
  /** Wall-clock limit in ms, checked between boxes. */
  maxMs: number;
}

export interface SearchStats {
  evaluations: number;
  /** True when a limit was reached and the rest of the search only tried its first guesses. */
  bounded: boolean;
  ms: number;
}

const KEEP = 2;
const CUT_COST = 1;
const MIN_BOX_MM = 30;
const QUANTUM = 6;

export class Search {
  private memo = new Map<number, Scored[]>();
  private areas: number[];
  private mins: number[];
  private started = Date.now();
  readonly stats: SearchStats = { evaluations: 0, bounded: false, ms: 0 };

  constructor(
    private seq: ModuleNeed[],
    private m: Metrics,
    private constraints: Map<string, Constraint>,
    private limits: SearchLimits,
  ) {
    this.areas = seq.map((n) => areaOf(n, m));
    this.mins = seq.map((n) => {
      const fixed = constraints.get(n.key)?.columns;
      return fixed ?? minCols(n, m);
    });
  }

  /** The best arrangements of modules i..j-1 in a box `cols` wide and `mm` tall, best first. */
  solve(i: number, j: number, cols: number, mm: number, keep = KEEP): Scored[] {
    // Heights are memoised in steps of QUANTUM: the rows are snapped and re-scored afterwards anyway.
    const h = Math.round(mm / QUANTUM) * QUANTUM;
    const key = (((i * 64 + j) * 64 + cols) * 4096 + h / QUANTUM) * 16 + keep;
    const hit = this.memo.get(key);
    if (hit) return hit;
    this.stats.evaluations++;
    if (!this.stats.bounded && this.stats.evaluations % 256 === 0) this.checkLimits();
    const out: Lazy[] = [];
    if (j - i === 1) {
      const n = this.seq[i]!;
      const c = this.constraints.get(n.key) ?? { lead: false };
      const leaf: Scored = { cost: leafScore(n, this.m, cols, h, c).cost, tree: { leaf: n.key }, sig: n.key };
      out.push({ cost: leaf.cost, make: () => leaf });
    } else {
      for (let k = i + 1; k < j; k++) {
        this.across(i, k, j, cols, h, out);
        this.down(i, k, j, cols, h, out);
      }
    }
    const best = pick(out, keep);
    this.memo.set(key, best);
    return best;
  }

  private across(i: number, k: number, j: number, cols: number, h: number, out: Lazy[]): void {
    const avail = h - ROW_GAP_MM;
    if (avail < 2 * MIN_BOX_MM) return;
    const share = this.sum(i, k) / (this.sum(i, k) + this.sum(k, j));
    const guesses = this.stats.bounded ? [1] : [1, 0.8, 1.25];
    const tops = new Set(
      guesses.map((g) =>
        clamp(Math.round((avail * share * g) / QUANTUM) * QUANTUM, MIN_BOX_MM, avail - MIN_BOX_MM),
      ),
    );
    for (const t of tops) {
      const as = this.solve(i, k, cols, t);
      const bs = this.solve(k, j, cols, avail - t);
      for (const a of as)
        for (const b of bs)
          out.push({
            cost: a.cost + b.cost + CUT_COST,
            make: () => ({
              cost: a.cost + b.cost + CUT_COST,
              tree: { cut: 'across', topMm: t, a: a.tree, b: b.tree },
              sig: `(${a.sig}/${b.sig})`,
            }),
          });
    }
  }

  private down(i: number, k: number, j: number, cols: number, h: number, out: Lazy[]): void {
    const needL = Math.max(...this.mins.slice(i, k));
    const needR = Math.max(...this.mins.slice(k, j));
    if (needL + needR > cols) return;
    const share = this.sum(i, k) / (this.sum(i, k) + this.sum(k, j));
    const guess = Math.round(cols * share);
    for (let c = needL; c <= cols - needR; c++) {
      // Once bounded, only the split nearest the modules' share of the area.
      if (this.stats.bounded && Math.abs(c - guess) > 1) continue;
      const as = this.solve(i, k, c, h);
      const bs = this.solve(k, j, cols - c, h);
      for (const a of as)
        for (const b of bs)
          out.push({
            cost: a.cost + b.cost + CUT_COST,
            make: () => ({
              cost: a.cost + b.cost + CUT_COST,
              tree: { cut: 'down', leftCols: c, a: a.tree, b: b.tree },
              sig: `(${a.sig}|${c}|${b.sig})`,
            }),
          });
    }
  }

  private sum(i: number, j: number): number {
    return this.areas.slice(i, j).reduce((a, b) => a + b, 0);
  }

  private checkLimits(): void {
    const ms = Date.now() - this.started;
    if (this.stats.evaluations >= this.limits.maxEvaluations || ms >= this.limits.maxMs)
      this.stats.bounded = true;
  }

  finish(): SearchStats {
    this.stats.ms = Date.now() - this.started;
    return this.stats;
  }
}

/** A candidate whose tree is built only if it is kept (most are not: building them all is the cost). */
interface Lazy {
  cost: number;
  make: () => Scored;
}

/** The best `keep` of lazy candidates: cheapest first; equal costs keep the order they were generated in
 *  (a stable sort over a fixed generation order), duplicates dropped. */
function pick(list: Lazy[], keep: number): Scored[] {
  const sorted = [...list].sort((a, b) => a.cost - b.cost);
  const seen = new Set<string>();
  const out: Scored[] = [];
  for (const l of sorted) {
    const s = l.make();
    if (seen.has(s.sig)) continue;
    seen.add(s.sig);
    out.push(s);
    if (out.length === keep) break;
  }
  return out;
}

/** The best `keep`, cheapest first, ties broken by the tree's spelling, duplicates dropped. */
export function top(list: Scored[], keep: number): Scored[] {
  const sorted = [...list].sort((a, b) => a.cost - b.cost || (a.sig < b.sig ? -1 : a.sig > b.sig ? 1 : 0));
  const seen = new Set<string>();
  const out: Scored[] = [];
  for (const s of sorted) {
    if (seen.has(s.sig)) continue;
    seen.add(s.sig);
    out.push(s);
    if (out.length === keep) break;
  }
  return out;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
