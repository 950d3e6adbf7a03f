// markdown-it block rule for infographic blocks: `::: name id1 id2 key=value "caption"` on one line.
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { z } from 'zod';
import { FolioError } from '../errors/FolioError.ts';
import { suggestIds } from '../figures/suggest.ts';
import type { Figure } from '../figures/schema.ts';
import { envOf } from '../markdown/env.ts';
import { BUILTIN_BLOCKS, type BlockSet } from './discover.ts';

const LINE = /^:::[ \t]*([a-z][a-z-]*)(.*)$/;
const ARG = /([A-Za-z][\w-]*)=(?:"([^"]*)"|(\S+))|"([^"]*)"|(\S+)/g;

export interface ParsedDirective {
  name: string;
  ids: string[];
  options: Record<string, string>;
  text: string;
}

export function parseDirective(line: string): ParsedDirective | undefined {
  const m = LINE.exec(line.trim());
  if (!m) return undefined;
  const out: ParsedDirective = { name: m[1]!, ids: [], options: {}, text: '' };
  for (const a of (m[2] ?? '').matchAll(ARG)) {
    if (a[1]) out.options[a[1]] = a[2] ?? a[3] ?? '';
    else if (a[4] !== undefined) out.text = a[4];
    else if (a[5]) out.ids.push(a[5]);
  }
  return out;
}

/** `md.use(blocksPlugin, blocks)`: the blocks this parser knows (Folio's, the edition's, packages'). */
export function blocksPlugin(md: MarkdownIt, blocks: BlockSet = BUILTIN_BLOCKS): void {
  const rule = (state: StateBlock, startLine: number, end: number, silent: boolean) =>
    directive(blocks, state, startLine, end, silent);
  md.block.ruler.before('paragraph', 'folio_block', rule, { alt: ['paragraph'] });
  md.renderer.rules['folio_block'] = (tokens, idx, _o, rawEnv) => {
    const env = envOf(rawEnv);
    const t = tokens[idx]!;
    const { name, figures, view, text, line } = t.meta as {
      name: string;
      figures: Figure[];
      view: Record<string, unknown>;
      text: string;
      line: number;
    };
    for (const f of figures)
      env.uses.push({
        id: f.id,
        variant: 'full',
        article: env.article,
        module: env.module,
        block: name,
        line,
      });
    const html = env.renderBlock ? env.renderBlock(name, { ...view, text, line, name }) : '';
    return html;
  };
}

function directive(
  blocks: BlockSet,
  state: StateBlock,
  startLine: number,
  _end: number,
  silent: boolean,
): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const lineText = state.src.slice(start, state.eMarks[startLine]);
  if (!lineText.startsWith(':::')) return false;
  if (silent) return true;
  const env = envOf(state.env);
  const line = env.lineOffset + startLine + 1;
  const where = { file: env.file, line, column: state.tShift[startLine]! + 1 };
  const parsed = parseDirective(lineText);
  const token = state.push('folio_block', 'div', 0);
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  const fail = (detail: string) => {
    env.errors.push(new FolioError('BadBlock', { block: parsed?.name ?? lineText, detail }, where));
    token.type = 'text';
    token.content = '';
    return true;
  };
  if (!parsed) return fail('write ::: followed by a block name');
  const def = blocks.get(parsed.name)?.def;
  if (!def) return fail(`unknown block; known blocks: ${[...blocks.keys()].join(', ')}`);
  // A block without figures (photo) reads a stray word as a mistyped option, not as an unknown figure.
  if (def.figures.max === 0 && parsed.ids.length)
    return fail(`takes no figure ids; write options as key=value (got "${parsed.ids[0]}")`);
  const figures: Figure[] = [];
  for (const id of parsed.ids) {
    const f = env.figures.get(id);
    if (f) figures.push(f);
    else
      env.errors.push(
        new FolioError('UnknownFigure', { id, suggestions: suggestIds(id, env.figures.keys()) }, where),
      );
  }
  if (figures.length !== parsed.ids.length) {
    token.type = 'text';
    token.content = '';
    return true;
  }
  if (parsed.ids.length < def.figures.min || parsed.ids.length > def.figures.max) {
    return fail(`takes ${def.figures.min}–${def.figures.max} figure ids, got ${parsed.ids.length}`);
  }
  const options = def.options.safeParse(parsed.options);
  if (!options.success) return fail(optionProblem(def.options, options.error.issues[0]!));
  // The view runs here, not in the renderer, so a problem it reports (a thrown string) becomes a
  // BadBlock error with the directive's line instead of an exception in the middle of rendering.
  let view: Record<string, unknown>;
  try {
    view = def.view({ figures, text: parsed.text }, options.data as never);
  } catch (e) {
    if (typeof e === 'string') return fail(e);
    throw e;
  }
  token.meta = { name: def.name, figures, view, text: parsed.text, line };
  return true;
}

/** One sentence for the first option problem; an unknown key lists the options the block has. */
function optionProblem(schema: z.ZodType, issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const known = schema instanceof z.ZodObject ? Object.keys(schema.shape).join(', ') : '';
    return `unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}; options: ${known || 'none'}`;
  }
  return `option ${issue.path.join('.')}: ${issue.message}`;
}
