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
    const lineH = () =>
      parseFloat(getComputedStyle(h).lineHeight) || parseFloat(getComputedStyle(h).fontSize);
    const lines = () => Math.round(h.getBoundingClientRect().height / lineH());
    const range = document.createRange();
    range.selectNodeContents(h);
    const baseLines = lines();
    const fits = (scale: number) => {
      m.style.setProperty('--fit-headline', `${(basePx * scale).toFixed(2)}px`);
      return lines() <= baseLines && range.getBoundingClientRect().width <= room + 0.5;
    };
    let lo = 1;
    let hi = arg.maxScale;
    if (!fits(lo)) {
      // Already wider than its share at the theme size: leave it as the theme sets it.
      m.style.removeProperty('--fit-headline');
      out.push(1);
      continue;
    }
    if (fits(hi)) lo = hi;
    else
      for (let i = 0; i < 10; i++) {
        const mid = (lo + hi) / 2;
        if (fits(mid)) lo = mid;
        else hi = mid;
      }
    m.style.setProperty('--fit-headline', `${(basePx * lo).toFixed(2)}px`);
    out.push(lo);
  }
  return out;
}
