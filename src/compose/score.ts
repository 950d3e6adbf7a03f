// The browser-free fitness of one module in one box: the fit after copyfit could act, hierarchy and shape.
import { bandMm, heightMm, minCols, textLines, type Metrics, type ModuleNeed } from './needs.ts';

/** How far the fit stage can move a module, as shares of its text or band height (see issue "copyfit"). */
export const COPYFIT = {
  /** Leading, tracking and −0.5 pt body size together win about this much text height. */
  shrinkText: 0.06,
  /** Looser leading and paragraph spacing fill about this much more. */
  growText: 0.08,
  /** A band's graphics may grow by this share (bigger numbers, taller charts); the lead's by more. */
  growBand: 0.35,
};

export interface LeafScore {
  cost: number;
  /** Estimated content height before fitting, and the box's height, in mm. */
  needMm: number;
  boxMm: number;
  /** Left after copyfit: overflow positive, unfilled space negative. */
  residualMm: number;
}

export interface Constraint {
  /** A span the desk fixed in edition.yaml (compose.modules.<key>.columns). */
  columns?: number;
  /** The module with the highest weight: the lead. */
  lead: boolean;
}

export function leafScore(n: ModuleNeed, m: Metrics, cols: number, boxMm: number, c: Constraint): LeafScore {
  const needMm = heightMm(n, m, cols);
  const band = bandMm(n, m, cols);
  const text = needMm - band;
  let cost = 0;
  const min = minCols(n, m);
  if (cols < min) cost += 5000 * (min - cols);
  if (c.columns && cols !== c.columns) cost += 5000 * Math.abs(cols - c.columns);
  // A one-column section reads as a stub, and its section head wraps.
  if (cols === 1) cost += 150;
  // The lead takes at least half the page's columns: the most prominent place.
  if (c.lead) cost += 120 * Math.max(0, Math.ceil(m.columns / 2) - cols);
  // Shallow text columns (a wide module with few lines a column) read as a strip: newspapers keep a
  // column of text at least about ten lines deep.
  const depth = textLines(n, m) / cols;
  if (n.paragraphs.length && cols > 2) cost += 4 * Math.max(0, 10 - depth) ** 2;
  let residualMm = 0;
  const over = needMm - boxMm;
  if (over > 0) {
    const left = Math.max(0, over - COPYFIT.shrinkText * text);
    cost += 0.5 * (over - left) + 60 * left + left * left;
    residualMm = left;
  } else {
    const slack = -over;
    const absorb = COPYFIT.growText * text + COPYFIT.growBand * band * (n.weight > 1 ? n.weight : 1);
    const left = Math.max(0, slack - absorb);
    // Squared: one big hole costs more than the same space spread over several modules.
    cost += 0.05 * (slack - left) + (left * left) / 8;
    residualMm = -left;
  }
  return { cost, needMm, boxMm, residualMm };
}
