// pictogram: filled icon count from value and per=, a partly filled last icon, the key, bad input.
import { describe, expect, it } from 'vitest';
import { elements, expectBadBlock, figures, num, render } from './render.ts';

const figs = figures({
  jobs: { value: 476500, unit: '人', scale: '万', label: '城镇累计新增就业' },
  kinder: { value: 93.7, unit: '%', kind: 'percent', label: '普惠性幼儿园覆盖率' },
  schools: { value: 41, unit: '所', label: '新建学校' },
});

describe('pictogram block', () => {
  it('fills value/per icons, the last one partly, and says what one icon stands for', async () => {
    const { html, errors } = await render('::: pictogram jobs icon=person per=5\n', figs);
    expect(errors).toEqual([]);
    const icons = elements(html, 'path', 'picto-icon').filter((p) => p['transform']);
    expect(icons).toHaveLength(10);
    // 47.65万 / 5万 = 9.53 icons: nine full, the tenth filled to 0.53 of its width.
    expect(icons.filter((p) => p['class']!.split(' ').includes('on'))).toHaveLength(9);
    const [part] = elements(html, 'svg', 'picto-part');
    expect(num(part, 'width') / 20).toBeCloseTo(0.53, 2);
    expect(html).toContain('data-figure="jobs"');
    expect(html).toContain('47.65<small>万人</small>');
    expect(html).toContain('代表5万人');
  });

  it('draws a count as its icons only: no grey icons suggesting a target that does not exist', async () => {
    // 41所 per 5 on icons=10: 8 full icons and one filled to a fifth, not 10 with a grey one after them.
    const { html, errors } = await render('::: pictogram schools icon=school per=5\n', figs);
    expect(errors).toEqual([]);
    const icons = elements(html, 'path', 'picto-icon').filter((p) => p['transform']);
    expect(icons).toHaveLength(9);
    expect(icons.filter((p) => p['class']!.split(' ').includes('on'))).toHaveLength(8);
    expect(num(elements(html, 'svg', 'picto-part')[0], 'width') / 20).toBeCloseTo(0.2, 2);
  });

  it('uses 1% per icon for a percent on 100 icons', async () => {
    const { html } = await render('::: pictogram kinder icons=100 icon=dot\n', figs);
    const icons = elements(html, 'path', 'picto-icon').filter((p) => p['transform']);
    expect(icons).toHaveLength(100);
    expect(icons.filter((p) => p['class']!.split(' ').includes('on'))).toHaveLength(93);
    expect(html).toContain('代表1%');
  });

  it('rejects too small a per, an unknown icon and icons=7', async () => {
    expectBadBlock(
      (await render('::: pictogram jobs per=2\n', figs)).errors,
      4,
      'needs 24 icons, more than icons=10',
    );
    expectBadBlock((await render('::: pictogram jobs icon=car\n', figs)).errors, 4, 'option icon');
    expectBadBlock((await render('::: pictogram jobs icons=7\n', figs)).errors, 4, 'option icons');
  });
});
