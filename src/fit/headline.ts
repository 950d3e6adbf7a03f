// Runs inside the paginated page, before the modules are measured: sets each headline (主题) as large as
// fills its share of the head's width without taking another line — a headline fitted to its measure, as
// newsroom systems do, instead of a theme size that leaves white flanks either side. Free of imports.

export interface HeadlineFit {
  /** Share of the head module's width the widest headline line may take (0 keeps the theme size). */
  fill: number;
  /** Largest size as a multiple of the theme's. */
  maxScale: number;
}

/** Returns the scale set on every head module (1 = the theme's size). */
export function fitHeadlinesInPage(arg: HeadlineFit): number[] {
  const out: number[] = [];
  for (const m of Array.from(document.querySelectorAll<HTMLElement>('.module-head'))) {
    const h = m.querySelector<HTMLElement>('.headline');
    if (!h || arg.fill <= 0) continue;
    m.style.removeProperty('--fit-headline');
    const basePx = parseFloat(getComputedStyle(h).fontSize);
    const room = m.clientWidth * arg.fill;
    // Sized on a copy taken out of the flow (same module, same styles, same width): trying a size then
    // lays out the copy alone, not the whole grid.
    const probe = h.cloneNode(true) as HTMLElement;
    probe.style.cssText = `position:absolute;visibility:hidden;left:0;top:0;width:${h.clientWidth}px`;
    h.after(probe);
    const lineH = () =>
      parseFloat(getComputedStyle(probe).lineHeight) || parseFloat(getComputedStyle(probe).fontSize);
    const lines = () => Math.round(probe.getBoundingClientRect().height / lineH());
    const range = document.createRange();
    range.selectNodeContents(probe);
    const baseLines = lines();
    const fits = (scale: number) => {
      probe.style.fontSize = `${(basePx * scale).toFixed(2)}px`;
      return lines() <= baseLines && range.getBoundingClientRect().width <= room + 0.5;
    };
    let lo = 1;
    let hi = arg.maxScale;
    if (!fits(lo)) lo = 1;
    else if (fits(hi)) lo = hi;
    else
      for (let i = 0; i < 10; i++) {
        const mid = (lo + hi) / 2;
        if (fits(mid)) lo = mid;
        else hi = mid;
      }
    probe.remove();
    // Already wider than its share at the theme size: left as the theme sets it.
    if (lo > 1) m.style.setProperty('--fit-headline', `${(basePx * lo).toFixed(2)}px`);
    out.push(lo);
  }
  return out;
}
