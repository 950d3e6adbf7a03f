// Shared helpers for the chart blocks: figure checks, printed values, text widths, SVG number rounding.
import { formatFigure, formatParts, type FigureParts } from '../figures/format.ts';
import type { Figure } from '../figures/schema.ts';
import { wordUnits } from '../render/words.ts';

/** Width of the viewBox for charts without text inside (progress bars). */
export const W = 300;

/**
 * Charts with text beside their marks are drawn twice: a viewBox scales text with the block, so one
 * geometry cannot read well both in a 41 mm text column and across a module. CSS shows the one that
 * fits the block's width (src/blocks/common.css); the text stays 7–11pt in either.
 */
export const FITS = [
  { fit: 'wide', width: 300 },
  { fit: 'narrow', width: 170 },
] as const;

/** SVG coordinates with two decimals: enough for print, short in the HTML. */
export function r(n: number): number {
  return Math.round(n * 100) / 100;
}

const SCALE = { 万: 1e4, 亿: 1e8 } as const;

/** What a template needs to show one figure. */
export interface FigureView extends FigureParts {
  id: string;
  label: string;
  full: string;
}

export function figureView(f: Figure): FigureView {
  return { ...formatParts(f), id: f.id, label: f.label, full: formatFigure(f) };
}

/** The number a chart plots: change figures keep their sign; scale does not matter within one unit. */
export function plotted(f: Figure): number {
  return f.value;
}

/** The value in printed units: 476500 with scale 万 is 47.65 (万人). */
export function printedValue(f: Figure): number {
  return f.scale ? f.value / SCALE[f.scale] : f.value;
}

/** Charts draw one quantity: every figure must print the same unit. Returns that unit. */
export function sameUnit(figures: Figure[], block: string): string {
  const unit = formatFigure(figures[0]!, 'unit');
  const odd = figures.find((f) => formatFigure(f, 'unit') !== unit);
  if (odd) {
    throw `${block} draws figures in one unit: ${figures[0]!.id} is in "${unit}", ${odd.id} is in "${formatFigure(odd, 'unit')}"; use separate blocks`;
  }
  return unit;
}

/** Percent figures between 0 and 100, for rings and progress bars. */
export function requirePercent(figures: Figure[], block: string): void {
  for (const f of figures) {
    if (f.unit !== '%' || f.scale)
      throw `${block} shows percentages; ${f.id} is in "${formatFigure(f, 'unit')}"`;
    if (f.value < 0 || f.value > 100) throw `${block} shows 0–100%; ${f.id} is ${f.value}%`;
  }
}

/**
 * Approximate advance of text in the sans face, in em: CJK ideographs are square, Latin digits about
 * half. Good enough to reserve room for labels; the browser sets the real glyphs.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += /[\u2E80-\uFFEF]/.test(c) ? 1 : /[.,:]/.test(c) ? 0.3 : c === '%' ? 0.85 : 0.58;
  return em * size;
}

/**
 * Splits a label into lines of at most `perLine` em between words (src/render/words.ts; a word wider than
 * a line is cut into characters), at most `max` lines, the last cut with an ellipsis.
 */
export function wrap(label: string, perLine: number, max = 2): string[] {
  const lines: string[] = [''];
  const tokens = wordUnits(label).flatMap((w) => (textWidth(w, 1) > perLine ? [...w] : [w]));
  for (const token of tokens) {
    const last = lines[lines.length - 1]!;
    if (last && textWidth(last + token, 1) > perLine) lines.push(token);
    else lines[lines.length - 1] = last + token;
  }
  if (lines.length > max) {
    lines.length = max;
    lines[max - 1] = lines[max - 1]!.slice(0, -1) + '…';
  }
  return lines;
}

/** Numbers the blocks compute (ratios, per-icon amounts): shortest form, no grouping, like formatFigure. */
export function plainNumber(n: number, maxDecimals = 2): string {
  return new Intl.NumberFormat('zh-Hans-CN', {
    useGrouping: false,
    maximumFractionDigits: maxDecimals,
  }).format(n);
}
