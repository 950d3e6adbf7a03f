// Timeline: 2–8 figures in one unit at their dates, as points on a line with their values printed.
import { scalePoint, scaleTime, scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { z } from 'zod';
import { defineBlock } from '../block.ts';
import { formatParts } from '../../figures/format.ts';
import type { Figure } from '../../figures/schema.ts';
import { figureView, FITS, plotted, r, sameUnit, textWidth } from '../chart.ts';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const TOP = 22; // room above the highest point for its value
const PAD = 22; // first and last points sit this far in, so their labels stay inside

export const timeline = defineBlock({
  name: 'timeline',
  summary: 'figures in one unit at their dates (asOf or dates=), as points on a line',
  example: '::: timeline economy.gdp2018 economy.gdp2019 economy.gdp2020 dates=2018,2019,2020 "地区生产总值"',
  options: z
    .object({
      dates: z
        .string()
        .regex(/^[\d-]+(,[\d-]+)*$/, 'write dates as 2016,2017,2018 (YYYY, YYYY-MM or YYYY-MM-DD)')
        .optional(),
      spacing: z.enum(['even', 'time']).default('even'),
    })
    .strict(),
  figures: { min: 2, max: 8 },
  view: ({ figures }, o) => {
    const unit = sameUnit(figures, 'timeline');
    const given = o.dates?.split(',');
    if (given && given.length !== figures.length)
      throw `dates= lists ${given.length} dates for ${figures.length} figures`;
    const points = figures.map((f, i) => {
      const date = given?.[i] ?? f.asOf;
      if (!date) throw `${f.id} has no asOf date; add one in the figures file or give dates=`;
      if (!DATE.test(date)) throw `"${date}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`;
      return { f, date };
    });
    points.sort((p, q) => p.date.localeCompare(q.date));
    const twin = points.find((p, i) => i > 0 && p.date === points[i - 1]!.date);
    if (twin)
      throw `two figures share the date ${twin.date}; a timeline needs one figure per date (give dates=)`;
    const fits = FITS.map(({ fit, width }) => ({ fit, width, ...draw(points, width, o.spacing) }));
    return { fits, unit: unit ? `单位：${unit}` : '' };
  },
});

function evenX(dates: string[], W: number): (d: string) => number {
  const s = scalePoint()
    .domain(dates)
    .range([PAD, W - PAD]);
  return (d) => s(d)!;
}

function timeX(dates: string[], W: number): (d: string) => number {
  const s = scaleTime()
    .domain([new Date(dates[0]!), new Date(dates.at(-1)!)])
    .range([PAD, W - PAD]);
  return (d) => s(new Date(d));
}

function draw(points: { f: Figure; date: string }[], W: number, spacing: 'even' | 'time') {
  // Even spacing reads like a newspaper's yearly series; time spacing shows uneven gaps honestly.
  const dates = points.map((p) => p.date);
  const x = spacing === 'time' ? timeX(dates, W) : evenX(dates, W);
  const plot = W * 0.32;
  const values = points.map((p) => plotted(p.f));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const y = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .range([TOP + plot, TOP]);
  const xy = points.map((p) => [x(p.date), y(plotted(p.f))] as [number, number]);
  const texts = points.map((p) => {
    const v = formatParts(p.f);
    return v.prefix + v.number + v.suffix;
  });
  // Neighbouring values may not collide: shrink them together to fit the closest gap.
  const gap = Math.min(...xy.slice(1).map((p, i) => p[0] - xy[i]![0]));
  const valueSize = r(
    Math.max(7, Math.min(11, (gap * 0.92) / Math.max(...texts.map((t) => textWidth(t, 1))))),
  );
  const dateSize = r(
    Math.max(7, Math.min(9.5, (gap * 0.85) / Math.max(...dates.map((d) => textWidth(dateLabel(d), 1))))),
  );
  const items = points.map((p, i) => ({
    ...figureView(p.f),
    cx: r(xy[i]![0]),
    cy: r(xy[i]![1]),
    value: texts[i],
    when: dateLabel(p.date),
  }));
  return {
    height: r(TOP + plot + 20),
    base: r(y(0)),
    dateY: r(TOP + plot + 14),
    path: line().digits(2)(xy) ?? '',
    area: area().digits(2).y0(y(0))(xy) ?? '',
    items,
    valueSize,
    dateSize,
    first: PAD - 8,
    last: W - PAD + 8,
  };
}

/** 2016 → 2016年, 2021-06 → 2021年6月, 2021-06-30 → 2021.6.30 (short enough for an axis). */
function dateLabel(date: string): string {
  const [yy, mm, dd] = date.split('-');
  if (dd) return `${yy}.${Number(mm)}.${Number(dd)}`;
  return mm ? `${yy}年${Number(mm)}月` : `${yy}年`;
}
