// Per paragraph, after the module ladder and before the check: a loose justified line, a 孤字 last line or a
// one-line tail parted from its paragraph by a column break is cured the way a typesetter does it — small
// tracking steps and punctuation compression (标点挤压) on that paragraph only, keeping its line count so the
// module's fit holds; one line more or less only while the module still fits its box. The functions below
// are free of imports: they are sent into the page (like the ladder) and the decision is unit-tested.
import type { Page } from 'puppeteer-core';

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
const HALF = /[，。、；：！？）》」』】〕〉”’]/;

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

export interface LinesInput {
  looseEm: number;
  /** Most a paragraph's tracking may move from its module's, em (edition.yaml fit.trackingEm). */
  trackingEm: number;
  /** A module is fitted when this close to full, px. */
  slack: number;
}

export interface LinesOutcome {
  /** Paragraphs that had an issue, and how many of them a setting cured or improved. */
  found: number;
  reset: number;
  /** Paragraph measurements taken (the cost of the step). */
  measures: number;
}

/** Runs in the page: every paragraph of every module, module by module. Uses the functions above,
 *  installed as globalThis.__folioLines by fitParagraphs. */
export function linesInPage(arg: LinesInput): LinesOutcome {
  // Inside: page.evaluate sends only this function.
  const RAGGED_EM = 0.3;
  const L = (globalThis as unknown as { __folioLines: FolioLines }).__folioLines;
  const list = L.trials(arg.trackingEm);
  let measures = 0;
  const caches = new WeakMap<HTMLElement, { key: string; ls: number; widths: number[] }>();
  const measure = (p: HTMLElement) => {
    measures++;
    const c = caches.get(p) ?? { key: '', ls: 0, widths: [] };
    caches.set(p, c);
    return L.measureParagraph(p, c);
  };
  const state = (p: HTMLElement) => {
    const m = measure(p);
    return L.paraIssues(m.lines, m.fontPx, arg.looseEm);
  };
  const apply = (p: HTMLElement, t: Trial | undefined) => {
    p.style.letterSpacing = t?.track ? `calc(var(--fit-track, 0em) + ${t.track}em)` : '';
    p.style.fontFeatureSettings = t?.squeeze ? '"halt"' : '';
  };
  let found = 0;
  let reset = 0;
  const chosen = new Map<HTMLElement, Trial>();
  for (const grid of Array.from(document.querySelectorAll<HTMLElement>('.np-grid'))) {
    const g = grid.getBoundingClientRect();
    const tracks = getComputedStyle(grid).gridTemplateRows.split(' ').map(parseFloat);
    const gap = parseFloat(getComputedStyle(grid).rowGap) || 0;
    for (const m of Array.from(grid.querySelectorAll<HTMLElement>(':scope > .module'))) {
      const [, b = 1] = (m.dataset['rows'] ?? '').split(' ').map(Number);
      const bottom = g.top + tracks.slice(0, b).reduce((x, y) => x + y, 0) + gap * (b - 1);
      const spare = () => bottom - m.getBoundingClientRect().bottom;
      const before = spare();
      // Inside the box, and no emptier than the ladder left it (or than fitted).
      const fits = () => spare() >= -0.5 && spare() <= Math.max(arg.slack, before) + 0.5;
      // Again when a paragraph gained or lost a line: that moves the column breaks of the others.
      let relined = true;
      for (let pass = 0; pass < 2 && relined; pass++)
        for (const p of Array.from(m.querySelectorAll<HTMLElement>('.module-body p'))) {
          if (p === m.querySelector('.module-body p')) relined = false;
          if (!state(p).issues.length) continue;
          if (!pass) found++;
          const squeezed = squeeze(p, fits);
          const base = state(p);
          const kept = chosen.get(p);
          const c = base.issues.length
            ? L.choose(
                base,
                list,
                (t) => {
                  apply(p, t);
                  return state(p);
                },
                fits,
              )
            : undefined;
          apply(p, c?.trial ?? kept);
          if (!c?.trial && !squeezed) continue;
          if (c?.trial) chosen.set(p, c.trial);
          if (c?.lineChange) relined = true;
          const t = c?.trial ?? kept;
          const half = p.querySelectorAll('.fit-half').length;
          p.dataset['fitLines'] = [
            ...(half ? [`${half} line-end mark(s) half-width`] : []),
            ...(t?.track ? [`tracking ${t.track > 0 ? '+' : '−'}${Math.abs(t.track)} em`] : []),
            ...(t?.squeeze ? ['punctuation half-width'] : []),
            ...(c?.lineChange ? [`${c.lineChange > 0 ? '+' : '−'}1 line`] : []),
          ].join(', ');
        }
    }
  }
  // What no setting cured and is spaced out far (a figure alone on a line): set short, without justifying
  // between characters, rather than letter-spaced across the column — it reads as text, also to a PDF's
  // text layer.
  for (const p of Array.from(document.querySelectorAll<HTMLElement>('.np-grid .module-body p')))
    if (state(p).issues.some((i) => i.kind === 'loose' && i.em > RAGGED_EM)) {
      p.style.setProperty('text-justify', 'inter-word');
      p.dataset['fitLines'] = [p.dataset['fitLines'], 'set short, not spaced out'].filter(Boolean).join(', ');
    }
  reset = document.querySelectorAll('.module-body p[data-fit-lines]').length;
  return { found, reset, measures };

  /** Line-end compression for each loose line in turn (squeezeCandidates); returns how many it cured. */
  function squeeze(p: HTMLElement, fitsBox: () => boolean): number {
    const score = (x: ParaState) => x.issues.length * 10 + x.issues.reduce((a, i) => a + i.em, 0);
    const seen = new Set<string>();
    let cured = 0;
    for (let guard = 0; guard < 30; guard++) {
      const m = measure(p);
      const before = L.paraIssues(m.lines, m.fontPx, arg.looseEm);
      const i = m.lines.findIndex(
        (l, k) => k < m.lines.length - 1 && !seen.has(l.text) && L.spreadEm(l, m.fontPx) > arg.looseEm,
      );
      if (i < 0) break;
      seen.add(m.lines[i]!.text);
      const now = chosen.get(p)?.track ?? 0;
      // Pushing in needs room: the marks alone, then with the paragraph a little tighter.
      const tighter = [now, now - arg.trackingEm / 2, now - arg.trackingEm]
        .map((d) => Math.round(Math.max(d, -arg.trackingEm) * 1e4) / 1e4)
        .filter((d, k, all) => all.indexOf(d) === k);
      search: for (const ks of L.squeezeCandidates(m.lines, i)) {
        const at = measure(p).chars;
        // From the last character back: wrapping one splits its text node after the earlier ones.
        const spans = [...ks].sort((a, b) => b - a).flatMap((k) => (at[k] ? [half(at[k])] : []));
        for (const track of tighter) {
          apply(p, { track, squeeze: false });
          const after = state(p);
          if (score(after) < score(before) && (after.lines === before.lines || fitsBox())) {
            if (track) chosen.set(p, { track, squeeze: false });
            cured++;
            break search;
          }
        }
        apply(p, chosen.get(p));
        for (const s of spans) whole(s);
      }
    }
    return cured;
  }

  function half([t, i]: [Text, number]): HTMLElement {
    const r = document.createRange();
    r.setStart(t, i);
    r.setEnd(t, i + 1);
    const s = document.createElement('span');
    s.className = 'fit-half';
    s.style.fontFeatureSettings = '"halt"';
    r.surroundContents(s);
    return s;
  }

  function whole(s: HTMLElement): void {
    const parent = s.parentNode;
    if (!parent) return;
    while (s.firstChild) parent.insertBefore(s.firstChild, s);
    parent.removeChild(s);
    parent.normalize();
  }
}

interface FolioLines {
  spreadEm: typeof spreadEm;
  paraIssues: typeof paraIssues;
  trials: typeof trials;
  choose: typeof choose;
  squeezeCandidates: typeof squeezeCandidates;
  measureParagraph: typeof measureParagraph;
}

/** The page-side functions, as one script that installs them (check.ts measures with them too). */
export const installLines = `globalThis.__folioLines = (() => { const HALF = ${String(HALF)}; ${[spreadEm, paraIssues, trials, choose, squeezeCandidates, measureParagraph].map(String).join(';\n')}; return { spreadEm, paraIssues, trials, choose, squeezeCandidates, measureParagraph }; })()`;

/** The hook in the fit stage: installs the functions, then re-sets the paragraphs that need it. */
export async function fitParagraphs(
  page: Page,
  arg: LinesInput,
  run: <T>(p: Promise<T>, step: string) => Promise<T>,
): Promise<LinesOutcome> {
  await run(page.evaluate(installLines), 'installing the line fitter');
  return run(page.evaluate(linesInPage, arg), 'fitting paragraphs to their lines');
}
