// The copyfit ladder for one module: fixed steps in a fixed order, each within its limits, stopping at the
// first that fits. Pure and free of imports: the fit stage also runs it inside the page (see inPage.ts).

/** What the ladder sets on a module (CSS custom properties --fit-*). */
export interface Settings {
  /** Graphics scale (big numbers, chart and stats cell size); 1 = as designed. */
  g: number;
  /** Leading factor; 1 = the stylesheet's leading. */
  lead: number;
  /** Space between paragraphs, em. */
  para: number;
  /** Tracking, em. */
  track: number;
  /** Body size change, pt. */
  size: number;
}

export interface LadderLimits {
  graphics: [number, number];
  leading: [number, number];
  paragraphEm: number;
  trackingEm: number;
  /** Most body size change either way, pt. */
  bodyPt: number;
  /** Lowest body size change allowed by minTextPt (≤ 0), pt. */
  sizeFloor: number;
  /** A module is fitted when its content is at most this much shorter than its box (px). */
  slack: number;
}

export interface LadderResult {
  settings: Settings;
  height: number;
  /** Human-readable adjustments made ("leading +4 %", "graphics +12 %"). */
  steps: string[];
  probes: number;
}

/**
 * Fits content whose height `measure` reports (px; Infinity when a setting makes something collide) into
 * `box` px. Step 1 sizes the graphics band: a grown band can wrap (a jump, not a slope), so sizes are
 * scanned and the largest kept that the text steps can still fit around. Then, growing or shrinking as
 * needed: leading and paragraph space → tracking → body size, stopping at the first that fits. A last
 * pass refills by leading what a stepped change (a whole line) left. Calls only `describe` (both are
 * sent into the page together).
 */
export function fitModule(measure: (s: Settings) => number, box: number, lim: LadderLimits): LadderResult {
  let probes = 0;
  const h = (s: Settings) => {
    probes++;
    return measure(s);
  };
  const base: Settings = { g: 1, lead: 1, para: 0, track: 0, size: 0 };
  const fits = (x: number) => x <= box + 0.01;
  const down = Math.min(lim.bodyPt, -lim.sizeFloor);
  const tight = (g: number): Settings => ({
    g,
    lead: 1 + lim.leading[0],
    para: 0,
    track: -lim.trackingEm,
    size: -down,
  });
  const loose = (g: number): Settings => ({
    g,
    lead: 1 + lim.leading[1],
    para: lim.paragraphEm,
    track: lim.trackingEm,
    size: lim.bodyPt,
  });
  let cur: Settings = { ...base };
  let height = h(cur);
  // Step 1: graphics. Grow when there is room, shrink when the text alone cannot fit.
  const gLo = 1 + lim.graphics[0];
  const gHi = 1 + lim.graphics[1];
  if (gHi > gLo) {
    const scan = Array.from({ length: 9 }, (_, i) => gLo + ((gHi - gLo) * i) / 8).concat(1);
    const cands = scan
      .sort((a, b) => b - a)
      .map((g) => ({ g, at: g === 1 ? height : h({ ...base, g }) }))
      .filter((c) => Number.isFinite(c.at));
    const withText = (c: { g: number; at: number }) => ({ ...c, lo: h(tight(c.g)), hi: h(loose(c.g)) });
    const room = fits(height);
    let pick: { g: number; at: number } | undefined;
    if (room) {
      // The largest size whose band leaves text that fits as set and can be grown to fill; else the
      // largest the text can be tightened around (a band that wraps jumps in height).
      const up = cands.filter((c) => c.g >= 1);
      pick = up.find((c) => fits(c.at) && withText(c).hi >= box - lim.slack);
      pick ??= up.find((c) => {
        const t = withText(c);
        return fits(t.lo) && t.hi >= box - lim.slack;
      });
      // Neither: as full as it gets (underset).
      pick ??= up.find((c) => fits(c.at));
      if (pick && fits(pick.at)) pick = refine(pick, up);
    } else {
      // Too full: graphics shrink first, only as far as needed.
      const down = cands.filter((c) => c.g <= 1);
      pick = down.find((c) => fits(c.at)) ?? down.at(-1);
      if (pick && fits(pick.at)) pick = refine(pick, down);
    }
    if (pick) {
      cur = { ...base, g: pick.g };
      height = pick.at;
    }
  }
  type Step = { name: string; at: (t: number) => Settings; steps?: number };
  const grow = fits(height);
  const g = cur.g;
  const ladder: Step[] = grow
    ? [
        { name: 'leading', at: (t) => ({ ...cur, lead: 1 + t * lim.leading[1], para: t * lim.paragraphEm }) },
        { name: 'tracking', at: (t) => ({ ...cur, track: t * lim.trackingEm }), steps: 4 },
        { name: 'size', at: (t) => ({ ...cur, size: t * lim.bodyPt }), steps: 5 },
      ]
    : [
        { name: 'leading', at: (t) => ({ ...cur, g, lead: 1 + t * lim.leading[0] }) },
        { name: 'tracking', at: (t) => ({ ...cur, track: -t * lim.trackingEm }), steps: 4 },
        { name: 'size', at: (t) => ({ ...cur, size: -t * down }), steps: 5 },
      ];
  const done = () => fits(height) && box - height <= lim.slack;
  for (const step of ladder) {
    if (done()) break;
    const best = search(step, grow);
    if (best) {
      cur = best.s;
      height = best.height;
    }
    // Shrinking stops at the first step that fits; growing goes on while slack is left.
    if (!grow && fits(height)) break;
  }
  // A refill by leading: tracking and size move whole lines, and a shrink may overshoot.
  if (fits(height) && box - height > lim.slack) {
    const from = cur;
    const top = { lead: 1 + lim.leading[1], para: lim.paragraphEm };
    if (from.lead < top.lead || from.para < top.para) {
      const refill: Step = {
        name: 'leading',
        at: (t) => ({
          ...from,
          lead: from.lead + t * (top.lead - from.lead),
          para: from.para + t * (top.para - from.para),
        }),
      };
      const best = search(refill, true);
      if (best) {
        cur = best.s;
        height = best.height;
      }
    }
  }
  return { settings: cur, height, steps: describe(cur), probes };

  /** Between a fitting size and the next larger scanned one, the largest that still fits. */
  function refine(c: { g: number; at: number }, scanned: Array<{ g: number; at: number }>) {
    const larger = scanned.filter((x) => x.g > c.g).at(-1);
    if (!larger) return c;
    let lo = c;
    let hi = larger.g;
    for (let i = 0; i < 5; i++) {
      const g = (lo.g + hi) / 2;
      const at = h({ ...base, g });
      if (fits(at)) lo = { g, at };
      else hi = g;
    }
    return lo;
  }

  /** Growing: the largest t whose content still fits. Shrinking: the smallest t that fits (or t = 1). */
  function search(step: Step, up: boolean): { s: Settings; height: number } | undefined {
    const end = step.at(1);
    const hEnd = h(end);
    if (up ? fits(hEnd) : !fits(hEnd)) return { s: end, height: hEnd };
    // Invariant: lo is on the near side (fits when growing, does not fit when shrinking), hi on the far.
    let lo = 0;
    let hi = 1;
    let best: { s: Settings; height: number } | undefined;
    const n = step.steps;
    for (let i = 0; i < 8 && (n ? hi - lo > 1 / n + 1e-9 : hi - lo > 0.01); i++) {
      const mid = n ? Math.round(((lo + hi) / 2) * n) / n : (lo + hi) / 2;
      const s = step.at(mid);
      const x = h(s);
      if (fits(x)) {
        if (up) lo = mid;
        else hi = mid;
        if (up) best = { s, height: x };
      } else if (up) hi = mid;
      else lo = mid;
    }
    if (!up) best = { s: step.at(hi), height: hi === 1 ? hEnd : h(step.at(hi)) };
    return best;
  }
}

/** The settings as the fit report states them. */
export function describe(s: Settings): string[] {
  const pct = (x: number) => `${x > 0 ? '+' : '−'}${Math.abs(Math.round(x * 100))} %`;
  const out: string[] = [];
  if (Math.abs(s.g - 1) >= 0.005) out.push(`graphics ${pct(s.g - 1)}`);
  if (Math.abs(s.lead - 1) >= 0.005) out.push(`leading ${pct(s.lead - 1)}`);
  if (s.para >= 0.01) out.push(`paragraph space +${s.para.toFixed(2)} em`);
  if (Math.abs(s.track) >= 0.001)
    out.push(`tracking ${s.track > 0 ? '+' : '−'}${Math.abs(s.track).toFixed(3)} em`);
  if (Math.abs(s.size) >= 0.05) out.push(`body ${s.size > 0 ? '+' : '−'}${Math.abs(s.size).toFixed(1)} pt`);
  return out;
}
