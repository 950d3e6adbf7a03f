// Finds an edition's one figures file and loads it — YAML, JSON or TypeScript — keeping source positions.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document } from 'yaml';
import { normalizeNewlines, readText, unreadable } from '../content/text.ts';
import { parseYamlDocument } from '../content/yaml.ts';
import { FolioError } from '../errors/FolioError.ts';
import type { Figure } from './schema.ts';
import { figuresFromDocument, type Locate } from './tree.ts';
import { figuresCodeAllowed, importFiguresModule } from './module.ts';

export const FIGURES_FILES = ['figures.yaml', 'figures.yml', 'figures.json', 'figures.ts'] as const;

export interface FigureSet {
  file: string;
  figures: Map<string, Figure>;
}

export async function loadFigures(
  editionDir: string,
  opts: { allowCode?: boolean } = {},
): Promise<FigureSet> {
  const file = await findFiguresFile(editionDir);
  const figures = file.endsWith('.ts')
    ? await loadFiguresModule(file, opts)
    : parseFigures(
        await readText(file).catch((e: unknown) => {
          throw unreadable(e, file);
        }),
        file,
      );
  return { file, figures };
}

export async function findFiguresFile(editionDir: string): Promise<string> {
  let names: string[];
  try {
    names = await readdir(editionDir);
  } catch (cause) {
    throw new FolioError('EditionNotFound', { dir: editionDir }, undefined, { cause });
  }
  const found = FIGURES_FILES.filter((n) => names.includes(n));
  if (found.length > 1)
    throw new FolioError('FiguresAmbiguous', { files: found.map((n) => join(editionDir, n)) });
  if (!found[0])
    throw new FolioError('FiguresMissing', { dir: editionDir }, { file: editionDir, line: 0, column: 0 });
  return join(editionDir, found[0]);
}

/** figures.yaml / .yml / .json text → figures; `file` names the format and the file in errors. */
export function parseFigures(raw: string, file: string): Map<string, Figure> {
  const text = normalizeNewlines(raw);
  const json = file.endsWith('.json');
  // JSON is parsed as YAML too (same positions, same walk); uniqueKeys is off so that the walk can
  // report a duplicate id with both of its lines.
  const { doc, at } = parseYamlDocument(text, file, {
    uniqueKeys: false,
    schema: json ? 'json' : 'core',
    checkSyntax: !json,
  });
  if (json) checkJson(text, (offset) => at(offset ?? doc.errors[0]?.pos[0] ?? text.length));
  const locate: Locate = (node) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? at(range[0]) : { line: 0, column: 0 };
  };
  return figuresFromDocument(doc, file, locate);
}

/** YAML accepts what JSON does not (trailing commas, bare keys), so JSON.parse decides what is valid. */
function checkJson(text: string, at: (offset: number | undefined) => ReturnType<Locate> & { file: string }) {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const position = /at position (\d+)/.exec(message)?.[1];
    const offset =
      position === undefined ? undefined : Number(position) + (text.startsWith('\uFEFF') ? 1 : 0);
    // V8 quotes the whole input in some messages ("…", "{…}" is not valid JSON); keep the first part.
    const detail = message
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '');
    throw new FolioError('JsonSyntax', { detail }, at(offset), {
      cause,
    });
  }
}

/**
 * figures.ts: `export default defineFigures({ … })`. It is code, so it runs in a child process with a
 * deadline (figures/module.ts), fresh each time so watch mode sees edits, and not at all when refused.
 */
export async function loadFiguresModule(
  file: string,
  opts: { allowCode?: boolean } = {},
): Promise<Map<string, Figure>> {
  if (!(opts.allowCode ?? figuresCodeAllowed()))
    throw new FolioError('FiguresCodeDisabled', {}, { file, line: 0, column: 0 });
  const answer = await importFiguresModule(file);
  if (!answer.ok) throw moduleError(file, answer.message, undefined);
  const tree = answer.tree;
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    const detail = 'the default export is not an object; write `export default defineFigures({ … })`';
    throw new FolioError('FiguresModule', { detail }, { file, line: 0, column: 0 });
  }
  return figuresFromDocument(new Document(tree), file, locateInSource(await readFile(file, 'utf8')));
}

/** tsx (esbuild) reports a syntax error as `file:line:col: ERROR: what`, col in UTF-8 bytes from 0. */
function moduleError(file: string, message: string, cause: unknown): FolioError {
  const m = /:(\d+):(\d+): ERROR: (.+)/.exec(message);
  if (!m)
    return new FolioError(
      'FiguresModule',
      { detail: message.split('\n')[0] ?? '' },
      { file, line: 0, column: 0 },
      { cause },
    );
  const line = Number(m[1]);
  let column = Number(m[2]) + 1;
  try {
    const text = readFileSync(file, 'utf8').split('\n')[line - 1] ?? '';
    column = Buffer.from(text).subarray(0, Number(m[2])).toString().length + 1;
  } catch {
    // keep esbuild's column: a slightly wrong column beats no position
  }
  return new FolioError('FiguresModule', { detail: m[3] ?? '' }, { file, line, column }, { cause });
}

/** An imported module has no positions: find each key of the path in turn in the source text. */
function locateInSource(text: string): Locate {
  return (_node, path) => {
    let from = 0;
    let found = -1;
    for (const key of path) {
      const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(`(?<=^|[\\s{,])(['"\`]?)${escaped}\\1\\s*:`, 'gm');
      re.lastIndex = from;
      const m = re.exec(text);
      if (!m) break; // the deepest key found is the best guess
      found = m.index;
      from = m.index + m[0].length;
    }
    if (found < 0) return { line: 0, column: 0 };
    const before = text.slice(0, found);
    return { line: before.split('\n').length, column: found - before.lastIndexOf('\n') };
  };
}
