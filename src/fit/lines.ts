// Per paragraph, after the module ladder and before the check: a loose justified line, a 孤字 last line or a
// one-line tail parted from its paragraph by a column break is cured the way a typesetter does it — small
// tracking steps and punctuation compression (标点挤压) on that paragraph only, keeping its line count so the
// module's fit holds; one line more or less only while the module still fits its box. This file holds the
// measuring and the decisions, free of imports (sent into the page like the ladder) and unit-tested;
// paragraphs.ts runs them over the page.

/** One line of a paragraph as set in the page. */
export interface MeasuredLine {
  text: string;
  /** Width of each character as set (justification adds its space to the character before the gap), px. */
  set: number[];
  /** Width of each character with the same breaks set flush left, px. */
  natural: number[];
  /** Column of the paragraph the line is in: 0 where it starts, 1 after a column break … */
  column: number;
  /** Index of the line's first character among the paragraph's characters (whitespace not counted). */
  start: number;
}

export type IssueKind = 'loose' | 'orphan' | 'widow';

export interface ParaIssue {
  text: string;
  /** Widest space justification put between two characters (loose lines), em; 0 otherwise. */
  em: number;
  /** loose: letter-spaced line; orphan: a last line of one character (孤字); widow: one line of the
   *  paragraph alone at the head or foot of a column. */
  kind: IssueKind;
}

export interface ParaState {
  lines: number;
  issues: ParaIssue[];
}

/** A paragraph setting: tracking relative to its module's, and full-width punctuation set half-width. */
export interface Trial {
  track: number;
  squeeze: boolean;
}

export interface Choice {
  /** The setting kept; undefined when none helped and the paragraph is left as the ladder set it. */
  trial: Trial | undefined;
  state: ParaState;
  /** Lines gained (+) or lost (−) by the setting kept. */
  lineChange: number;
}

/** The space justification put between two characters of a line, em. Each opportunity gets the same
 *  amount, added to the character's box; an ideograph beside a Latin or digit run gets one on each side,
 *  so the median of the characters that got any is the gap. The last character's own width is no gap
 *  (a line-end punctuation mark may be trimmed there). */
export function spreadEm(line: MeasuredLine, fontPx: number): number {
  const extra: number[] = [];
  for (let i = 0; i < line.set.length - 1; i++) {
    const x = (line.set[i] ?? 0) - (line.natural[i] ?? line.set[i] ?? 0);
    if (x > 0.005 * fontPx) extra.push(x);
  }
  extra.sort((a, b) => a - b);
  return (extra[Math.floor((extra.length - 1) / 2)] ?? 0) / fontPx;
}

/** What a typesetter would fix in a paragraph: loose justified lines (never its last line, set flush
 *  left), a 孤字 last line, a line left alone by a column break. */
export function paraIssues(lines: MeasuredLine[], fontPx: number, looseEm: number): ParaState {
  const issues: ParaIssue[] = [];
  lines.forEach((l, i) => {
    const em = i < lines.length - 1 ? spreadEm(l, fontPx) : 0;
    if (em > looseEm) issues.push({ text: l.text, em, kind: 'loose' });
  });
  const last = lines[lines.length - 1];
  const first = lines[0];
  if (first && last && lines.length > 1) {
    if (last.text.replace(/[\s\p{P}]/gu, '').length <= 1)
      issues.push({ text: last.text, em: 0, kind: 'orphan' });
    const inColumn = (c: number) => lines.filter((l) => l.column === c).length;
    if (last.column > first.column && inColumn(last.column) === 1)
      issues.push({ text: last.text, em: 0, kind: 'widow' });
    else if (last.column > first.column && inColumn(first.column) === 1)
      issues.push({ text: first.text, em: 0, kind: 'widow' });
  }
  return { lines: lines.length, issues };
}

/** The settings to try, smallest change first: tracking in steps of `stepEm` up to `limitEm` either way
 *  (tighter before looser), punctuation compression counting as two steps. */
export function trials(limitEm: number, stepEm = 0.005): Trial[] {
  const n = Math.floor(limitEm / stepEm + 1e-9);
  const out: Array<Trial & { cost: number }> = [];
  for (let k = -n; k <= n; k++) {
    const track = Math.round(k * stepEm * 1e4) / 1e4 || 0; // never -0
    if (k) out.push({ track, squeeze: false, cost: Math.abs(k) });
    out.push({ track, squeeze: true, cost: Math.abs(k) + 2 });
  }
  return out
    .sort((a, b) => a.cost - b.cost || Number(a.squeeze) - Number(b.squeeze) || a.track - b.track)
    .map(({ track, squeeze }) => ({ track, squeeze }));
}

/**
 * Picks the first setting that leaves the paragraph without issues at its line count; failing that, the
 * first that does so with one line more or less while `fitsBox()` (asked right after `measure(t)` set
 * t) says the module still fits; failing that, the one that leaves the fewest and smallest issues at
 * the same line count, if it is better than where the paragraph started.
 */
export function choose(
  base: ParaState,
  list: Trial[],
  measure: (t: Trial) => ParaState,
  fitsBox: () => boolean,
): Choice {
  const none: Choice = { trial: undefined, state: base, lineChange: 0 };
  if (!base.issues.length) return none;
  const score = (s: ParaState) => s.issues.length * 10 + s.issues.reduce((a, i) => a + i.em, 0);
  let relined: Choice | undefined;
  let partial: Choice | undefined;
  for (const trial of list) {
    const state = measure(trial);
    const lineChange = state.lines - base.lines;
    if (!lineChange && !state.issues.length) return { trial, state, lineChange };
    if (!state.issues.length && Math.abs(lineChange) === 1 && !relined && fitsBox())
      relined = { trial, state, lineChange };
    if (!lineChange && score(state) < (partial ? score(partial.state) : score(base)))
      partial = { trial, state, lineChange };
  }
  return relined ?? partial ?? none;
}

/** Full-width punctuation the font can set half-width (halt): 点号 and closing brackets. Chromium 156
 *  trims only closing brackets at a line end by itself (text-spacing-trim), never 、。，；：. */
export const HALF = /[，。、；：！？）》」』】〕〉”’]/;

/**
 * Line-end compression (行末标点挤压), the push-in Chromium does not do: a loose line is followed by a unit
 * that could not come up because the 点号 after it may not start a line ("…灵|魂，", "…达到|8.82张；");
 * that mark set half-width, with one of the loose line's own marks if need be, may let the unit fit. Or
 * the line before gives room: one of its marks set half-width takes the loose line's first character up.
 * Returns the sets of character indices to try, the smallest change first.
 */
export function squeezeCandidates(lines: MeasuredLine[], i: number): number[][] {
  const line = lines[i];
  const next = lines[i + 1];
  if (!line || !next) return [];
  const marks = (l: MeasuredLine | undefined) =>
    l
      ? [...l.text]
          .map((c, k) => (HALF.test(c) && k < [...l.text].length - 1 ? l.start + k : -1))
          .filter((k) => k >= 0)
          .reverse()
      : [];
  const head: number[] = [];
  const chars = [...next.text];
  for (let k = 1; k < Math.min(chars.length, 9); k++) {
    if (HALF.test(chars[k]!)) head.push(next.start + k);
    else if (head.length) break;
  }
  const out: number[][] = [];
  if (head.length) out.push(head, ...marks(line).map((k) => [...head, k]));
  for (const k of marks(lines[i - 1])) out.push(head.length ? [k, ...head] : [k]);
  return out.slice(0, 8);
}

/** The lines of a paragraph in the live page: each character's box as set, then flush left. */
export function measureParagraph(
  p: HTMLElement,
  reuse?: { key: string; ls: number; widths: number[] },
): {
  lines: MeasuredLine[];
  fontPx: number;
  /** Where each character is in the DOM, by the index MeasuredLine.start counts. */
  chars: Array<[Text, number]>;
} {
  type Box = {
    c: string;
    left: number;
    right: number;
    top: number;
    h: number;
    at: [Text, number];
    k: number;
  };
  const boxes = (): Box[] => {
    const out: Box[] = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const r = document.createRange();
    for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null)
      for (let i = 0; i < t.data.length; i++) {
        if (/\s/.test(t.data[i]!)) continue;
        r.setStart(t, i);
        r.setEnd(t, i + 1);
        const b = r.getClientRects()[0];
        if (b && b.width)
          out.push({
            c: t.data[i]!,
            left: b.left,
            right: b.right,
            top: b.top,
            h: b.height,
            at: [t, i],
            k: out.length,
          });
      }
    return out;
  };
  /** Cut into lines where the next character does not follow on the same line; a line that starts
   *  above the one before it is in the next column. */
  const cut = (bs: Box[]) => {
    const lines: Array<{ boxes: Box[]; column: number }> = [];
    let column = 0;
    for (const b of bs) {
      const cur = lines[lines.length - 1];
      const prev = cur?.boxes[cur.boxes.length - 1];
      if (!cur || !prev || b.left < prev.right - 1 || Math.abs(b.top - prev.top) > b.h / 2) {
        if (prev && b.top < prev.top - b.h / 2) column++;
        lines.push({ boxes: [b], column });
      } else cur.boxes.push(b);
    }
    return lines;
  };
  const all = boxes();
  const set = cut(all);
  const width = (b: Box) => b.right - b.left;
  // Natural widths do not depend on where the lines break: while the paragraph's content and features
  // stay the same, the widths measured flush left once serve every tracking tried (shifted by it).
  const key = `${p.style.fontFeatureSettings}|${p.innerHTML}`;
  const ls = parseFloat(getComputedStyle(p).letterSpacing) || 0;
  const r = reuse ?? { key: '', ls: 0, widths: [] };
  if (r.key !== key || r.widths.length !== all.length) {
    const align = [p.style.textAlign, p.style.textAlignLast];
    p.style.textAlign = 'left';
    p.style.textAlignLast = 'left';
    const flush = boxes();
    [p.style.textAlign, p.style.textAlignLast] = align as [string, string];
    // If the characters ever differ flush left, each counts as set.
    const widths = flush.length === all.length ? flush.map(width) : all.map(width);
    Object.assign(r, { key, ls, widths });
  }
  const shift = ls - r.ls;
  const lines = set.map((l) => {
    const natural = l.boxes.map((b) => (r.widths[b.k] ?? width(b)) + shift);
    return {
      text: l.boxes.map((b) => b.c).join(''),
      set: l.boxes.map(width),
      natural,
      column: l.column,
      start: l.boxes[0]?.k ?? 0,
    };
  });
  return { lines, fontPx: parseFloat(getComputedStyle(p).fontSize) || 16, chars: all.map((b) => b.at) };
}
