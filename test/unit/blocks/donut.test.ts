// donut: arc angle proportional to the percent, the value in the centre, segments, and bad shares.
import { describe, expect, it } from 'vitest';
import { elements, expectBadBlock, figures, num, render } from './render.ts';

const figs = figures({
  cover: { value: 93.7, unit: '%', kind: 'percent', label: '普惠性幼儿园覆盖率' },
  coal: { value: 56.2, unit: '%', kind: 'percent', label: '煤炭' },
  gas: { value: 18.5, unit: '%', kind: 'percent', label: '天然气' },
  jobs: { value: 47.65, unit: '万人', label: '城镇累计新增就业' },
});

describe('donut block', () => {
  it('sweeps 93.7% of the ring and prints 93.7% in the centre', async () => {
    const { html, errors } = await render('::: donut cover\n', figs);
    expect(errors).toEqual([]);
    const [seg] = elements(html, 'path', 'donut-seg');
    expect(seg?.['data-figure']).toBe('cover');
    expect(num(seg, 'data-angle') / (2 * Math.PI)).toBeCloseTo(0.937, 2);
    expect(html).toMatch(
      /data-figure="cover"[^>]*>.*<tspan>93\.7<\/tspan><tspan class="donut-small">%<\/tspan>/,
    );
    expect(html).toContain('普惠性幼儿园覆盖率');
  });

  it('draws several shares as segments in proportion, with a legend', async () => {
    const { html } = await render('::: donut coal gas "能源消费结构"\n', figs);
    const segs = elements(html, 'path', 'donut-seg');
    expect(segs.map((s) => s['data-figure'])).toEqual(['coal', 'gas']);
    expect(num(segs[0], 'data-angle') / num(segs[1], 'data-angle')).toBeCloseTo(56.2 / 18.5, 2);
    expect(html).toContain('<b>56.2%</b>');
  });

  it('rejects a figure that is not a percent and shares over 100%', async () => {
    expectBadBlock(
      (await render('::: donut jobs\n', figs)).errors,
      4,
      'donut shows percentages; jobs is in "万人"',
    );
    expectBadBlock((await render('::: donut cover coal\n', figs)).errors, 4, 'add up to 149.9%');
  });
});
