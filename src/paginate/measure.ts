// Runs inside the paginated page: finds overset modules and which page each figure landed on.
// Kept free of imports because it is serialised into the browser by page.evaluate.

export interface Measurement {
  pageCount: number;
  overset: Array<{ module: string; article: string; page: number; overflowMm: number; line: number }>;
  figurePages: Record<string, number[]>;
  /** Page index → figure ids on it, for watch mode's dependency map. */
  pageFigures: string[][];
  /** Headlines and section titles with the page and the distance from the page top, for the outline. */
  headings: Array<{ title: string; level: number; page: number; topPt: number }>;
}

export function measureInPage(): Measurement {
  const PX_TO_MM = 25.4 / 96;
  const pages = Array.from(document.querySelectorAll('.pagedjs_page'));
  // Indexes are printed pages: a spread sheet printed whole holds two, told apart by x.
  const perSheet = (host: Element) =>
    host.querySelector('.np-spread') && !host.querySelector('.np-cut') ? 2 : 1;
  const firstOf = pages.map((_, i) => pages.slice(0, i).reduce((n, h) => n + perSheet(h), 0));
  const pageOf = (el: Element): number => {
    const host = el.closest('.pagedjs_page');
    if (!host) return -1;
    const i = pages.indexOf(host);
    if (perSheet(host) === 1) return firstOf[i]!;
    const box = host.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return firstOf[i]! + (r.left + r.width / 2 > box.left + box.width / 2 ? 1 : 0);
  };
  const printedCount = pages.reduce((n, h) => n + perSheet(h), 0);
  const overset: Measurement['overset'] = [];
  const blamed = new Map<HTMLElement, number>();
  for (const grid of Array.from(document.querySelectorAll<HTMLElement>('.np-grid'))) {
    const culprit = gridCulprit(grid);
    if (culprit) blamed.set(culprit.module, culprit.overflow);
  }
  for (const mod of Array.from(document.querySelectorAll<HTMLElement>('.module'))) {
    const body = mod.querySelector<HTMLElement>('.module-body') ?? mod;
    const over = Math.max(overflowOf(body), blamed.get(mod) ?? 0);
    if (over > 1) {
      overset.push({
        module: mod.dataset['module'] ?? '?',
        article: mod.dataset['article'] ?? '?',
        page: pageOf(mod),
        overflowMm: Math.round(over * PX_TO_MM * 10) / 10,
        line: Number(mod.dataset['sourceLine'] ?? 0),
      });
    }
  }
  const figurePages: Record<string, number[]> = {};
  const pageFigureIds: string[][] = Array.from({ length: printedCount }, () => []);
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-figure]'))) {
    const id = el.dataset['figure']!;
    const p = pageOf(el);
    const list = (figurePages[id] ??= []);
    if (!list.includes(p)) list.push(p);
    if (p >= 0 && !pageFigureIds[p]!.includes(id)) pageFigureIds[p]!.push(id);
  }
  const headings: Measurement['headings'] = [];
  for (const h of Array.from(
    document.querySelectorAll<HTMLElement>('.headline, .side-title, .section-head'),
  )) {
    const p = pageOf(h);
    const host = h.closest('.pagedjs_page');
    if (!host) continue;
    const top = h.getBoundingClientRect().top - host.getBoundingClientRect().top;
    const title = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    headings.push({ title, level: h.classList.contains('section-head') ? 2 : 1, page: p, topPt: top * 0.75 });
  }
  return { headings, pageCount: pages.length, overset, figurePages, pageFigures: pageFigureIds };

  /** Rows grow to fit their modules; when together they push past the page, the module whose
   *  content most exceeds its weighted share of the free height is the one that does not fit. */
  function gridCulprit(grid: HTMLElement): { module: HTMLElement; overflow: number } | undefined {
    const mods = Array.from(grid.querySelectorAll<HTMLElement>(':scope > .module'));
    const box = grid.getBoundingClientRect();
    const overflow = Math.max(0, ...mods.map((m) => m.getBoundingClientRect().bottom - box.bottom));
    if (overflow <= 1) return undefined;
    const weights = (grid.dataset['rowWeights'] ?? '').split(' ').map(Number);
    const tracks = getComputedStyle(grid).gridTemplateRows.split(' ').map(parseFloat);
    const fixed = tracks.reduce((sum, h, i) => sum + (weights[i] ? 0 : h), 0);
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const free = box.height - fixed;
    // Modules stretch to their row; unstretched for a moment, each shows the height its content needs.
    mods.forEach((m) => (m.style.alignSelf = 'start'));
    const natural = new Map(mods.map((m) => [m, m.getBoundingClientRect().height]));
    mods.forEach((m) => (m.style.alignSelf = ''));
    let worst: { module: HTMLElement; ratio: number } | undefined;
    for (const m of mods) {
      const [start = 0, end = 0] = (m.dataset['rows'] ?? '').split(' ').map(Number);
      const share = weights.slice(start, end).reduce((a, b) => a + b, 0);
      if (!share) continue;
      const ratio = natural.get(m)! / ((free * share) / total);
      if (!worst || ratio > worst.ratio) worst = { module: m, ratio };
    }
    return worst && { module: worst.module, overflow };
  }

  /** How far text runs past a box: below it, or into extra columns to its right (multi-column). */
  function overflowOf(el: HTMLElement): number {
    const down = el.scrollHeight - el.clientHeight;
    if (el.scrollWidth <= el.clientWidth + 1) return down;
    const style = getComputedStyle(el);
    const gap = parseFloat(style.columnGap) || 0;
    const count = Number(style.columnCount) || 1;
    const colWidth = (el.clientWidth - gap * (count - 1)) / count;
    const extraCols = Math.ceil((el.scrollWidth - el.clientWidth) / (colWidth + gap));
    // Text in each overflow column would need that much more column depth on the page.
    const box = el.getBoundingClientRect();
    const last = el.lastElementChild?.getClientRects();
    const lastRect = last && last.length ? last[last.length - 1]! : undefined;
    const tail = lastRect ? lastRect.bottom - box.top : el.clientHeight;
    return Math.max(down, (extraCols - 1) * el.clientHeight + tail);
  }
}
