// Figure references: printed as the figure says, with file:line:col for a bad one, even mid-paragraph.
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../src/markdown/md.ts';
import { renderArticle } from '../../../src/markdown/article.ts';
import type { Article } from '../../../src/content/load.ts';
import { figures as figuresOf } from '../blocks/render.ts';

const figures = figuresOf({ 'jobs.urban': { value: 47.65, unit: '万人', label: '城镇新增就业' } });

function render(body: string) {
  const article = { file: 'a.md', slug: 'a', front: {}, body, bodyLineOffset: 10 } as unknown as Article;
  return renderArticle(createMarkdown(), article, figures);
}

describe('figure references', () => {
  it('prints each variant, kept on one line', () => {
    const { article, uses } = render(
      '新增就业{{jobs.urban}}，即{{ jobs.urban | value }}{{jobs.urban|unit}}（{{jobs.urban | label}}）。',
    );
    const html = article.sections[0]!.html;
    expect(html).toContain(
      '<span class="fig" data-figure="jobs.urban" data-variant="full" data-source-line="11">47.65万人</span>',
    );
    expect(html).toContain('>47.65</span><span');
    expect(html).toContain('>城镇新增就业</span>');
    expect(uses.map((u) => u.variant)).toEqual(['full', 'value', 'unit', 'label']);
  });

  it('points at an unknown id on the third line of a paragraph, and suggests the nearest', () => {
    const { errors } = render('# T\n\n第一行\n第二行\n第三行有{{jobs.urbn}}。');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.format('/')).toBe(
      'a.md:15:5: unknown figure "jobs.urbn" — did you mean "jobs.urban"? Otherwise add it to the figures file',
    );
  });

  it('rejects an unknown variant and an unclosed reference', () => {
    expect(render('{{jobs.urban | big}}').errors[0]!.message).toMatch(/unknown variant "big"/);
    expect(render('a {{jobs.urban b').errors[0]!.message).toMatch(/not closed/);
  });
});

describe('Chinese line-breaking', () => {
  it('keeps a 破折号 with the character before it in sub-heads and paragraphs', () => {
    const html = render('## 01 节\n\n### 持续强化理论武装——\n\n繁荣发展文化事业——加快推进').article
      .sections[0]!.html;
    expect(html).toContain('<h3>持续强化理论武<span class="nobr">装——</span></h3>');
    expect(html).toContain('繁荣发展文化事<span class="nobr">业——</span>加快推进');
  });
});
