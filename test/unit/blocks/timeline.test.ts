// timeline: points in date order, heights proportional to values, date labels, dates= and date problems.
import { describe, expect, it } from 'vitest';
import { elements, expectBadBlock, figures, num, render } from './render.ts';

const figs = figures({
  g18: { value: 3884.5, unit: '亿元', label: '地区生产总值', asOf: '2018' },
  g16: { value: 2955.6, unit: '亿元', label: '地区生产总值', asOf: '2016' },
  g20: { value: 4153.3, unit: '亿元', label: '地区生产总值', asOf: '2020-06' },
  jobs: { value: 47.65, unit: '万人', label: '城镇累计新增就业', asOf: '2021' },
  nodate: { value: 3000, unit: '亿元', label: '地区生产总值' },
});

/** Dots of the wide drawing, and the y of its zero line. */
function wide(html: string) {
  const part = html.slice(0, html.indexOf('class="fit-narrow"'));
  const base = num(elements(part, 'line', 'tl-base')[0], 'y1');
  return { dots: elements(part, 'circle', 'tl-dot'), groups: elements(part, 'g', 'tl-point'), base };
}

describe('timeline block', () => {
  it('orders points by asOf and makes heights above the base proportional to values', async () => {
    const { html, errors } = await render('::: timeline g18 g16 g20 "地区生产总值"\n', figs);
    expect(errors).toEqual([]);
    const { dots, groups, base } = wide(html);
    expect(groups.map((g) => g['data-figure'])).toEqual(['g16', 'g18', 'g20']);
    const heights = dots.map((d) => base - num(d, 'cy'));
    expect(heights[0]! / heights[2]!).toBeCloseTo(2955.6 / 4153.3, 2);
    expect(num(dots[1], 'cx')).toBeGreaterThan(num(dots[0], 'cx'));
    expect(html).toContain('>2016年</text>');
    expect(html).toContain('>2020年6月</text>');
    expect(html).toContain('>3884.5</text>');
    expect(html).toContain('单位：亿元');
  });

  it('takes dates= over asOf', async () => {
    const { html } = await render('::: timeline g16 nodate dates=2016,2017\n', figs);
    expect(html).toContain('>2017年</text>');
  });

  it('rejects a figure without a date, shared dates, mixed units and a bad dates count', async () => {
    expectBadBlock((await render('::: timeline g16 nodate\n', figs)).errors, 4, 'nodate has no asOf date');
    expectBadBlock(
      (await render('::: timeline g16 g18 dates=2016,2016\n', figs)).errors,
      4,
      'share the date 2016',
    );
    expectBadBlock((await render('::: timeline g16 jobs\n', figs)).errors, 4, 'one unit');
    expectBadBlock(
      (await render('::: timeline g16 g18 dates=2016\n', figs)).errors,
      4,
      'lists 1 dates for 2 figures',
    );
  });
});
