// callout still renders through the block framework, and unknown blocks are reported on their line.
import { describe, expect, it } from 'vitest';
import { expectBadBlock, figures, render } from './render.ts';

const figs = figures({ jobs: { value: 476500, unit: '人', scale: '万', label: '城镇累计新增就业' } });

describe('callout block and the directive', () => {
  it('renders a callout with its number, unit and caption', async () => {
    const { html, errors } = await render('::: callout jobs size=xl\n', figs);
    expect(errors).toEqual([]);
    expect(html).toContain('data-figure="jobs"');
    expect(html).toContain('<span class="callout-num">47.65</span><span class="callout-unit">万人</span>');
    expect(html.replaceAll('<wbr>', '')).toContain('城镇累计新增就业');
  });

  it('reports an unknown block and an unknown figure id', async () => {
    expectBadBlock(
      (await render('\n::: chart jobs\n', figs)).errors,
      5,
      'unknown block; known blocks: callout, stats',
    );
    const { errors } = await render('::: callout job\n', figs);
    expect(errors[0]?.code).toBe('UnknownFigure');
  });
});
