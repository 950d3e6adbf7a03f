// Row heights from content: every module's box should lie between the least and the most its ladder can
// make of its content. Solved as a small least-squares problem: overflow costs far more than spare, spare
// is spread (squared, so evenly rather than as one hole), and the declared policy decides what is left free.

export interface Track {
  /** share: a number in edition.yaml `rows:` (its weight); auto: content height only; fixed: px. */
  kind: 'share' | 'auto' | 'fixed';
  weight: number;
  px: number;
}

export interface Need {
  key: string;
  rows: [number, number];
  /** Content height at the set size, and the least and most the ladder can make of it (px). */
  natural: number;
  min: number;
  max: number;
}

export interface RowPlan {
  heights: number[];
  /** Height the modules cannot fill even at their fullest (px, summed over modules). */
  underset: number;
  /** Height the modules need beyond their boxes even at their tightest (px, summed). */
  overfull: number;
}

const OVERFLOW = 100;
const POLICY = 0.001;

/**
 * When the modules cannot all fit, the one furthest past its box gives way (it is the overset one) and
 * the rest are solved again, so one module is reported instead of every module in its column.
 */
export function solveRows(
  tracks: Track[],
  needs: Need[],
  total: number,
  gap: number,
  policy: 'weights' | 'even',
): RowPlan {
  let work = needs;
  let plan = solveOnce(tracks, work, total, gap, policy);
  // plan.overfull counts only modules that have not given way; the culprits overflow as reported.
  for (let i = 0; i < needs.length && plan.overfull > 1; i++) {
    const box = (m: Need) => boxOf(plan.heights, m, gap);
    const worst = work.reduce((a, b) => (b.min - box(b) > a.min - box(a) ? b : a));
    work = work.map((m) => (m === worst ? { ...m, min: 0, max: Math.min(m.max, m.natural) } : m));
    plan = solveOnce(tracks, work, total, gap, policy);
  }
  return { ...plan, overfull: violations(plan.heights, needs, gap).overfull };
}

/** A module's box: the rows it spans and the gaps between them. */
function boxOf(heights: number[], m: Need, gap: number): number {
  return heights.slice(m.rows[0], m.rows[1]).reduce((a, b) => a + b, 0) + gap * (m.rows[1] - m.rows[0] - 1);
}

function violations(heights: number[], needs: Need[], gap: number) {
  let underset = 0;
  let overfull = 0;
  for (const m of needs) {
    const box = boxOf(heights, m, gap);
    underset += Math.max(0, box - m.max);
    overfull += Math.max(0, m.min - box);
  }
  return { underset, overfull };
}

function solveOnce(
  tracks: Track[],
  needs: Need[],
  total: number,
  gap: number,
  policy: 'weights' | 'even',
): RowPlan {
  const n = tracks.length;
  const free = tracks.map((t) => t.kind === 'share');
  // An auto row is as tall as the tallest module that sits in it alone; a fixed row is its size.
  const heights = tracks.map((t, r) =>
    t.kind === 'fixed'
      ? t.px
      : t.kind === 'auto'
        ? Math.max(0, ...needs.filter((m) => m.rows[0] === r && m.rows[1] === r + 1).map((m) => m.natural))
        : 0,
  );
  const rows = (m: Need) => Array.from({ length: m.rows[1] - m.rows[0] }, (_, i) => m.rows[0] + i);
  const shareRows = heights.map((_, r) => r).filter((r) => free[r]);
  if (!shareRows.length) return { heights, ...violations(heights, needs, gap) };
  const room = total - gap * (n - 1) - heights.reduce((a, h, r) => a + (free[r] ? 0 : h), 0);
  const w = shareRows.map((r) => (policy === 'even' ? 1 : tracks[r]!.weight));
  const wSum = w.reduce((a, b) => a + b, 0);
  const target = shareRows.map((_, i) => (room * w[i]!) / wSum);
  shareRows.forEach((r, i) => (heights[r] = target[i]!));
  const perRow = Math.max(1, ...shareRows.map((r) => needs.filter((m) => rows(m).includes(r)).length));
  const step = 1 / (2 * (OVERFLOW * perRow * n + POLICY));
  for (let it = 0; it < 4000; it++) {
    const grad = heights.map(() => 0);
    for (const m of needs) {
      const box = boxOf(heights, m, gap);
      const d = box < m.min ? OVERFLOW * (box - m.min) : box > m.max ? box - m.max : 0;
      if (d) for (const r of rows(m)) grad[r]! += 2 * d;
    }
    shareRows.forEach((r, i) => (grad[r]! += 2 * POLICY * (heights[r]! - target[i]!)));
    const mean = shareRows.reduce((a, r) => a + grad[r]!, 0) / shareRows.length;
    let moved = 0;
    for (const r of shareRows) {
      const next = Math.max(0, heights[r]! - step * (grad[r]! - mean));
      moved += Math.abs(next - heights[r]!);
      heights[r] = next;
    }
    // Back onto the page: the share rows fill exactly the room there is.
    const off = (room - shareRows.reduce((a, r) => a + heights[r]!, 0)) / shareRows.length;
    for (const r of shareRows) heights[r] = Math.max(0, heights[r]! + off);
    if (moved < 1e-4 && it > 50) break;
  }
  return { heights, ...violations(heights, needs, gap) };
}
