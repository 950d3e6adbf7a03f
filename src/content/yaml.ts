// YAML parsing that keeps source positions, so every content error can name file:line:col.
import {
  isMap,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import type { z } from 'zod';
import { FolioError } from '../errors/FolioError.ts';
import type { SourcePosition } from '../errors/catalogue.ts';

export interface PositionedYaml {
  doc: Document;
  value: unknown;
  /** Position of the node at a path (or the nearest ancestor that exists). */
  positionOf(path: readonly PropertyKey[]): SourcePosition;
}

export interface YamlOptions {
  /** Lines before the text in its file (front matter starts after ---). */
  lineOffset?: number;
  /** Off where the caller reports duplicate keys itself, with both lines. */
  uniqueKeys?: boolean;
  schema?: 'core' | 'json';
  /** Off where the caller decides validity itself (JSON files: JSON.parse does). */
  checkSyntax?: boolean;
}

/** A YAML document and a way to turn its offsets into file:line:col; syntax errors are thrown there. */
export function parseYamlDocument(
  text: string,
  file: string,
  opts: YamlOptions = {},
): { doc: Document; at(offset: number): SourcePosition } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: opts.uniqueKeys ?? true,
    schema: opts.schema ?? 'core',
  });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + (opts.lineOffset ?? 0), column: col };
  };
  const first = doc.errors[0];
  if (first && opts.checkSyntax !== false) {
    const detail = first.message.split('\n')[0] ?? first.code;
    throw new FolioError('YamlSyntax', { detail }, at(syntaxOffset(doc, first)));
  }
  return { doc, at };
}

/** The parser notices an unclosed quote at the end of the text; the writer needs where it opened. */
function syntaxOffset(doc: Document, error: YAMLError): number {
  let offset = error.pos[0];
  if (error.code !== 'MISSING_CHAR' || !error.message.includes('quote')) return offset;
  visit(doc, {
    Scalar(_key, node) {
      const [start, end] = node.range ?? [offset, offset];
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (quoted && start < error.pos[0] && end >= error.pos[0]) offset = start;
    },
  });
  return offset;
}

/** Parses YAML text that starts at `lineOffset` lines into `file`, with positions for validation. */
export function parseYaml(text: string, file: string, lineOffset = 0): PositionedYaml {
  const { doc, at } = parseYamlDocument(text, file, { lineOffset });
  const positionOf = (path: readonly PropertyKey[]): SourcePosition => {
    let node: unknown = doc.contents;
    let best: SourcePosition = { file, line: lineOffset + 1, column: 1 };
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(key),
        );
        if (!pair) break;
        const k = pair.key as Node | null;
        if (k?.range) best = at(k.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
      } else break;
      const n = node as Node | null;
      if (n?.range) best = at(n.range[0]);
    }
    return best;
  };
  return { doc, value: toJsGuarded(doc, file, lineOffset), positionOf };
}

/** yaml refuses a document whose aliases expand without bound (an alias bomb); that is the writer's error. */
export function toJsGuarded(doc: Document, file: string, lineOffset = 0): unknown {
  return guardAliases(() => doc.toJS({ maxAliasCount: MAX_ALIASES }), {
    file,
    line: lineOffset + 1,
    column: 1,
  });
}

export const MAX_ALIASES = 100;

/** Runs a toJS call; yaml's ReferenceError for too many aliases becomes a YamlSyntax error at `where`. */
export function guardAliases<T>(toJS: () => T, where: SourcePosition): T {
  try {
    return toJS();
  } catch (cause) {
    if (!(cause instanceof ReferenceError)) throw cause;
    const detail = 'aliases (*name) expand too far: an alias bomb, or a document to write out in full';
    throw new FolioError('YamlSyntax', { detail }, where, { cause });
  }
}

/** Validates with zod and turns the first issue into a FolioError at the offending line. */
export function validateAt<S extends z.ZodType>(
  schema: S,
  y: PositionedYaml,
  code: 'FrontMatterInvalid' | 'EditionConfigInvalid',
): z.output<S> {
  const r = schema.safeParse(y.value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.') || '(top level)';
  throw new FolioError(code, { field, detail: issue.message }, y.positionOf(issue.path));
}
