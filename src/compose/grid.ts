// Turns a cut tree into what edition.yaml says by hand: grid-template-areas rows and their height shares.
import { ROW_GAP_MM } from './needs.ts';
import type { Tree } from './search.ts';

export interface Box {
  key: string;
  /** First column (0-based) and span, on the sheet's column grid (a spread counts 16). */
  x: number;
  cols: number;
  /** Top and height in mm below the head row. */
  y: number;
  h: number;
}

/** Places a tree's leaves in a box at (x, y). */
export function boxesOf(t: Tree, x: number, y: number, cols: number, h: number): Box[] {
  if ('leaf' in t) return [{ key: t.leaf, x, cols, y, h }];
  if (t.cut === 'across') {
    const bottom = h - t.topMm - ROW_GAP_MM;
    return [...boxesOf(t.a, x, y, cols, t.topMm), ...boxesOf(t.b, x, y + t.topMm + ROW_GAP_MM, cols, bottom)];
  }
  return [...boxesOf(t.a, x, y, t.leftCols, h), ...boxesOf(t.b, x + t.leftCols, y, cols - t.leftCols, h)];
}

export interface GridText {
  areas: string[];
  /** Shares of the free height per row after the head's `auto` row (rounded). */
  rows: Array<number | 'auto'>;
  /** The boxes as the snapped rows make them (what the page will really give each module). */
  boxes: Box[];
}

// Cuts closer than this in different lanes become one grid line: CSS rows are shared by every lane.
const SNAP_MM = 15;

/** The grid rows of one sheet: the head (when given) in an auto row, then the boxes' rows. */
export function gridOf(boxes: Box[], width: number, totalMm: number, head?: string): GridText {
  const cuts = snap(
    [...new Set(boxes.flatMap((b) => [b.y + b.h]).filter((y) => y < totalMm - SNAP_MM))].sort(
      (a, b) => a - b,
    ),
  );
  const starts = [0, ...cuts.map((c) => c + ROW_GAP_MM)];
  const ends = [...cuts, totalMm];
  const names = starts.map(() => Array.from({ length: width }, () => '.'));
  const snapped: Box[] = [];
  for (const b of boxes) {
    const rows = starts
      .map((s, r) => r)
      .filter((r) => {
        const mid = (starts[r]! + ends[r]!) / 2;
        return mid > b.y && mid < b.y + b.h;
      });
    for (const r of rows) for (let c = b.x; c < b.x + b.cols; c++) names[r]![c] = b.key;
    const y = starts[rows[0] ?? 0]!;
    snapped.push({ ...b, y, h: (ends[rows.at(-1) ?? 0] ?? y) - y });
  }
  const heights = starts.map((s, i) => Math.max(1, ends[i]! - s));
  // Shares read as tenths of the page's grid depth: [auto, 2.4, 3.1, …].
  const rows: Array<number | 'auto'> = heights.map((mm) =>
    Math.max(0.1, Math.round((mm / totalMm) * 100) / 10),
  );
  const areas = names.map((r) => r.join(' '));
  return head
    ? {
        areas: [Array.from({ length: width }, () => head).join(' '), ...areas],
        rows: ['auto', ...rows],
        boxes: snapped,
      }
    : { areas, rows, boxes: snapped };
}

/** True when every name covers one filled rectangle, as CSS grid-template-areas requires. */
export function rectangular(areas: string[]): boolean {
  const cells = areas.map((r) => r.split(' '));
  const names = new Set(cells.flat());
  if (names.has('.')) return false;
  for (const n of names) {
    const rows = cells.map((r, i) => (r.includes(n) ? i : -1)).filter((i) => i >= 0);
    const spans = rows.map((i) =>
      cells[i]!.map((v, c) => (v === n ? c : -1))
        .filter((c) => c >= 0)
        .join(','),
    );
    const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1);
    const cols = spans[0]!.split(',').map(Number);
    const solid = cols.every((c, i) => i === 0 || c === cols[i - 1]! + 1);
    if (!contiguous || !solid || spans.some((s) => s !== spans[0])) return false;
  }
  return true;
}

/** Merges cut positions within SNAP_MM of each other into their mean. */
function snap(sorted: number[]): number[] {
  const groups: number[][] = [];
  for (const y of sorted) {
    const g = groups[groups.length - 1];
    if (g && y - g[0]! <= SNAP_MM) g.push(y);
    else groups.push([y]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** The grid as edition.yaml text, aligned like the seeds' hand-written grids. */
export function yamlOf(sheets: GridText[]): string {
  const widthOf = Math.max(
    ...sheets.flatMap((s) => s.areas.flatMap((r) => r.split(' ').map((n) => n.length))),
  );
  const lines = ['grid:'];
  for (const s of sheets) {
    lines.push('  - |');
    for (const r of s.areas)
      lines.push(
        `    ${r
          .split(' ')
          .map((n) => n.padEnd(widthOf))
          .join(' ')
          .trimEnd()}`,
      );
  }
  lines.push(`rows: [${sheets.map((s) => `[${s.rows.join(', ')}]`).join(', ')}]`);
  return lines.join('\n');
}
