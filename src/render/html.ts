// Builds the edition's single HTML document: page CSS from the geometry, theme CSS, templates.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EditionSource } from '../content/load.ts';
import type { PageGeometry } from '../config/presets.ts';
import { FolioError } from '../errors/FolioError.ts';
import type { RenderedArticle } from '../markdown/article.ts';
import type { ComposedPage } from './compose.ts';
import type { Templates } from './templates.ts';
import { cspMeta, PRINT_POLICY } from '../security/csp.ts';
import { BLOCK_DIRS, COMMON_CSS } from '../blocks/registry.ts';
import { documentMeta, pageView, printedPages, type DocumentMeta } from './viewModel.ts';

export interface HtmlInput {
  source: EditionSource;
  articles: RenderedArticle[];
  pages: ComposedPage[];
  geometry: PageGeometry;
  /** Project root holding styles/. */
  root: string;
  templates: Templates;
}

/** `spread`: the spread sheets printed whole, one double-width page each (跨版); otherwise single pages. */
export async function renderHtml(
  input: HtmlInput,
  spread = false,
): Promise<{ html: string; meta: DocumentMeta }> {
  const { source, geometry, root } = input;
  const meta = documentMeta(source, input.articles);
  const css = [
    await readFile(join(root, 'styles', 'base.css'), 'utf8'),
    ...(await blockCss()),
    await themeCss(root, source),
  ].join('\n');
  const html = input.templates.edition({
    meta,
    csp: cspMeta(PRINT_POLICY),
    theme: source.config.theme,
    pageCss: pageCss(geometry, spread ? 2 : 1),
    css,
    pages: printedPages(
      input.pages.map((p) => pageView(source, p, geometry)),
      !spread,
    ),
  });
  return { html, meta };
}

async function blockCss(): Promise<string[]> {
  const dirs = [...BLOCK_DIRS].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, dir]) => join(dir, 'style.css'));
  return Promise.all([COMMON_CSS, ...dirs].map((f) => readFile(f, 'utf8')));
}

async function themeCss(root: string, source: EditionSource): Promise<string> {
  const file = join(root, 'styles', 'themes', `${source.config.theme}.css`);
  return readFile(file, 'utf8').catch(() => {
    throw new FolioError(
      'EditionConfigInvalid',
      { field: 'theme', detail: `no stylesheet styles/themes/${source.config.theme}.css` },
      { file: source.configFile, line: 0, column: 0 },
    );
  });
}

/** @page rules and the variables the stylesheet sizes the page with. Margins live on the sheet, not
 *  on @page, so one sheet can be printed whole (跨版) or cut into its pages. */
export function pageCss(g: PageGeometry, pagesWide: number): string {
  const m = g.marginMm;
  return `@page {
  size: ${g.widthMm * pagesWide}mm ${g.heightMm}mm;
  margin: 0;
  bleed: ${g.bleedMm}mm;
}
:root {
  --page-w: ${g.widthMm}mm;
  --page-h: ${g.heightMm}mm;
  --m-top: ${m.top}mm;
  --m-right: ${m.right}mm;
  --m-bottom: ${m.bottom}mm;
  --m-left: ${m.left}mm;
  --columns: ${g.columns};
  --gutter: ${g.gutterMm}mm;
  --body-pt: ${g.bodyPt}pt;
}`;
}
