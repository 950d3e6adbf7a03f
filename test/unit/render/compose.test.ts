// Page grids: every module placed once, rows as wide as the page, a spread's spine handled.
import { describe, expect, it } from 'vitest';
import { composePages } from '../../../src/render/compose.ts';
import { editionSchema } from '../../../src/content/schema.ts';
import type { EditionSource } from '../../../src/content/load.ts';
import type { RenderedArticle } from '../../../src/markdown/article.ts';
import { FolioError } from '../../../src/errors/FolioError.ts';

const section = (n: string) => ({
  key: `s${n}`,
  number: n,
  title: n,
  graphicsHtml: '',
  html: '<p>x</p>',
  line: 1,
  textLength: 1,
});
const article = {
  slug: 'a',
  file: 'a.md',
  front: { title: 'T', role: 'main' },
  sections: [section('01'), section('02')],
} as unknown as RenderedArticle;

function source(config: Record<string, unknown>): EditionSource {
  const c = editionSchema.parse({ newspaper: 'N', date: '2021-01-01', pages: [4], section: 'S', ...config });
  return { dir: '/e', name: 'e', config: c, configFile: '/e/edition.yaml', articles: [] };
}

const grid = (...rows: string[]) => [rows.join('\n')];

describe('composePages', () => {
  it('places each module with its column span and rows', () => {
    const [page] = composePages(
      source({ page: { columns: 4 }, grid: grid('head head head head', 's01 s01 s02 s02') }),
      [article],
      4,
    );
    expect(page!.modules.map((m) => [m.key, m.span, m.rows])).toEqual([
      ['head', 4, [0, 1]],
      ['s01', 2, [1, 2]],
      ['s02', 2, [1, 2]],
    ]);
  });

  it.each([
    [grid('head head head head', 's01 s01 s01 s01'), /not placed on any page: s02/],
    [grid('head head head head', 's01 s01 s02 s03'), /names "s03", which is not a module/],
    [grid('head head head head', 's01 s01 s02'), /row 2 of sheet 1 needs 4 names/],
  ])('rejects a bad grid with a message naming the problem (%#)', (g, message) => {
    const run = () => composePages(source({ grid: g }), [article], 4);
    expect(run).toThrow(FolioError);
    expect(run).toThrow(message);
  });

  it('gives a spread one sheet of both pages, with a spine the headline crosses', () => {
    const s = source({
      pages: [6, 7],
      layout: 'spread',
      grid: grid('head head head head', 's01 s01 s02 s02'),
    });
    const pages = composePages(s, [article], 2);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.numbers).toEqual([6, 7]);
    expect(pages[0]!.areas).toEqual(['head head head head head', 's01 s01 . s02 s02']);
  });
});
