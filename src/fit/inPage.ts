// Runs inside the paginated page: measures each module's content, sets the rows and runs the ladder per
// module on the live DOM. Free of imports: page.evaluate serialises it; the ladder is installed beside it.
import type { LadderLimits, LadderResult, Settings } from './ladder.ts';

export interface ProbedModule {
  key: string;
  rows: [number, number];
  natural: number;
  min: number;
  max: number;
}
export interface ProbedGrid {
  /** Sheet's printed page numbers ("6,7"): matches a grid to its composed page. */
  pages: string;
  total: number;
  gap: number;
  modules: ProbedModule[];
}
export interface GridPlan {
  heights: number[];
}
export interface FittedModule extends LadderResult {
  key: string;
  box: number;
}

export type FitCommand =
  | { kind: 'probe'; min: Settings; max: Settings }
  | {
      kind: 'apply';
      plans: GridPlan[];
      limits: LadderLimits;
      lead: string;
    };

export function fitInPage(cmd: FitCommand): ProbedGrid[] | FittedModule[] {
  const grids = Array.from(document.querySelectorAll<HTMLElement>('.np-grid'));
  const fitModule = (
    globalThis as unknown as {
      __folioFitModule: (m: (s: Settings) => number, box: number, l: LadderLimits) => LadderResult;
    }
  ).__folioFitModule;
  const modulesOf = (grid: HTMLElement) => Array.from(grid.querySelectorAll<HTMLElement>(':scope > .module'));
  const set = (m: HTMLElement, s: Settings) => {
    m.style.setProperty('--fit-g', String(s.g));
    m.style.setProperty('--fit-lead', String(s.lead));
    m.style.setProperty('--fit-para', `${s.para}em`);
    m.style.setProperty('--fit-track', `${s.track}em`);
    m.style.setProperty('--fit-size', `${s.size}pt`);
  };
  const BIG = '.callout-num, .stat-num, .progress-value, .picto-number, .donut-value, .cmp-verdict b';
  /** The largest big number in a module, px (0 without graphics). */
  const biggest = (m: HTMLElement) =>
    Math.max(
      0,
      ...Array.from(m.querySelectorAll(BIG)).map((el) => parseFloat(getComputedStyle(el).fontSize)),
    );
  /** Hierarchy: no module's big numbers outgrow the lead section's (set once the lead is fitted). */
  let cap = Infinity;
  /** Content height of a module at settings s; Infinity when a graphic no longer fits its width. */
  const height = (m: HTMLElement, s: Settings): number => {
    set(m, s);
    const h = m.getBoundingClientRect().height;
    for (const b of Array.from(m.querySelectorAll<HTMLElement>('.module-graphics > .blk, .stat')))
      if (b.scrollWidth > b.clientWidth + 1) return Infinity;
    if (s.g > 1 && biggest(m) > cap + 0.5) return Infinity;
    return h;
  };
  const rowsOf = (m: HTMLElement): [number, number] => {
    const [a = 0, b = 1] = (m.dataset['rows'] ?? '').split(' ').map(Number);
    return [a, b];
  };
  if (cmd.kind === 'probe') {
    return grids.map((grid) => {
      grid.classList.add('fit-measuring');
      const base = { g: 1, lead: 1, para: 0, track: 0, size: 0 };
      const modules = modulesOf(grid).map((m) => {
        const natural = height(m, base);
        const lo = height(m, cmd.min);
        // The most a module can take: graphics grown as far as they go without colliding.
        const his = [1, 1.25, 1.5, 2, cmd.max.g].map((g) =>
          height(m, { ...cmd.max, g: Math.min(g, cmd.max.g) }),
        );
        const hi = Math.max(...his.filter(Number.isFinite), natural);
        set(m, base);
        return {
          key: m.dataset['module'] ?? '?',
          rows: rowsOf(m),
          natural,
          // A setting that makes a graphic collide is not one the ladder can use.
          min: Number.isFinite(lo) ? Math.min(lo, natural) : natural,
          max: hi,
        };
      });
      const style = getComputedStyle(grid);
      return {
        pages: grid.closest<HTMLElement>('.np-sheet')?.dataset['pages'] ?? '',
        total: grid.getBoundingClientRect().height,
        gap: parseFloat(style.rowGap) || 0,
        modules,
      };
    });
  }
  // apply: fixed rows, then every module's ladder; the lead section first, so the others stay below it.
  const jobs: Array<{ m: HTMLElement; box: number }> = [];
  grids.forEach((grid, i) => {
    const plan = cmd.plans[i];
    if (!plan) return;
    grid.style.gridTemplateRows = plan.heights.map((h) => `${h.toFixed(2)}px`).join(' ');
    const gap = parseFloat(getComputedStyle(grid).rowGap) || 0;
    for (const m of modulesOf(grid)) {
      const [a, b] = rowsOf(m);
      const box = plan.heights.slice(a, b).reduce((x, y) => x + y, 0) + gap * (b - a - 1);
      jobs.push({ m, box });
    }
  });
  jobs.sort(
    (x, y) => Number(y.m.dataset['module'] === cmd.lead) - Number(x.m.dataset['module'] === cmd.lead),
  );
  const out: FittedModule[] = [];
  for (const { m, box } of jobs) {
    const key = m.dataset['module'] ?? '?';
    // The head module sits in a row sized to it: nothing to fit.
    const base = { g: 1, lead: 1, para: 0, track: 0, size: 0 };
    const graphics: [number, number] = m.querySelector('.module-graphics') ? cmd.limits.graphics : [0, 0];
    const r = m.classList.contains('module-head')
      ? { settings: base, height: height(m, base), steps: [], probes: 1 }
      : fitModule((s) => height(m, s), box, { ...cmd.limits, graphics });
    set(m, r.settings);
    if (key === cmd.lead) cap = biggest(m) || Infinity;
    out.push({ ...r, key, box });
  }
  return out;
}
