// Runs inside the fitted page: slack per module, what is left of loose lines, 孤字 and lone lines (measured
// with src/fit/lines.ts's functions, installed in the page before), and collisions. Free of runtime imports.
import type { measureParagraph, paraIssues, ParaIssue } from './lines.ts';

interface FolioLines {
  measureParagraph: typeof measureParagraph;
  paraIssues: typeof paraIssues;
}

export interface CheckInput {
  /** Loose when justification puts more than this between two characters of a line (em). */
  looseEm: number;
  /** Fitted when this close to full (px). */
  slack: number;
  /** --allow-overset: clip modules that run out of their box, so nothing prints over anything else. */
  clip: boolean;
}

/** A paragraph issue (src/fit/lines.ts) left after fitting, with the paragraph's source line. */
export interface LineIssue extends ParaIssue {
  line: number;
}

export interface CheckedModule {
  key: string;
  line: number;
  /** Printed page index (0-based) the module is on. */
  page: number;
  box: { x: number; y: number; w: number; h: number };
  content: number;
  lines: LineIssue[];
  retracked: number;
}

export interface Collision {
  module: string;
  page: number;
  what: string;
  px: number;
  line: number;
}

export function checkInPage(arg: CheckInput): { modules: CheckedModule[]; collisions: Collision[] } {
  const pages = Array.from(document.querySelectorAll('.pagedjs_page'));
  const perSheet = (h: Element) => (h.querySelector('.np-spread') && !h.querySelector('.np-cut') ? 2 : 1);
  const firstOf = pages.map((_, i) => pages.slice(0, i).reduce((n, h) => n + perSheet(h), 0));
  const pageOf = (el: Element): number => {
    const host = el.closest('.pagedjs_page');
    if (!host) return -1;
    const i = pages.indexOf(host);
    if (perSheet(host) === 1) return firstOf[i]!;
    const b = host.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return firstOf[i]! + (r.left + r.width / 2 > b.left + b.width / 2 ? 1 : 0);
  };
  const lineOf = (el: Element) =>
    Number(
      el.closest<HTMLElement>('[data-source-line]')?.dataset['sourceLine'] ??
        el.querySelector<HTMLElement>('[data-source-line]')?.dataset['sourceLine'] ??
        el.closest<HTMLElement>('.module')?.dataset['sourceLine'] ??
        0,
    );
  const modules: CheckedModule[] = [];
  const collisions: Collision[] = [];
  const seen = new Set<string>();
  for (const grid of Array.from(document.querySelectorAll<HTMLElement>('.np-grid'))) {
    const g = grid.getBoundingClientRect();
    const tracks = getComputedStyle(grid).gridTemplateRows.split(' ').map(parseFloat);
    const gap = parseFloat(getComputedStyle(grid).rowGap) || 0;
    const foot = grid.parentElement?.querySelector('.page-foot')?.getBoundingClientRect();
    for (const m of Array.from(grid.querySelectorAll<HTMLElement>(':scope > .module'))) {
      const key = m.dataset['module'] ?? '?';
      const [a = 0, b = 1] = (m.dataset['rows'] ?? '').split(' ').map(Number);
      const top = g.top + tracks.slice(0, a).reduce((x, y) => x + y, 0) + gap * a;
      const boxH = tracks.slice(a, b).reduce((x, y) => x + y, 0) + gap * (b - a - 1);
      const r = m.getBoundingClientRect();
      const fixed = paragraphs(m);
      const content = m.getBoundingClientRect().height;
      const page = pageOf(m);
      // A cut spread shows each sheet twice; report each module once.
      const id = `${grid.closest<HTMLElement>('.np-sheet')?.dataset['pages']}:${key}`;
      const first = !seen.has(id);
      seen.add(id);
      if (first)
        modules.push({
          key,
          line: Number(m.dataset['sourceLine'] ?? 0),
          page,
          box: { x: r.left - g.left, y: top - g.top, w: r.width, h: boxH },
          content,
          lines: fixed.issues,
          retracked: fixed.retracked,
        });
      const over = m.getBoundingClientRect().bottom - (top + boxH);
      const below =
        b >= tracks.length ? 'runs past the type area, under the footer' : 'runs into the module below';
      if (first && over > 1) collisions.push({ module: key, page, what: below, px: over, line: lineOf(m) });
      if (first && foot && m.getBoundingClientRect().bottom > foot.top + 1 && over <= 1)
        collisions.push({
          module: key,
          page,
          what: 'runs under the footer',
          px: m.getBoundingClientRect().bottom - foot.top,
          line: lineOf(m),
        });
      for (const el of Array.from(
        m.querySelectorAll<HTMLElement>(
          '.module-graphics > .blk, .stat, .headline, .subtitle, .section-head',
        ),
      )) {
        const wide = el.scrollWidth - el.clientWidth;
        if (first && wide > 1)
          collisions.push({
            module: key,
            page,
            what: `${el.dataset['block'] ?? el.className.split(' ')[0]} is wider than its box`,
            px: wide,
            line: lineOf(el),
          });
      }
      if (arg.clip && over > 1) {
        // min-height (min-content in base.css) would win over max-height.
        m.style.minHeight = '0';
        m.style.maxHeight = `${boxH}px`;
        m.style.overflow = 'hidden';
      }
    }
  }
  return { modules, collisions };

  /** A paragraph's source line: a figure's in it, else the nearest heading before it that has one (a side
   *  article's section title), else its module's. */
  function paraLine(p: HTMLElement): number {
    const own = p.querySelector<HTMLElement>('[data-source-line]')?.dataset['sourceLine'];
    if (own) return Number(own);
    for (let e = p.previousElementSibling; e; e = e.previousElementSibling) {
      const at = e.matches('[data-source-line]') ? (e as HTMLElement) : null;
      if (at) return Number(at.dataset['sourceLine']);
    }
    return lineOf(p);
  }

  /** What is left in the module's paragraphs after src/fit/lines.ts, measured with its functions. */
  function paragraphs(m: HTMLElement): { issues: LineIssue[]; retracked: number } {
    const L = (globalThis as unknown as { __folioLines?: FolioLines }).__folioLines;
    if (!L) throw new Error('checkInPage: the line functions (src/fit/lines.ts) are not installed');
    const paras = Array.from(m.querySelectorAll<HTMLElement>('.module-body p'));
    const issues = paras.flatMap((p) => {
      const { lines, fontPx } = L.measureParagraph(p);
      return L.paraIssues(lines, fontPx, arg.looseEm).issues.map((i) => ({ ...i, line: paraLine(p) }));
    });
    return { issues, retracked: paras.filter((p) => p.dataset['fitLines']).length };
  }
}
