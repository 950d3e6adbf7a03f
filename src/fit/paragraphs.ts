// The line fitter's run over the live page (see lines.ts for what it measures and decides): every
// paragraph of every module, after the module ladder and before the check. Free of runtime imports.
import type { Page } from 'puppeteer-core';
import {
  choose,
  HALF,
  measureParagraph,
  paraIssues,
  spreadEm,
  squeezeCandidates,
  trials,
  type ParaState,
  type Trial,
} from './lines.ts';

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
