// bars: bar lengths proportional to values in both directions, values at bar ends, sorting, unit checks.
import { describe, expect, it } from 'vitest';
import { elements, expectBadBlock, figures, num, render } from './render.ts';

const figs = figures({
  urban: { value: 38329, unit: '元', kind: 'money', label: '城镇居民人均可支配收入' },
  rural: { value: 19655, unit: '元', kind: 'money', label: '农村居民人均可支配收入' },
  trade: { value: 12.8, unit: '%', kind: 'change', label: '进出口总额' },
  crime: { value: -14.7, unit: '%', kind: 'change', label: '刑事类警情' },
});

/** Bar rects of the wide drawing (the first of the two fits), by figure id. */
function wideBars(html: string) {
  const wide = html.slice(0, html.indexOf('class="fit-narrow"'));
  const groups = [...wide.matchAll(/<g class="bar" data-figure="([^"]+)">\s*<rect ([^>]*)>/g)];
  return new Map(groups.map((g) => [g[1]!, elements(`<rect ${g[2]}>`, 'rect', 'bar-rect')[0]!]));
}

describe('bars block', () => {
  it('draws horizontal bar widths in the ratio of the values, with values at the bar ends', async () => {
    const { html, errors } = await render('::: bars urban rural\n', figs);
    expect(errors).toEqual([]);
    const bars = wideBars(html);
    const ratio = num(bars.get('urban'), 'width') / num(bars.get('rural'), 'width');
    expect(Math.abs(ratio / (38329 / 19655) - 1)).toBeLessThan(0.01);
    expect(html).toContain('>38329元</text>');
    expect(html).toContain('>19655元</text>');
    // The value label starts just past its bar's end.
    const value = elements(html, 'text', 'bar-value')[0]!;
    expect(num(value, 'x')).toBeGreaterThan(num(bars.get('urban'), 'width'));
  });

  it('draws vertical bar heights in the ratio of the values and sorts ascending', async () => {
    const { html } = await render('::: bars urban rural dir=v sorted=asc\n', figs);
    const bars = wideBars(html);
    expect([...bars.keys()]).toEqual(['rural', 'urban']);
    const ratio = num(bars.get('urban'), 'height') / num(bars.get('rural'), 'height');
    expect(Math.abs(ratio / (38329 / 19655) - 1)).toBeLessThan(0.01);
    expect(html).toContain('单位：元');
  });

  it('puts a decrease on the other side of the zero line, printed with its verb', async () => {
    const { html } = await render('::: bars trade crime\n', figs);
    const bars = wideBars(html);
    const trade = bars.get('trade')!;
    const crime = bars.get('crime')!;
    expect(num(crime, 'x') + num(crime, 'width')).toBeCloseTo(num(trade, 'x'), 1);
    expect(num(crime, 'width') / num(trade, 'width')).toBeCloseTo(14.7 / 12.8, 2);
    expect(html).toContain('下降14.7%');
    expect(html).toContain('增长12.8%');
  });

  it('rejects mixed units, an unknown option and a wrong figure count on the directive line', async () => {
    const mixed = await render('# 标题\n\n::: bars urban trade\n', figs);
    expectBadBlock(mixed.errors, 6, 'bars draws figures in one unit: urban is in "元", trade is in "%"');
    expectBadBlock(
      (await render('::: bars urban rural colour=red\n', figs)).errors,
      4,
      'unknown option "colour"',
    );
    expectBadBlock((await render('::: bars urban\n', figs)).errors, 4, 'takes 2–8 figure ids, got 1');
  });
});
