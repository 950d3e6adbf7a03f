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

/** The lines of a paragraph in the live page: each character's box as set, then flush left. */
export function measureParagraph(p: HTMLElement): { lines: MeasuredLine[]; fontPx: number } {
  type Box = { c: string; left: number; right: number; top: number; h: number };
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
        if (b && b.width) out.push({ c: t.data[i]!, left: b.left, right: b.right, top: b.top, h: b.height });
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
  const set = cut(boxes());
  const align = [p.style.textAlign, p.style.textAlignLast];
  p.style.textAlign = 'left';
  p.style.textAlignLast = 'left';
  const flush = cut(boxes());
  [p.style.textAlign, p.style.textAlignLast] = align as [string, string];
  const width = (b: Box) => b.right - b.left;
  const lines = set.map((l, i) => {
    const f = flush[i]?.boxes;
    // Same breaks flush left (alignment does not move them); if they ever differ, the line counts as set.
    const natural = f && f.length === l.boxes.length ? f.map(width) : l.boxes.map(width);
    return { text: l.boxes.map((b) => b.c).join(''), set: l.boxes.map(width), natural, column: l.column };
  });
  return { lines, fontPx: parseFloat(getComputedStyle(p).fontSize) || 16 };
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
}

/** Runs in the page: every paragraph of every module, module by module. Uses the functions above,
 *  installed as globalThis.__folioLines by fitParagraphs. */
export function linesInPage(arg: LinesInput): LinesOutcome {
  const L = (globalThis as unknown as { __folioLines: FolioLines }).__folioLines;
  const list = L.trials(arg.trackingEm);
  const state = (p: HTMLElement) => {
    const m = L.measureParagraph(p);
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
      // Twice: a paragraph that gains or loses a line moves the column breaks of those after it.
      for (let pass = 0; pass < 2; pass++)
        for (const p of Array.from(m.querySelectorAll<HTMLElement>('.module-body p'))) {
          const base = state(p);
          if (!base.issues.length) continue;
          if (!pass) found++;
          const kept = chosen.get(p);
          const c = L.choose(
            base,
            list,
            (t) => {
              apply(p, t);
              return state(p);
            },
            fits,
          );
          apply(p, c.trial ?? kept);
          if (!c.trial) continue;
          chosen.set(p, c.trial);
          p.dataset['fitLines'] = [
            ...(c.trial.track
              ? [`tracking ${c.trial.track > 0 ? '+' : '−'}${Math.abs(c.trial.track)} em`]
              : []),
            ...(c.trial.squeeze ? ['punctuation half-width'] : []),
            ...(c.lineChange ? [`${c.lineChange > 0 ? '+' : '−'}1 line`] : []),
          ].join(', ');
        }
    }
  }
  reset = chosen.size;
  return { found, reset };
}

interface FolioLines {
  spreadEm: typeof spreadEm;
  paraIssues: typeof paraIssues;
  trials: typeof trials;
  choose: typeof choose;
  measureParagraph: typeof measureParagraph;
}

/** The page-side functions, as one script that installs them (check.ts measures with them too). */
export const installLines = `globalThis.__folioLines = (() => { ${[spreadEm, paraIssues, trials, choose, measureParagraph].map(String).join(';\n')}; return { spreadEm, paraIssues, trials, choose, measureParagraph }; })()`;

/** The hook in the fit stage: installs the functions, then re-sets the paragraphs that need it. */
export async function fitParagraphs(
  page: Page,
  arg: LinesInput,
  run: <T>(p: Promise<T>, step: string) => Promise<T>,
): Promise<LinesOutcome> {
  await run(page.evaluate(installLines), 'installing the line fitter');
  return run(page.evaluate(linesInPage, arg), 'fitting paragraphs to their lines');
}
