// Carries a fitted view's result to another view of the same sheets (a spread's cut pages) without fitting
// again: the rows, every module's settings and every re-tracked paragraph. Free of imports (page.evaluate).

export interface FittedState {
  grids: Array<{
    pages: string;
    rows: string;
    modules: Array<{
      key: string;
      style: string;
      paras: string[];
      html: string[];
      blocks: Array<{ className: string; style: string }>;
    }>;
  }>;
}

export function captureInPage(): FittedState {
  return {
    grids: Array.from(document.querySelectorAll<HTMLElement>('.np-grid')).map((g) => ({
      pages: g.closest<HTMLElement>('.np-sheet')?.dataset['pages'] ?? '',
      rows: g.style.gridTemplateRows,
      modules: Array.from(g.querySelectorAll<HTMLElement>(':scope > .module')).map((m) => ({
        key: m.dataset['module'] ?? '',
        style: m.style.cssText,
        paras: Array.from(m.querySelectorAll<HTMLElement>('.module-body p')).map((p) => p.style.cssText),
        // Paragraphs whose line ends src/fit/lines.ts set half-width carry their marks' spans.
        html: Array.from(m.querySelectorAll<HTMLElement>('.module-body p')).map((p) =>
          p.querySelector('.fit-half') ? p.innerHTML : '',
        ),
        blocks: Array.from(m.querySelectorAll<HTMLElement>('.module-graphics > .blk')).map((b) => ({
          className: b.className,
          style: b.style.cssText,
        })),
      })),
    })),
  };
}

export function replayInPage(state: FittedState): number {
  let applied = 0;
  for (const g of Array.from(document.querySelectorAll<HTMLElement>('.np-grid'))) {
    const pages = g.closest<HTMLElement>('.np-sheet')?.dataset['pages'] ?? '';
    const from = state.grids.find((x) => x.pages === pages);
    if (!from) continue;
    g.classList.add('fit-measuring', 'fit-done');
    g.style.gridTemplateRows = from.rows;
    for (const m of Array.from(g.querySelectorAll<HTMLElement>(':scope > .module'))) {
      const s = from.modules.find((x) => x.key === m.dataset['module']);
      if (!s) continue;
      m.style.cssText = s.style;
      Array.from(m.querySelectorAll<HTMLElement>('.module-body p')).forEach((p, i) => {
        p.style.cssText = s.paras[i] ?? '';
        if (s.html[i]) p.innerHTML = s.html[i];
      });
      Array.from(m.querySelectorAll<HTMLElement>('.module-graphics > .blk')).forEach((b, i) => {
        const was = s.blocks[i];
        if (!was) return;
        b.className = was.className;
        b.style.cssText = was.style;
      });
      applied++;
    }
  }
  return applied;
}
