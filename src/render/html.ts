// Builds the edition's single HTML document: page CSS from the geometry, theme CSS, templates.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EditionSource } from '../content/load.ts';
import type { PageGeometry } from '../config/presets.ts';
import type { RenderedArticle } from '../markdown/article.ts';
import type { ComposedPage } from './compose.ts';
import type { Templates } from './templates.ts';
import { cspMeta, PRINT_POLICY } from '../security/csp.ts';
import { COMMON_CSS } from '../blocks/registry.ts';
import type { BlockSet } from '../blocks/discover.ts';
import { checkInlinable, type ResolvedTheme } from '../config/theme.ts';
import { documentMeta, pageView, printedPages, type DocumentMeta } from './viewModel.ts';

export interface HtmlInput {
  source: EditionSource;
  articles: RenderedArticle[];
  pages: ComposedPage[];
  geometry: PageGeometry;
  /** Project root holding styles/. */
  root: string;
  templates: Templates;
  blocks: BlockSet;
  /** Only these blocks' style.css is inlined. */
  usedBlocks: string[];
  theme: ResolvedTheme;
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
    ...(await blockCss(input.blocks, input.usedBlocks)),
    input.theme.css,
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

/** The shared block rules, then each used block's style.css in name order (as Folio always inlined them). */
async function blockCss(blocks: BlockSet, used: string[]): Promise<string[]> {
  const files = [...used].sort().map((name) => join(blocks.get(name)!.dir, 'style.css'));
  return Promise.all(
    [COMMON_CSS, ...files].map(async (f) => {
      const css = await readFile(f, 'utf8');
      checkInlinable(css, f);
      return css;
    }),
  );
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
