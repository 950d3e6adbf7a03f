// Which figures differ between two loads of a figures file, and what each one touches on the pages.
import { formatFigure } from '../figures/format.ts';
import type { Figure } from '../figures/schema.ts';
import type { FigureUse } from '../markdown/env.ts';

export interface FigureChange {
  id: string;
  kind: 'changed' | 'added' | 'removed';
  /** Printed text (full variant) before and after; absent for an added or removed figure. */
  before?: string;
  after?: string;
}

export interface FigureReach {
  /** Module keys the figure is used in (from FigureUse). */
  modules: string[];
  /** Newspaper page numbers it appears on (from the measured pages). */
  pages: number[];
  blocks: Array<{ article: string; module: string; block: string; line: number }>;
}

export function diffFigures(before: Map<string, Figure>, after: Map<string, Figure>): FigureChange[] {
  const out: FigureChange[] = [];
  for (const [id, next] of after) {
    const prev = before.get(id);
    if (!prev) out.push({ id, kind: 'added', after: formatFigure(next, 'full') });
    else if (data(prev) !== data(next))
      out.push({
        id,
        kind: 'changed',
        before: formatFigure(prev, 'full'),
        after: formatFigure(next, 'full'),
      });
  }
  for (const [id, prev] of before)
    if (!after.has(id)) out.push({ id, kind: 'removed', before: formatFigure(prev, 'full') });
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** The dependency map for one figure: FigureUse gives its modules, the page measurement its pages. */
export function reachOf(
  id: string,
  uses: FigureUse[],
  pageFigures: string[][],
  pageNumbers: number[],
): FigureReach {
  const mine = uses.filter((u) => u.id === id);
  const pages: number[] = [];
  pageFigures.forEach((ids, i) => {
    if (ids.includes(id)) pages.push(pageNumbers[i] ?? i + 1);
  });
  return {
    modules: [...new Set(mine.map((u) => u.module))],
    pages,
    blocks: mine.map((u) => ({ article: u.article, module: u.module, block: u.block, line: u.line })),
  };
}

/** What a figure means, without where it was written: moving a definition is not a change. */
function data(f: Figure): string {
  const meaning = Object.entries(f).filter(([key]) => key !== 'line' && key !== 'file');
  return JSON.stringify(meaning.sort(([a], [b]) => a.localeCompare(b)));
}
