// badge: rank and streak text in the roundel or banner, label, and refusal of other kinds.
import { describe, expect, it } from 'vitest';
import { elements, expectBadBlock, figures, render } from './render.ts';

const figs = figures({
  rank: { value: 7, unit: '位', kind: 'rank', label: '全国城市营商环境评价排名' },
  streak: { value: 9, unit: '连冠', kind: 'streak', label: '全国双拥模范城' },
  jobs: { value: 47.65, unit: '万人', label: '城镇累计新增就业' },
});

describe('badge block', () => {
  it('sets 第7位 in a roundel with the label beside it', async () => {
    const { html, errors } = await render('::: badge rank\n', figs);
    expect(errors).toEqual([]);
    const [mark] = elements(html, 'svg', 'badge-mark');
    expect(mark?.['data-figure']).toBe('rank');
    expect(html).toMatch(/<tspan[^>]*>第<\/tspan>7<tspan[^>]*>位<\/tspan>/);
    expect(elements(html, 'circle', 'badge-disc')).toHaveLength(1);
    expect(html.replaceAll('<wbr>', '')).toContain('全国城市营商环境评价排名');
  });

  it('sets 九连冠 in hanzi on a banner', async () => {
    const { html } = await render('::: badge streak shape=ribbon\n', figs);
    expect(html).toMatch(/>九<tspan[^>]*>连冠<\/tspan>/);
    expect(elements(html, 'rect', 'badge-disc')).toHaveLength(1);
  });

  it('rejects a count and an unknown shape', async () => {
    expectBadBlock((await render('::: badge jobs\n', figs)).errors, 4, 'jobs is a count (47.65万人)');
    expectBadBlock((await render('::: badge rank shape=star\n', figs)).errors, 4, 'option shape');
  });
});
