// markdown-it stops reading a container nested past maxNesting and drops the rest of the article without a
// word; this rule finds where that happened and reports it, so no text is lost silently.
import type { MarkdownIt, StateCore } from 'markdown-it';
import { FolioError } from '../errors/FolioError.ts';
import { envOf } from './env.ts';

/** Tokens whose content markdown-it reads with a nested block parse (a paragraph's is inline, never cut). */
const CONTAINERS = new Set(['blockquote_open', 'bullet_list_open', 'ordered_list_open', 'list_item_open']);

export function nestingLimitPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'folio_nesting_limit', (state: StateCore) => {
    const limit = md.options.maxNesting ?? 20;
    const deepest = state.tokens.find((t) => CONTAINERS.has(t.type) && t.level + 1 >= limit);
    if (!deepest?.map) return;
    const env = envOf(state.env);
    const line = deepest.map[0];
    const text = state.src.split('\n')[line] ?? '';
    const column = text.length - text.trimStart().length + 1;
    const where = { file: env.file, line: env.lineOffset + line + 1, column };
    env.errors.push(new FolioError('MarkdownTooDeep', { limit }, where));
  });
}
