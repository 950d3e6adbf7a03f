// Walks a parsed figures document (from YAML, JSON or figures.ts) into figures keyed by dot-path id.
import { basename } from 'node:path';
import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { guardAliases, MAX_ALIASES } from '../content/yaml.ts';
import { FolioError, throwIfAny } from '../errors/FolioError.ts';
import type { SourcePosition } from '../errors/catalogue.ts';
import { figureSchema, ID_SEGMENT, type Figure } from './schema.ts';
import { suggestIds } from './suggest.ts';

/** Line and column of a node: from its source range when parsed, else best effort from its key path. */
export type Locate = (node: unknown, path: readonly string[]) => { line: number; column: number };

const FIELDS = Object.keys(figureSchema.shape);

/**
 * A mapping with a `value` key is a figure; any other mapping is a group. Every problem in the file
 * is collected, so one run reports them all (one as FolioError, several as FolioErrors).
 */
export function figuresFromDocument(doc: Document, file: string, locate: Locate): Map<string, Figure> {
  const figures = new Map<string, Figure>();
  const errors: FolioError[] = [];
  const at = (node: unknown, path: readonly string[]): SourcePosition => ({ file, ...locate(node, path) });
  const invalid = (id: string, field: string, detail: string, where: SourcePosition) =>
    errors.push(new FolioError('FigureInvalid', { id, field, detail }, where));

  const group = (map: YAMLMap, path: string[]): void => {
    const seen = new Map<string, unknown>();
    for (const { key: keyNode, value } of map.items) {
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const keyPath = [...path, key];
      const id = keyPath.join('.');
      const where = at(keyNode, keyPath);
      const first = seen.get(key);
      if (first !== undefined) {
        const firstAt = `${basename(file)}:${at(first, keyPath).line}`;
        errors.push(new FolioError('FigureDuplicate', { id, first: firstAt }, where));
        continue;
      }
      seen.set(key, keyNode);
      if (!ID_SEGMENT.test(key)) errors.push(new FolioError('FigureIdInvalid', { id, segment: key }, where));
      else if (isMap(value) && value.has('value')) figure(value, keyPath, where);
      else if (isMap(value)) group(value, keyPath);
      else {
        const detail = `expected a figure (value, unit, label …) or a group of figures, not ${describe(value)}`;
        invalid(id, '', detail, isScalar(value) || isSeq(value) ? at(value, keyPath) : where);
      }
    }
  };

  const figure = (map: YAMLMap, path: string[], where: SourcePosition): void => {
    const id = path.join('.');
    const data = guardAliases(() => map.toJS(doc, { maxAliasCount: MAX_ALIASES }), where);
    const result = figureSchema.safeParse(data);
    if (result.success) {
      figures.set(id, { ...result.data, id, line: where.line, file });
      return;
    }
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) {
          const keyNode = map.items.find((p) => isScalar(p.key) && p.key.value === k)?.key;
          invalid(id, k, 'is not a figure field' + didYouMean(k, FIELDS), at(keyNode, [...path, k]));
        }
        continue;
      }
      const field = issue.path.map(String);
      const node = field.length ? map.getIn(issue.path, true) : undefined;
      if (node === undefined) invalid(id, field.join('.'), 'is required', where);
      else invalid(id, field.join('.'), detailOf(issue, node), at(node, [...path, ...field]));
    }
  };

  const root = doc.contents;
  if (isMap(root)) group(root, []);
  else if (root !== null && !(isScalar(root) && root.value === null)) {
    invalid('(top level)', '', 'the file must map group names to groups and figures', at(root, []));
  }
  errors.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0));
  throwIfAny(errors);
  return figures;
}

function detailOf(issue: z.core.$ZodIssue, node: unknown): string {
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}, not ${describe(node)}`;
  if (issue.code === 'invalid_value') {
    const given = isScalar(node) ? String(node.value) : '';
    const options = issue.values.map(String);
    return `must be one of ${options.join(', ')}${didYouMean(given, options)}, not ${describe(node)}`;
  }
  return issue.message;
}

function didYouMean(given: string, options: readonly string[]): string {
  const [best] = suggestIds(given, options, 1);
  return best ? ` (did you mean "${best}"?)` : '';
}

function article(expected: string): string {
  return expected === 'array' ? 'a list' : `a ${expected}`;
}

function describe(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  const v = isScalar(node) ? node.value : node;
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return `the text ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
}
