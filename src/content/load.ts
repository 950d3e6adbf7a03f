// Finds an edition folder and reads edition.yaml and every article's front matter and body.
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { FolioError } from '../errors/FolioError.ts';
import type { SourcePosition } from '../errors/catalogue.ts';
import { editionSchema, frontMatterSchema, type EditionConfig, type FrontMatter } from './schema.ts';
import { normalizeNewlines, readText, unreadable } from './text.ts';
import { parseYaml, validateAt } from './yaml.ts';

export interface Article {
  file: string;
  slug: string;
  front: FrontMatter;
  body: string;
  /** Lines before the body in the file (front matter and its fences), to map body lines back. */
  bodyLineOffset: number;
  /** The whole file, for positions in the front matter (absent for articles made in memory). */
  raw?: string;
}

export interface EditionSource {
  dir: string;
  name: string;
  config: EditionConfig;
  configFile: string;
  /** Where a path in edition.yaml sits (['grid', 0] → its line and column), for errors found later;
   *  absent for an edition made in memory (see configPosition). */
  configAt?: (path: readonly PropertyKey[]) => SourcePosition;
  articles: Article[];
}

export async function loadEditionSource(dirArg: string): Promise<EditionSource> {
  const dir = resolve(dirArg);
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory())
    throw new FolioError('EditionNotAFolder', { path: dirArg }, { file: dirArg, line: 0, column: 0 });
  if (!info) throw new FolioError('EditionNotFound', { dir: dirArg }, { file: dirArg, line: 0, column: 0 });
  const configFile = join(dir, 'edition.yaml');
  const configText = await readText(configFile).catch((e: unknown) => {
    throw unreadable(
      e,
      configFile,
      () =>
        new FolioError(
          'EditionConfigMissing',
          { file: configFile },
          { file: configFile, line: 0, column: 0 },
        ),
    );
  });
  const yaml = parseYaml(configText, configFile);
  const config = validateAt(editionSchema, yaml, 'EditionConfigInvalid');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  if (names.length === 0)
    throw new FolioError('EditionEmpty', { dir: dirArg }, { file: dir, line: 0, column: 0 });
  const articles = await Promise.all(names.map((n) => readArticle(join(dir, n))));
  for (const a of articles) checkAgainstEdition(a, config);
  articles.sort((a, b) => a.front.order - b.front.order || a.slug.localeCompare(b.slug));
  return { dir, name: basename(dir), config, configFile, configAt: yaml.positionOf, articles };
}

export async function readArticle(file: string): Promise<Article> {
  const text = await readText(file).catch((e: unknown) => {
    throw unreadable(e, file);
  });
  return parseArticle(text, file);
}

const FENCE = /^---[ \t]*$/;

/** Splits `---` front matter from the Markdown body, keeping line numbers for both. */
export function parseArticle(text: string, file: string): Article {
  const lines = normalizeNewlines(text)
    .replace(/^\uFEFF/, '')
    .split('\n');
  if (!FENCE.test(lines[0] ?? ''))
    throw new FolioError('FrontMatterMissing', {}, { file, line: 1, column: 1 });
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (end < 0) {
    throw new FolioError(
      'FrontMatterInvalid',
      { field: '---', detail: 'the front matter is not closed by a --- line' },
      { file, line: 1, column: 1 },
    );
  }
  const yaml = parseYaml(lines.slice(1, end).join('\n'), file, 1);
  const front = validateAt(frontMatterSchema, yaml, 'FrontMatterInvalid');
  const slug = basename(file, '.md');
  return { file, slug, front, body: lines.slice(end + 1).join('\n'), bodyLineOffset: end + 1, raw: text };
}

/** Front matter may repeat the edition's facts; where it does, it must say the same as edition.yaml. */
function checkAgainstEdition(a: Article, config: EditionConfig): void {
  const f = a.front;
  const clash = (field: string, detail: string) => {
    const frontLines = (a.raw ?? '').split('\n').slice(0, a.bodyLineOffset);
    const line = frontLines.findIndex((l) => l.startsWith(`${field}:`)) + 1;
    return new FolioError(
      'FrontMatterInvalid',
      { field, detail },
      { file: a.file, line, column: line ? 1 : 0 },
    );
  };
  for (const field of ['newspaper', 'date', 'section'] as const) {
    if (f[field] !== undefined && f[field] !== config[field]) {
      throw clash(field, `is "${f[field]}" but edition.yaml says "${config[field]}"`);
    }
  }
  if (f.page !== undefined && !config.pages.includes(f.page)) {
    throw clash('page', `is ${f.page} but the edition's pages are ${config.pages.join(', ')}`);
  }
}

/** The edition.yaml position of a config path, or the file alone when the edition was made in memory. */
export function configPosition(source: EditionSource, path: readonly PropertyKey[]): SourcePosition {
  return source.configAt?.(path) ?? { file: source.configFile, line: 0, column: 0 };
}
