// Bar chart: 2–8 figures in one unit, horizontal (label over each bar) or vertical columns.
import { scaleBand, scaleLinear } from 'd3-scale';
import { z } from 'zod';
import type { Figure } from '../../figures/schema.ts';
import { defineBlock } from './block.ts';
import { figureView, plotted, r, sameUnit, textWidth, W, wrap } from './chart.ts';

const LABEL = 10; // label text size, viewBox units
const VALUE = 11;
const BAR = 11; // horizontal bar thickness

export const bars = defineBlock({
  name: 'bars',
  summary: 'a bar chart of 2–8 figures in one unit, value printed at each bar end',
  example: '::: bars economy.gdp2018 economy.gdp2019 economy.gdp2020 dir=v "地区生产总值（亿元）"',
  options: z
    .object({ dir: z.enum(['h', 'v']).default('h'), sorted: z.enum(['none', 'desc', 'asc']).default('none') })
    .strict(),
  figures: { min: 2, max: 8 },
  view: ({ figures }, o) => {
    sameUnit(figures, 'bars');
    const order = [...figures];
    if (o.sorted !== 'none') order.sort((a, b) => (o.sorted === 'desc' ? -1 : 1) * (plotted(a) - plotted(b)));
    return { dir: o.dir, width: W, ...(o.dir === 'h' ? horizontal(order) : vertical(order)) };
  },
});

/** The value domain always includes zero: bar lengths must be proportional to the values. */
function domain(figures: Figure[]): [number, number] {
  const values = figures.map(plotted);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  return [lo, hi === lo ? lo + 1 : hi];
}

function horizontal(figures: Figure[]) {
  const views = figures.map(figureView);
  const rowH = LABEL + 6 + BAR + 9;
  const rows = scaleBand<number>()
    .domain(views.map((_, i) => i))
    .range([0, rowH * views.length]);
  // Room at each end for the longest value label that sits there.
  const room = (neg: boolean) =>
    Math.max(0, ...views.filter((_, i) => plotted(figures[i]!) < 0 === neg).map((v) => textWidth(v.full, VALUE) + 4));
  const x = scaleLinear()
    .domain(domain(figures))
    .range([room(true), W - room(false)]);
  const zero = x(0);
  const items = views.map((v, i) => {
    const value = plotted(figures[i]!);
    const top = rows(i)! + LABEL + 4;
    const end = x(value);
    const neg = value < 0;
    return {
      ...v,
      rect: { x: r(Math.min(zero, end)), y: r(top), w: r(Math.abs(end - zero)), h: BAR },
      value: { x: r(end + (neg ? -3 : 3)), y: r(top + BAR - 2), anchor: neg ? 'end' : 'start' },
      lines: [{ x: r(neg ? W : 0), y: r(top - 4), text: v.label }],
      labelAnchor: neg ? 'end' : 'start',
    };
  });
  const height = rowH * views.length - 6;
  return { height: r(height), items, axis: { x1: r(zero), y1: 0, x2: r(zero), y2: r(height) } };
}

function vertical(figures: Figure[]) {
  const views = figures.map(figureView);
  const x = scaleBand<number>()
    .domain(views.map((_, i) => i))
    .range([0, W])
    .paddingInner(0.3)
    .paddingOuter(0.15);
  const step = x.step();
  // Value labels may not be wider than one step: shrink them together when the chart is crowded.
  const widest = Math.max(...views.map((v) => textWidth(v.full, 1)));
  const size = Math.max(7, Math.min(VALUE, (step * 0.95) / widest));
  const labels = views.map((v) => wrap(v.label, (step * 0.95) / LABEL, 3));
  const lineCount = Math.max(...labels.map((l) => l.length));
  const plotTop = size + 4;
  const plotBottom = plotTop + 150;
  const [lo] = domain(figures);
  const y = scaleLinear()
    .domain(domain(figures))
    .range([plotBottom - (lo < 0 ? 30 : 0), plotTop]);
  const zero = y(0);
  const items = views.map((v, i) => {
    const value = plotted(figures[i]!);
    const end = y(value);
    const cx = x(i)! + x.bandwidth() / 2;
    return {
      ...v,
      rect: { x: r(x(i)!), y: r(Math.min(zero, end)), w: r(x.bandwidth()), h: r(Math.abs(zero - end)) },
      value: { x: r(cx), y: r(value < 0 ? end + size + 2 : end - 4), anchor: 'middle' },
      lines: labels[i]!.map((text, j) => ({ x: r(cx), y: r(plotBottom + 4 + (j + 1) * (LABEL + 2)), text })),
      labelAnchor: 'middle',
    };
  });
  const height = plotBottom + 8 + lineCount * (LABEL + 2);
  return { height: r(height), items, valueSize: r(size), axis: { x1: 0, y1: r(zero), x2: W, y2: r(zero) } };
}
