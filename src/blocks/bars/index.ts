// Bar chart: 2–8 figures in one unit, horizontal (label over each bar) or vertical columns.
import { scaleBand, scaleLinear } from 'd3-scale';
import { z } from 'zod';
import type { Figure } from '../../figures/schema.ts';
import { defineBlock } from '../block.ts';
import { figureView, FITS, plotted, r, sameUnit, textWidth, wrap } from '../chart.ts';

const LABEL = 10; // label text size, viewBox units
const VALUE = 11;
const BAR = 11; // horizontal bar thickness

export const bars = defineBlock({
  name: 'bars',
  summary: 'a bar chart of 2–8 figures in one unit, value printed at each bar end',
  example: '::: bars income.urbanPerCapita income.ruralPerCapita sorted=desc "城乡居民收入"',
  options: z
    .object({
      dir: z.enum(['h', 'v']).default('h'),
      sorted: z.enum(['none', 'desc', 'asc']).default('none'),
      labels: z.string().optional(),
    })
    .strict(),
  figures: { min: 2, max: 8 },
  view: ({ figures }, o) => {
    const unit = sameUnit(figures, 'bars');
    // Short category names (labels=2016,2017) replace the figures' full labels, in directive order.
    const names = o.labels?.split(',').map((l) => l.trim());
    if (names && names.length !== figures.length)
      throw `labels= lists ${names.length} names for ${figures.length} figures`;
    const order = figures.map((f, i) => ({ ...f, label: names?.[i] || f.label }));
    if (o.sorted !== 'none') order.sort((a, b) => (o.sorted === 'desc' ? -1 : 1) * (plotted(a) - plotted(b)));
    const draw = o.dir === 'h' ? horizontal : vertical;
    // Columns are too narrow for 亿元 on every value: vertical charts print the unit once, under the chart.
    const note = o.dir === 'v' && unit ? `单位：${unit}` : '';
    return { dir: o.dir, note, fits: FITS.map(({ fit, width }) => ({ fit, width, ...draw(order, width) })) };
  },
});

/** The value domain always includes zero: bar lengths must be proportional to the values. */
function domain(figures: Figure[]): [number, number] {
  const values = figures.map(plotted);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  return [lo, hi === lo ? lo + 1 : hi];
}

function horizontal(figures: Figure[], W: number) {
  const views = figures.map(figureView);
  const rowH = LABEL + 6 + BAR + 9;
  const rows = scaleBand<number>()
    .domain(views.map((_, i) => i))
    .range([0, rowH * views.length]);
  // Room at each end for the longest value label that sits there.
  const room = (neg: boolean) =>
    Math.max(
      0,
      ...views.filter((_, i) => plotted(figures[i]!) < 0 === neg).map((v) => textWidth(v.full, VALUE) + 4),
    );
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
      value: { x: r(end + (neg ? -3 : 3)), y: r(top + BAR - 2), anchor: neg ? 'end' : 'start', text: v.full },
      // A label sits over its bar, on the bar's side of the zero line.
      lines: [{ x: r(neg ? zero - 3 : zero + 3), y: r(top - 4), text: v.label }],
      labelAnchor: neg ? 'end' : 'start',
    };
  });
  const height = rowH * views.length - 6;
  return { height: r(height), items, axis: { x1: r(zero), y1: 0, x2: r(zero), y2: r(height) } };
}

function vertical(figures: Figure[], W: number) {
  const views = figures.map(figureView);
  const x = scaleBand<number>()
    .domain(views.map((_, i) => i))
    .range([0, W])
    .paddingInner(0.3)
    .paddingOuter(0.15);
  const step = x.step();
  const texts = views.map((v) => v.prefix + v.number + v.suffix);
  // Value labels may not be wider than one step: shrink them together when the chart is crowded.
  const size = Math.max(7, Math.min(VALUE, (step * 0.85) / Math.max(...texts.map((t) => textWidth(t, 1)))));
  const labelSize = Math.max(7, Math.min(LABEL, step / 4));
  const labels = views.map((v) => wrap(v.label, (step * 0.98) / labelSize, 3));
  const lineCount = Math.max(...labels.map((l) => l.length));
  const plotTop = size + 4;
  const plotBottom = plotTop + W * 0.36;
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
      value: { x: r(cx), y: r(value < 0 ? end + size + 2 : end - 4), anchor: 'middle', text: texts[i] },
      lines: labels[i]!.map((text, j) => ({
        x: r(cx),
        y: r(plotBottom + 3 + (j + 1) * (labelSize + 2)),
        text,
      })),
      labelAnchor: 'middle',
    };
  });
  const height = plotBottom + 6 + lineCount * (labelSize + 2);
  return {
    height: r(height),
    items,
    valueSize: r(size),
    labelSize: r(labelSize),
    axis: { x1: 0, y1: r(zero), x2: W, y2: r(zero) },
  };
}
