// YAML parsing that keeps source positions, so every content error can name file:line:col.
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { FolioError } from '../errors/FolioError.ts';
import type { SourcePosition } from '../errors/catalogue.ts';

export interface PositionedYaml {
  doc: Document;
  value: unknown;
  /** Position of the node at a path (or the nearest ancestor that exists). */
  positionOf(path: readonly PropertyKey[]): SourcePosition;
}

/** Parses YAML text that starts at `lineOffset` lines into `file` (front matter starts after ---). */
export function parseYaml(text: string, file: string, lineOffset = 0): PositionedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + lineOffset, column: col };
  };
  const first = doc.errors[0];
  if (first) {
    throw new FolioError(
      'YamlSyntax',
      { detail: first.message.split('\n')[0] ?? first.code },
      at(first.pos[0]),
    );
  }
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
  return { doc, value: doc.toJS(), positionOf };
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
