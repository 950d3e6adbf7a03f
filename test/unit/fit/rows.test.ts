// Row heights from content and the spare-height policy, on synthetic module measurements.
import { describe, expect, it } from 'vitest';
import { solveRows, type Need, type Track } from '../../../src/fit/rows.ts';

const share = (weight: number): Track => ({ kind: 'share', weight, px: 0 });
const need = (key: string, rows: [number, number], min: number, max: number): Need => ({
  key,
  rows,
  natural: (min + max) / 2,
  min,
  max,
});
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('solveRows', () => {
  it('keeps an auto row at its content height and fills the page exactly', () => {
    const tracks: Track[] = [{ kind: 'auto', weight: 0, px: 0 }, share(1), share(1)];
    const needs = [need('head', [0, 1], 80, 80), need('a', [1, 2], 100, 400), need('b', [2, 3], 100, 400)];
    const plan = solveRows(tracks, needs, 600, 10, 'weights');
    expect(plan.heights[0]).toBe(80);
    expect(sum(plan.heights) + 20).toBeCloseTo(600, 0);
    expect(plan.underset).toBeLessThan(1);
  });

  it('hands spare height to the rows whose modules can take it', () => {
    // Row 1 holds a module that cannot grow past 120; row 2's can take the rest.
    const needs = [need('short', [0, 1], 100, 120), need('long', [1, 2], 100, 500)];
    const plan = solveRows([share(1), share(1)], needs, 500, 0, 'weights');
    expect(plan.heights[0]).toBeLessThanOrEqual(121);
    expect(plan.heights[1]).toBeGreaterThanOrEqual(379);
    expect(plan.underset).toBeLessThan(2);
  });

  it('follows the declared weights while every module has room', () => {
    const needs = [need('a', [0, 1], 50, 1000), need('b', [1, 2], 50, 1000)];
    const byWeight = solveRows([share(2), share(1)], needs, 600, 0, 'weights');
    expect(byWeight.heights[0]! / byWeight.heights[1]!).toBeCloseTo(2, 1);
    const even = solveRows([share(2), share(1)], needs, 600, 0, 'even');
    expect(even.heights[0]).toBeCloseTo(even.heights[1]!, 0);
  });

  it('spreads spare nobody can take over the rows instead of leaving it in one', () => {
    const needs = [need('a', [0, 1], 100, 110), need('b', [1, 2], 100, 110), need('c', [2, 3], 100, 110)];
    const plan = solveRows([share(3), share(1), share(1)], needs, 600, 0, 'weights');
    expect(plan.underset).toBeGreaterThan(250);
    const spare = plan.heights.map((h) => h - 110);
    expect(Math.max(...spare) - Math.min(...spare)).toBeLessThan(5);
  });

  it('finds room for a module spanning rows, and reports a page too full for its modules', () => {
    const needs = [
      need('tall', [0, 2], 300, 320),
      need('top', [0, 1], 50, 400),
      need('low', [1, 2], 50, 400),
    ];
    const plan = solveRows([share(1), share(1)], needs, 310, 10, 'weights');
    expect(plan.heights[0]! + plan.heights[1]! + 10).toBeCloseTo(310, 0);
    expect(plan.overfull).toBeLessThan(1);
    const full = solveRows([share(1), share(1)], needs, 200, 10, 'weights');
    expect(full.overfull).toBeGreaterThan(90);
  });
});
