// Two-value comparison (城镇 vs 农村): proportional bars or circles, plus the ratio or difference in words.
import { scaleLinear, scaleSqrt } from 'd3-scale';
import { z } from 'zod';
import { formatFigure } from '../../figures/format.ts';
import type { Figure } from '../../figures/schema.ts';
import { defineBlock } from '../block.ts';
import { figureView, FITS, plainNumber, r, sameUnit, textWidth } from '../chart.ts';

export const compare = defineBlock({
  name: 'compare',
  summary: 'two figures in one unit side by side, with how many times (or how much) one is of the other',
  example: '::: compare income.urbanPerCapita income.ruralPerCapita style=bars show=ratio',
  options: z
    .object({
      style: z.enum(['bars', 'circles']).default('bars'),
      show: z.enum(['ratio', 'diff', 'none']).default('ratio'),
      names: z
        .string()
        .regex(/^[^,]+,[^,]+$/, 'write two short names separated by a comma: names=城镇,农村')
        .optional(),
    })
    .strict(),
  figures: { min: 2, max: 2 },
  view: ({ figures }, o) => {
    sameUnit(figures, 'compare');
    const [a, b] = figures as [Figure, Figure];
    if (a.value < 0 || b.value < 0)
      throw `compare draws two amounts and cannot draw negative ${a.value < 0 ? a.id : b.id}; use bars`;
    const names = o.names?.split(',').map((s) => s.trim()) ?? shortNames(a.label, b.label);
    const items = [a, b].map((f, i) => ({ ...figureView(f), name: names[i]! }));
    const draw = o.style === 'bars' ? bars : circles;
    const fits = FITS.map(({ fit, width }) => {
      const { height, shapes } = draw([a, b], width);
      return { fit, width, height, items: items.map((v, i) => ({ ...v, ...shapes[i]! })) };
    });
    return { style: o.style, fits, ...verdict([a, b], names, o.show) };
  },
});

function bars(fs: [Figure, Figure], W: number) {
  const room = Math.max(...fs.map((f) => textWidth(formatFigure(f), 14))) + 6;
  const x = scaleLinear()
    .domain([0, Math.max(largest(fs), 1e-9)])
    .range([0, W - room]);
  const shapes = fs.map((f, i) => {
    const y = 16 + i * 44;
    return {
      rect: { x: 0, y, w: r(x(f.value)), h: 18 },
      nameAt: { x: 0, y: y - 4 },
      valueAt: { x: r(x(f.value) + 4), y: y + 15, anchor: 'start' },
    };
  });
  return { height: 82, shapes };
}

function circles(fs: [Figure, Figure], W: number) {
  // Area, not radius, is proportional to the value: the eye reads a circle by its area.
  const rMax = W * 0.17;
  const radius = scaleSqrt()
    .domain([0, Math.max(largest(fs), 1e-9)])
    .range([0, rMax]);
  const base = r(2 * rMax + 2);
  const shapes = fs.map((f, i) => {
    const cx = W / 4 + (i * W) / 2;
    const rad = radius(f.value);
    return {
      circle: { cx, cy: r(base - rad), r: r(rad) },
      nameAt: { x: cx, y: base + 16 },
      valueAt: { x: cx, y: base + 36, anchor: 'middle' },
    };
  });
  return { height: base + 42, shapes };
}

function largest(fs: Figure[]): number {
  return Math.max(...fs.map((f) => f.value));
}

/** 城镇居民人均可支配收入 / 农村居民人均可支配收入 → 城镇 / 农村: drop the shared ending when both keep a short name. */
export function shortNames(x: string, y: string): [string, string] {
  let n = 0;
  while (n < Math.min(x.length, y.length) && x.at(-1 - n) === y.at(-1 - n)) n++;
  const [p, q] = [x.slice(0, x.length - n), y.slice(0, y.length - n)];
  return p && q && p.length <= 6 && q.length <= 6 ? [p, q] : [x, y];
}

function verdict(fs: [Figure, Figure], names: string[], show: 'ratio' | 'diff' | 'none') {
  const big = fs[0].value >= fs[1].value ? 0 : 1;
  const [hi, lo] = [fs[big]!, fs[1 - big]!];
  const [hiName, loName] = [names[big]!, names[1 - big]!];
  if (show === 'none') return {};
  if (show === 'ratio') {
    if (lo.value === 0) throw `compare cannot print a ratio to zero (${lo.id}); use show=diff`;
    return {
      verdict: { before: `${hiName}是${loName}的`, number: plainNumber(hi.value / lo.value), after: '倍' },
    };
  }
  const decimals = Math.max(...fs.map((f) => f.decimals ?? (String(f.value).split('.')[1] ?? '').length));
  const diff = Number((hi.value - lo.value).toFixed(decimals));
  // A difference of percentages is in percentage points, not percent.
  const d: Figure =
    hi.unit === '%'
      ? {
          ...hi,
          value: diff,
          unit: '个百分点',
          kind: 'percentagePoint',
          qualifier: undefined,
          scale: undefined,
        }
      : { ...hi, value: diff, kind: 'count', qualifier: undefined };
  const more = hi.unit === '%' ? '高' : '多';
  return {
    verdict: {
      before: `${hiName}比${loName}${more}`,
      number: formatFigure(d, 'value'),
      after: formatFigure(d, 'unit'),
    },
  };
}
