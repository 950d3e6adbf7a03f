// markdown-it inline rule: {{group.id}} or {{group.id | variant}} → the figure's formatted text.
import type { MarkdownIt } from 'markdown-it';
import type { StateInline } from 'markdown-it';
import { FolioError } from '../errors/FolioError.ts';
import { formatFigure } from '../figures/format.ts';
import { suggestIds } from '../figures/suggest.ts';
import { envOf, type Variant } from './env.ts';

const REF = /^\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}/;
const VARIANTS: readonly Variant[] = ['full', 'value', 'unit', 'label'];
const ID = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

export function figureRefPlugin(md: MarkdownIt): void {
  trackBlockLines(md);
  md.inline.ruler.before('emphasis', 'figure_ref', figureRef);
  md.renderer.rules['figure_ref'] = (tokens, idx, _opts, rawEnv) => {
    const env = envOf(rawEnv);
    const t = tokens[idx]!;
    const { id, variant, line } = t.meta as { id: string; variant: Variant; line: number };
    const figure = env.figures.get(id);
    if (!figure) return md.utils.escapeHtml(t.content);
    env.uses.push({ id, variant, article: env.article, module: env.module, block: 'text', line });
    const text = md.utils.escapeHtml(formatFigure(figure, variant));
    return `<span class="fig" data-figure="${id}" data-variant="${variant}" data-source-line="${line}">${text}</span>`;
  };
}

function figureRef(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b || state.src.charCodeAt(state.pos + 1) !== 0x7b) return false;
  const m = REF.exec(state.src.slice(state.pos));
  const env = envOf(state.env);
  const where = inlinePosition(state);
  if (!m) {
    if (!silent)
      env.errors.push(bad(state.src.slice(state.pos, state.pos + 40), 'it is not closed by }}', where));
    return false;
  }
  if (silent) return true;
  const id = m[1] ?? '';
  const variant = (m[2] || 'full') as Variant;
  if (!ID.test(id))
    env.errors.push(bad(m[0], 'an id is dot-separated words like employment.newUrbanJobs', where));
  else if (!VARIANTS.includes(variant)) env.errors.push(bad(m[0], `unknown variant "${variant}"`, where));
  else if (!env.figures.has(id)) {
    const suggestions = suggestIds(id, env.figures.keys());
    env.errors.push(new FolioError('UnknownFigure', { id, suggestions }, where));
  }
  const token = state.push('figure_ref', '', 0);
  token.content = m[0];
  token.meta = { id, variant, line: where.line };
  state.pos += m[0].length;
  return true;
}

function bad(
  text: string,
  detail: string,
  where: { file: string; line: number; column: number },
): FolioError {
  return new FolioError('BadReference', { text, detail }, where);
}

/** file:line:col of the current inline position; inline source keeps the paragraph's line breaks. */
export function inlinePosition(state: StateInline) {
  const env = envOf(state.env);
  const blockLine = findBlockLine(state);
  const before = state.src.slice(0, state.pos);
  const nl = before.lastIndexOf('\n');
  const inBlock = before.split('\n').length - 1;
  const line = env.lineOffset + blockLine + 1 + inBlock;
  return {
    file: env.file,
    line,
    column: markerWidth(env.sourceLines?.[blockLine + inBlock], state, nl) + state.pos - nl,
  };
}

/**
 * Inline source has each line's list marker, `>` and indentation taken off; the file line still has them.
 * The content line ends the source line, so the difference in length is what was taken off.
 */
function markerWidth(source: string | undefined, state: StateInline, nl: number): number {
  if (source === undefined) return 0;
  const end = state.src.indexOf('\n', nl + 1);
  const content = state.src.slice(nl + 1, end < 0 ? undefined : end).trimEnd();
  const raw = source.trimEnd();
  return raw.endsWith(content) ? raw.length - content.length : 0;
}

function findBlockLine(state: StateInline): number {
  return envOf(state.env).blockLine ?? 0;
}

/** Replaces core's inline step with the same loop that also records each block's first line. */
export function trackBlockLines(md: MarkdownIt): void {
  md.core.ruler.at('inline', (state) => {
    const env = envOf(state.env);
    env.sourceLines = state.src.split('\n');
    for (const tok of state.tokens) {
      if (tok.type !== 'inline' || !tok.children) continue;
      env.blockLine = tok.map?.[0] ?? 0;
      state.md.inline.parse(tok.content, state.md, state.env, tok.children);
    }
  });
}
