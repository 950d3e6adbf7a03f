// progress: fill width proportional to the percent of the track, stacked items, bad input.
import { describe, expect, it } from 'vitest';
import { elements, expectBadBlock, figures, num, render } from './render.ts';

const figs = figures({
  kinder: { value: 93.7, unit: '%', kind: 'percent', label: '普惠性幼儿园覆盖率' },
  party: { value: 89.9, unit: '%', kind: 'percent', label: '社会组织党组织覆盖率' },
  beds: { value: 8.82, unit: '张', kind: 'ratio', label: '千人拥有床位数' },
});

describe('progress block', () => {
  it('fills each bar to its percent of the track', async () => {
    const { html, errors } = await render('::: progress kinder party\n', figs);
    expect(errors).toEqual([]);
    const track = num(elements(html, 'rect', 'progress-track')[0], 'width');
    const fills = elements(html, 'rect', 'progress-fill').map((f) => num(f, 'width') / track);
    expect(fills[0]).toBeCloseTo(0.937, 3);
    expect(fills[1]).toBeCloseTo(0.899, 3);
    expect(elements(html, 'div', 'progress-item').map((d) => d['data-figure'])).toEqual(['kinder', 'party']);
    expect(html).toContain('93.7<small>%</small>');
  });

  it('rejects a non-percent figure and four figures', async () => {
    expectBadBlock((await render('::: progress beds\n', figs)).errors, 4, 'progress shows percentages');
    const four = await render('::: progress kinder party kinder party\n', figs);
    expectBadBlock(four.errors, 4, 'takes 1–3 figure ids, got 4');
  });
});
