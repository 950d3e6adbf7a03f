// What the markdown plugins share during one article's parse: the figures, and what they found.
import type { Figure } from '../figures/schema.ts';
import type { FolioError } from '../errors/FolioError.ts';

export type Variant = 'full' | 'value' | 'unit' | 'label';

/** One place a figure is used: in the prose or in a block. */
export interface FigureUse {
  id: string;
  variant: Variant;
  article: string;
  /** Module the use sits in: the section number ("06") or "lead". */
  module: string;
  /** 'text' for prose references, otherwise the block name. */
  block: string;
  line: number;
}

export interface MarkdownEnv {
  file: string;
  article: string;
  /** Lines before the Markdown body in the file; token.map lines are relative to the body. */
  lineOffset: number;
  figures: Map<string, Figure>;
  uses: FigureUse[];
  errors: FolioError[];
  /** Renders a block folder's template.hbs; absent when only checking references. */
  renderBlock?: (name: string, data: Record<string, unknown>) => string;
  /** Set by the section splitter while rendering, so uses know their module. */
  module: string;
}

/** markdown-it types its env as an open record; Folio's plugins all read this shape. */
export function envOf(env: unknown): MarkdownEnv & { blockLine?: number; sourceLines?: string[] } {
  return env as MarkdownEnv & { blockLine?: number; sourceLines?: string[] };
}
