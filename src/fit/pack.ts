// Runs inside the paginated page, before the modules are measured: arranges each graphics band so it is
// full — a stats grid without cols= tries two, three, four … cells a row, a big number beside a wider
// neighbour sets its caption beside it — and keeps the arrangement that leaves the least empty panel.
// "Empty" is measured the way a reader sees it: band area farther than a few mm from anything drawn.
// Free of imports (page.evaluate sends only this function).

export interface PackInput {
  /** Distance from ink within which the panel does not read as empty (px). */
  airPx: number;
  /** Cell size of the emptiness raster (px). */
  cellPx: number;
}

export interface Packed {
  module: string;
  /** The arrangement kept, e.g. "stats 4 a row, callout caption beside". */
  choice: string;
  /** Empty share of the band before and after (0–1). */
  before: number;
  after: number;
}

export function packBandsInPage(arg: PackInput): Packed[] {
  const out: Packed[] = [];
  for (const band of Array.from(document.querySelectorAll<HTMLElement>('.np-grid .module-graphics'))) {
    const stats = Array.from(band.querySelectorAll<HTMLElement>(':scope > .blk-stats[data-cols-auto]'));
    const callouts = Array.from(band.querySelectorAll<HTMLElement>(':scope > .blk-callout'));
    type Option = { name: string; apply: () => void };
    const axes: Option[][] = [];
    for (const s of stats) {
      const n = s.querySelectorAll('.stat').length;
      const cols = [...new Set([2, 3, 4, 6, n])].filter((c) => c >= 2 && c <= Math.min(n, 6));
      const was = Array.from(s.classList).find((c) => /^cols-\d$/.test(c)) ?? 'cols-2';
      axes.push(
        [was, ...cols.map((c) => `cols-${c}`).filter((c) => c !== was)].map((c) => ({
          name: `stats ${c.slice(5)} a row`,
          apply: () => {
            s.classList.remove(...Array.from(s.classList).filter((x) => /^cols-\d$/.test(x)));
            s.classList.add(c);
          },
        })),
      );
    }
    for (const c of callouts)
      axes.push([
        { name: 'callout caption under', apply: () => c.classList.remove('caption-beside') },
        { name: 'callout caption beside', apply: () => c.classList.add('caption-beside') },
      ]);
    if (!axes.length) continue;
    const combos = axes.reduce<Option[][]>(
      (acc, axis) => acc.flatMap((a) => axis.map((o) => [...a, o])),
      [[]],
    );
    let best: { combo: Option[]; empty: number; h: number } | undefined;
    let before = -1;
    for (const combo of combos.slice(0, 48)) {
      for (const o of combo) o.apply();
      if (overflows(band)) continue;
      const empty = emptiness(band);
      if (before < 0) before = empty;
      const h = band.getBoundingClientRect().height;
      // Less empty panel wins; a clearly lower band breaks a tie (the text gets the height).
      if (!best || empty < best.empty - 0.02 || (Math.abs(empty - best.empty) <= 0.02 && h < best.h - 4))
        best = { combo, empty, h };
    }
    const keep = best?.combo ?? combos[0]!;
    for (const o of keep) o.apply();
    out.push({
      module: band.closest<HTMLElement>('.module')?.dataset['module'] ?? '?',
      choice: keep.map((o) => o.name).join(', '),
      before: Math.max(0, before),
      after: best?.empty ?? before,
    });
  }
  return out;

  function overflows(band: HTMLElement): boolean {
    for (const b of Array.from(band.querySelectorAll<HTMLElement>(':scope > .blk, .stat')))
      if (b.scrollWidth > b.clientWidth + 1) return true;
    return false;
  }

  /** Share of the band's area farther than airPx from any text, graphic or filled box. */
  function emptiness(band: HTMLElement): number {
    const box = band.getBoundingClientRect();
    const cols = Math.max(1, Math.ceil(box.width / arg.cellPx));
    const rows = Math.max(1, Math.ceil(box.height / arg.cellPx));
    const near = new Uint8Array(cols * rows);
    const mark = (r: DOMRect) => {
      if (!r.width || !r.height) return;
      const x0 = Math.max(0, Math.floor((r.left - box.left - arg.airPx) / arg.cellPx));
      const x1 = Math.min(cols - 1, Math.floor((r.right - box.left + arg.airPx) / arg.cellPx));
      const y0 = Math.max(0, Math.floor((r.top - box.top - arg.airPx) / arg.cellPx));
      const y1 = Math.min(rows - 1, Math.floor((r.bottom - box.top + arg.airPx) / arg.cellPx));
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) near[y * cols + x] = 1;
    };
    const walker = document.createTreeWalker(band, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.textContent?.trim()) continue;
      range.selectNodeContents(t);
      for (const r of Array.from(range.getClientRects())) mark(r);
    }
    for (const el of Array.from(band.querySelectorAll<Element>('*'))) {
      const tag = el.tagName.toLowerCase();
      if (el.closest('svg') && tag !== 'svg') continue;
      const cs = getComputedStyle(el);
      if (tag === 'svg' || tag === 'img' || cs.backgroundColor !== 'rgba(0, 0, 0, 0)')
        mark(el.getBoundingClientRect());
    }
    let empty = 0;
    for (const v of near) if (!v) empty++;
    return empty / near.length;
  }
}
