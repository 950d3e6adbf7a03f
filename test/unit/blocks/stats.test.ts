// stats: formatted numbers and labels per cell, data-figure on each, cols, and bad input on the right line.
import { describe, expect, it } from 'vitest';
import { elements, expectBadBlock, figures, render } from './render.ts';

const figs = figures({
  'edu.schools': { value: 58, unit: '所', label: '新改扩建中小学校' },
  'jobs.urban': { value: 476500, unit: '人', scale: '万', label: '城镇累计新增就业' },
  'milk.people': { value: 2.5, unit: '万人', qualifier: '余', label: '“爱心奶”工程覆盖特困群体' },
});

describe('stats block', () => {
  it('prints each figure as number + unit with its label and data-figure', async () => {
    const { html, errors } = await render('::: stats edu.schools jobs.urban milk.people "民生账单"\n', figs);
    expect(errors).toEqual([]);
    // No cols= given: three a row by default, and the fit stage may arrange it otherwise (data-cols-auto).
    expect(html).toContain(
      '<figure class="blk blk-stats cols-3" data-block="stats" data-cols-auto data-source-line="4">',
    );
    const fixed = await render('::: stats edu.schools jobs.urban milk.people cols=3\n', figs);
    expect(fixed.html).toContain(
      '<figure class="blk blk-stats cols-3" data-block="stats" data-source-line="4">',
    );
    const cells = elements(html, 'div', 'stat');
    expect(cells.map((c) => c['data-figure'])).toEqual(['edu.schools', 'jobs.urban', 'milk.people']);
    expect(html).toMatch(/<span class="stat-num">47\.65<\/span><span class="stat-unit">万人<\/span>/);
    expect(html).toMatch(/<span class="stat-num">2\.5<\/span><span class="stat-unit">万余人<\/span>/);
    expect(html.replaceAll('<wbr>', '')).toContain('新改扩建中小学校');
    expect(html).toContain('<figcaption class="blk-title">民生账单</figcaption>');
  });

  it('takes cols=2 and rejects cols=4 and a single figure', async () => {
    expect((await render('::: stats edu.schools jobs.urban milk.people cols=2\n', figs)).html).toContain(
      'cols-2',
    );
    expectBadBlock(
      (await render('text\n\n::: stats edu.schools jobs.urban cols=4\n', figs)).errors,
      6,
      'option cols',
    );
    expectBadBlock((await render('::: stats edu.schools\n', figs)).errors, 4, 'takes 2–6 figure ids, got 1');
  });
});

describe('block labels', () => {
  it('break only between words (a <wbr> at each Intl.Segmenter word boundary, none inside a word)', async () => {
    const { words } = await import('../../../src/render/words.ts');
    const html = words('新改扩建中小学校').toString();
    expect(html.replaceAll('<wbr>', '')).toBe('<span class="words">新改扩建中小学校</span>');
    const parts = html.replace(/<\/?span[^>]*>/g, '').split('<wbr>');
    const { wordUnits } = await import('../../../src/render/words.ts');
    expect(parts).toEqual(wordUnits('新改扩建中小学校'));
    expect(words('<b>').toString()).toBe('<span class="words">&lt;<wbr>b<wbr>&gt;</span>');
  });
});
