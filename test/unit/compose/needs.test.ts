// The composer's estimator: text lines at the body size and leading, bands that wrap, minimum spans.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/config/presets.ts';
import { bandMm, heightMm, metricsOf, minCols, needOf, textLines } from '../../../src/compose/needs.ts';
import { bandBlocks } from '../../../src/compose/blocks.ts';
import { para } from './helpers.ts';

const m = metricsOf(PRESETS.broadsheet);
const perLine = Math.floor(m.colMm / m.charMm);
const need = (html: string, graphics = '') => needOf('s01', 'section', html, graphics, 6, 0, 1);

describe('estimator', () => {
  it('derives the column grid and grid depth from the preset', () => {
    // 390 mm − 2 × 17 mm margins, 8 columns with 7 gutters of 4 mm.
    expect(m.colMm).toBeCloseTo((356 - 28) / 8, 5);
    expect(m.lineMm).toBeCloseTo(10 * (25.4 / 72) * 1.62, 5);
    expect(m.gridMm).toBeGreaterThan(450);
    expect(m.gridMm).toBeLessThan(543 - 38);
  });

  it('counts a paragraph as its characters plus the 2 em indent, line by line', () => {
    expect(textLines(need(para(perLine - 2)), m)).toBe(1);
    expect(textLines(need(para(perLine - 1)), m)).toBe(2);
    expect(textLines(need(para(perLine * 3) + para(1)), m)).toBe(5);
  });

  it('makes a module shorter as it gets wider, and taller with more text', () => {
    const n = need(para(400).repeat(3));
    expect(heightMm(n, m, 2)).toBeGreaterThan(heightMm(n, m, 4));
    expect(heightMm(n, m, 4)).toBeGreaterThan(heightMm(n, m, 6));
    expect(heightMm(need(para(800).repeat(3)), m, 4)).toBeGreaterThan(heightMm(n, m, 4));
  });

  it('wraps a band onto a second row when its blocks do not fit side by side', () => {
    const n = need(para(100), '<figure class="blk blk-stats cols-3"></figure>'.repeat(2));
    const rows = (cols: number) => bandMm(n, m, cols);
    // Two three-cell stat grids need 2 × 72 mm + a gutter: six columns hold them, three do not.
    expect(rows(3)).toBeGreaterThan(rows(6) * 1.5);
  });

  it('gives a photo its cols= width and height by its proportions', () => {
    const html =
      '<figure class="blk blk-photo" data-block="photo" data-cols="3"><img src="x" width="200" height="100"></figure>';
    const [photo] = bandBlocks(html);
    expect(photo).toMatchObject({ name: 'photo', cols: 3, ratio: 2 });
    const n = need(para(50), html);
    expect(minCols(n, m)).toBe(3);
    expect(bandMm(n, m, 3)).toBeGreaterThan((3 * m.colMm + 2 * m.gutterMm) / 2);
  });

  it('needs enough columns for its widest block', () => {
    expect(minCols(need(para(10), '<figure class="blk blk-stats cols-3"></figure>'), m)).toBe(2);
    expect(minCols(need(para(10), '<figure class="blk blk-timeline"></figure>'), m)).toBe(2);
    expect(minCols(need(para(10)), m)).toBe(2);
  });
});
