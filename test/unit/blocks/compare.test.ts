// compare: proportional bars and area-proportional circles, short names, ratio and difference sentences.
import { describe, expect, it } from 'vitest';
import { elements, expectBadBlock, figures, num, render } from './render.ts';

const figs = figures({
  urban: { value: 38329, unit: '元', kind: 'money', label: '城镇居民人均可支配收入' },
  rural: { value: 19655, unit: '元', kind: 'money', label: '农村居民人均可支配收入' },
  a: { value: 91.8, unit: '%', kind: 'percent', label: '非公经济组织党组织覆盖率' },
  b: { value: 89.9, unit: '%', kind: 'percent', label: '社会组织党组织覆盖率' },
  jobs: { value: 47.65, unit: '万人', label: '城镇累计新增就业' },
});

describe('compare block', () => {
  it('draws two bars in proportion and says 城镇是农村的1.95倍', async () => {
    const { html, errors } = await render('::: compare urban rural\n', figs);
    expect(errors).toEqual([]);
    const [u, r] = elements(html, 'rect', 'cmp-shape');
    expect(Math.abs(num(u, 'width') / num(r, 'width') / (38329 / 19655) - 1)).toBeLessThan(0.01);
    expect(html).toContain('城镇是农村的<b>1.95</b>倍');
    expect(elements(html, 'g', 'cmp-item').map((g) => g['data-figure'])).toEqual([
      'urban',
      'rural',
      'urban',
      'rural',
    ]);
    expect(html).toContain('38329<tspan class="cmp-small">元</tspan>');
  });

  it('makes circle areas proportional and prints a percent difference in 个百分点', async () => {
    const { html } = await render('::: compare a b style=circles show=diff\n', figs);
    const [x, y] = elements(html, 'circle', 'cmp-shape');
    expect((num(x, 'r') / num(y, 'r')) ** 2).toBeCloseTo(91.8 / 89.9, 2);
    expect(html).toContain('非公经济比社会高<b>1.9</b>个百分点');
  });

  it('rejects different units, one figure and a bad names option', async () => {
    expectBadBlock(
      (await render('::: compare urban jobs\n', figs)).errors,
      4,
      'compare draws figures in one unit',
    );
    expectBadBlock((await render('::: compare urban\n', figs)).errors, 4, 'takes 2–2 figure ids, got 1');
    expectBadBlock((await render('::: compare urban rural names=城镇\n', figs)).errors, 4, 'option names');
  });
});
