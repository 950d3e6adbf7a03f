// Synthetic editions for the composer's tests: sections of a given length and bands of given blocks.
import { editionSchema } from '../../../src/content/schema.ts';
import type { EditionSource } from '../../../src/content/load.ts';
import type { RenderedArticle, Section } from '../../../src/markdown/article.ts';

/** A paragraph of `n` characters. */
export const para = (n: number) => `<p>${'字'.repeat(n)}</p>`;

export function section(number: string, chars: number[], blocks: string[] = []): Section {
  return {
    key: `s${number}`,
    number,
    title: `第${number}节 标题`,
    graphicsHtml: blocks.map((b) => `<figure class="blk blk-${b}" data-block="x"></figure>`).join(''),
    html: chars.map(para).join(''),
    line: 1,
    textLength: chars.reduce((a, b) => a + b, 0),
  };
}

export function article(sections: Section[], front: Record<string, unknown> = {}): RenderedArticle {
  return {
    slug: 'main',
    file: 'main.md',
    front: { title: '这五年的变化', role: 'main', credits: [], authors: [], keywords: [], ...front },
    sections,
  } as unknown as RenderedArticle;
}

export function source(config: Record<string, unknown>): EditionSource {
  const c = editionSchema.parse({ newspaper: 'N', date: '2021-01-01', pages: [4], section: 'S', ...config });
  return { dir: '/e', name: 'e', config: c, configFile: '/e/edition.yaml', articles: [] };
}
