// Markdown whose structure would lose text: two sections with one number, lists or quotes nested past the
// parser's limit. Each is an error at the line (and column) where it happens, not a page with text missing.
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../src/markdown/md.ts';
import { renderArticle } from '../../../src/markdown/article.ts';
import type { Article } from '../../../src/content/load.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkEdition } from '../../../src/check.ts';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { copyEdition } from '../../helpers/edition.ts';

function render(body: string) {
  const article = { file: '/ed/a.md', slug: 'a', front: {}, body, bodyLineOffset: 10 } as unknown as Article;
  return renderArticle(createMarkdown(), article, new Map());
}

describe('section numbers', () => {
  it('a second ## 07 is an error at its number, naming the first', () => {
    const { errors } = render('## 06 甲\n\n一。\n\n## 07 乙\n\n二。\n\n##  07 丙\n\n三。\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('SectionDuplicate');
    expect(errors[0]!.format('/ed')).toBe(
      'a.md:19:5: section 07 is numbered twice (first at a.md:15); the second would replace the first — renumber one of the two ## headings, or merge the sections',
    );
  });

  it('distinct numbers and unnumbered headings pass', () => {
    const { errors, article } = render(
      '## 06 甲\n\n一。\n\n## 小结\n\n二。\n\n## 小结\n\n三。\n\n## 07 乙\n\n四。\n',
    );
    expect(errors).toEqual([]);
    expect(article.sections.map((s) => s.key)).toEqual(['s06', 'h2', 'h3', 's07']);
  });
});

describe('nesting', () => {
  const nested = (depth: number, marker: (i: number) => string) =>
    Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}${marker(i)}第${i + 1}层`).join('\n');

  it('a list nested 10 deep is an error at the item markdown-it would cut, not lost text', () => {
    const { errors } = render(`## 06 甲\n\n${nested(10, () => '- ')}\n\n## 08 后面\n\n尾。\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('MarkdownTooDeep');
    // Item 10 (line 12 of the body + 10 lines before it) opens the twentieth level; it starts after 18 spaces.
    expect(errors[0]!.position).toEqual({ file: '/ed/a.md', line: 22, column: 19 });
  });

  it('quotes nested past the limit are found too', () => {
    const { errors } = render(`${'>'.repeat(25)} 深\n\n后文。\n`);
    expect(errors.map((e) => e.code)).toEqual(['MarkdownTooDeep']);
    expect(errors[0]!.position?.line).toBe(11);
  });

  it('a list nested 8 deep keeps every word and the sections after it', () => {
    const { errors, article } = render(`## 06 甲\n\n${nested(8, () => '1. ')}\n\n## 08 后面\n\n尾。\n`);
    expect(errors).toEqual([]);
    const html = article.sections.map((s) => s.html).join('');
    for (let i = 1; i <= 8; i++) expect(html).toContain(`第${i}层`);
    expect(article.sections.map((s) => s.key)).toEqual(['s06', 's08']);
  });
});

describe('section numbers across articles', () => {
  it("a second article's ## 07 is an error at its heading, naming the first article's", async () => {
    const dir = copyEdition();
    writeFileSync(join(dir, 'side.md'), '---\ntitle: 侧栏\norder: 2\n---\n\n## 07 又一个七\n\n正文。\n');
    const err = await checkEdition(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FolioError);
    const e = err as FolioError;
    expect(e.code).toBe('SectionDuplicate');
    expect(e.position).toEqual({ file: join(dir, 'side.md'), line: 6, column: 4 });
    expect(e.message).toContain('first at article.md:37');
  });
});
