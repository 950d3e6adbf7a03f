// Folio's public API: what `import … from 'folio'` gives another package. Everything else is internal.
import type { z } from 'zod';
import { checkEdition, type CheckedEdition } from './check.ts';
import type { editionSchema } from './content/schema.ts';

export { build, layOut, type BuildOptions, type LaidOutEdition } from './pipeline.ts';
export type { BuildResult } from './output/report.ts';
export { checkEdition, type CheckedEdition } from './check.ts';
export { preflight } from './preflight/index.ts';
export type { PreflightExpect, PreflightProfile, PreflightReport } from './preflight/index.ts';
export { openSession, type EngineSession, type SessionOptions } from './engine/session.ts';
export { WatchSession, type WatchOptions, type ChangeResult } from './watch/session.ts';
export { diffEdition, type DiffOptions, type DiffSummary } from './diff/index.ts';
export { startPreview, type PreviewOptions, type PreviewServer } from './preview/server.ts';
export { defineFigures, type Figure, type FigureInput, type FigureTree } from './figures/schema.ts';
export { defineBlock, type BlockContext, type BlockDef } from './blocks/block.ts';
export type { BlockSet, LoadedBlock } from './blocks/discover.ts';
export type { ResolvedTheme } from './config/theme.ts';
export type { EditionConfig } from './content/schema.ts';
export { FolioError, FolioErrors, type Warning } from './errors/FolioError.ts';
export type { ErrorCode, SourcePosition } from './errors/catalogue.ts';

/** What edition.yaml may say, as written (defaults not yet applied): the type for `defineEdition`. */
export type EditionInput = z.input<typeof editionSchema>;

/**
 * Checks an edition without a browser — reads edition.yaml and the articles, loads the figures, renders the
 * Markdown and its blocks, resolves the theme — and throws a FolioError (or FolioErrors) with file:line:col
 * for the first problems found. The same check `folio check` runs.
 * @param dir the edition folder (holding edition.yaml, *.md and a figures file)
 */
export function check(dir: string): Promise<CheckedEdition> {
  return checkEdition(dir);
}

/**
 * Typed helper for an edition's configuration written in code (the same fields as edition.yaml), like
 * `defineFigures` for figures.ts: `export default defineEdition({ newspaper: '太原日报', … })`.
 */
export function defineEdition(config: EditionInput): EditionInput {
  return config;
}
