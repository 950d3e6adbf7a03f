// Stages 1–3 of the pipeline, with no browser: read an edition, load its figures, render its Markdown.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configPosition, loadEditionSource, type EditionSource } from './content/load.ts';
import { loadFigures, type FigureSet } from './figures/load.ts';
import { figuresCodeAllowed } from './figures/module.ts';
import { handTypedFigures, strictNumberErrors, unusedFigures } from './figures/usage.ts';
import { implausibleFigures } from './figures/plausible.ts';
import { createMarkdown } from './markdown/md.ts';
import { duplicateSectionsAcross, renderArticle, type RenderedArticle } from './markdown/article.ts';
import type { FigureUse } from './markdown/env.ts';
import { loadTemplates, type Templates } from './render/templates.ts';
import { discoverBlocks, type BlockSet } from './blocks/discover.ts';
import { resolveTheme, type ResolvedTheme } from './config/theme.ts';
import { throwIfAny, type Warning } from './errors/FolioError.ts';
import { verifyImages } from './images/verify.ts';
import { resolveGeometry } from './config/presets.ts';
import { composePages } from './render/compose.ts';
import { resolveIccProfile } from './security/icc.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Everything known about an edition before a browser is involved. */
export interface CheckedEdition {
  source: EditionSource;
  figures: FigureSet;
  articles: RenderedArticle[];
  uses: FigureUse[];
  warnings: Warning[];
  templates: Templates;
  /** Every block the edition can use: Folio's, its blocks/ folder's, its packages'. */
  blocks: BlockSet;
  /** The blocks its articles use, whose CSS the page carries. */
  usedBlocks: string[];
  theme: ResolvedTheme;
}

/**
 * Stage 1–3: read the edition, load its figures, render its Markdown and blocks. No browser; fast.
 * `figures` replaces the edition's own figures file (`folio diff` renders an earlier version).
 */
export async function checkEdition(
  dir: string,
  opts: {
    figures?: FigureSet;
    /** false refuses a figures.ts (code); default: allowed unless FOLIO_FIGURES_CODE=refuse. */
    allowFiguresCode?: boolean;
  } = {},
): Promise<CheckedEdition> {
  const source = await loadEditionSource(dir);
  const allowCode = source.config.figuresCode && (opts.allowFiguresCode ?? figuresCodeAllowed());
  const figures = opts.figures ?? (await loadFigures(source.dir, { allowCode }));
  const blocks = await discoverBlocks(source.dir, source.config.blocks, (i) =>
    configPosition(source, ['blocks', i]),
  );
  const theme = await resolveTheme(source, ROOT);
  const dirs = new Map([...blocks].map(([name, b]) => [name, b.dir]));
  const templates = await loadTemplates(join(ROOT, 'templates'), dirs, theme.partialsDir);
  const md = createMarkdown(blocks);
  const used = new Set<string>();
  const renderBlock = (name: string, data: Record<string, unknown>) => {
    used.add(name);
    return templates.block(name, data);
  };
  const rendered = source.articles.map((a) => renderArticle(md, a, figures.figures, renderBlock));
  throwIfAny(rendered.flatMap((r) => r.errors));
  throwIfAny(
    duplicateSectionsAcross(
      rendered.map((r, i) => ({ sections: r.article.sections, article: source.articles[i]! })),
    ),
  );
  const columns = resolveGeometry(source.config).columns;
  // A hand-written grid is placed here too, so one naming an unknown module or a short row fails
  // `folio check`; without a grid the composer designs the page at build time.
  if (source.config.grid)
    composePages(
      source,
      rendered.map((r) => r.article),
      columns,
    );
  throwIfAny(
    await verifyImages(
      source.dir,
      rendered.map((r) => r.article),
      columns,
    ),
  );
  await resolveIccProfile(source, ROOT); // what build would refuse, check refuses too
  if (source.config.strictNumbers)
    throwIfAny(strictNumberErrors(source.articles, figures.figures, source.config.literals));
  const uses = rendered.flatMap((r) => r.uses);
  const warnings = [
    ...unusedFigures(figures.figures, uses),
    ...implausibleFigures(figures.figures),
    ...handTypedFigures(source.articles, figures.figures, source.config.literals),
  ];
  const articles = rendered.map((r) => r.article);
  return {
    source,
    figures,
    articles,
    uses,
    warnings,
    templates,
    blocks,
    usedBlocks: [...used].sort(),
    theme,
  };
}
