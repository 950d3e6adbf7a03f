// Renders Markdown with blocks through the real pipeline pieces (markdown-it, Handlebars) for block tests.
import { join } from 'node:path';
import type { Article } from '../../../src/content/load.ts';
import { figureSchema, type Figure, type FigureInput } from '../../../src/figures/schema.ts';
import { renderArticle } from '../../../src/markdown/article.ts';
import { createMarkdown } from '../../../src/markdown/md.ts';
import { ROOT } from '../../../src/pipeline.ts';
import { loadTemplates } from '../../../src/render/templates.ts';
import { BLOCK_DIRS } from '../../../src/blocks/registry.ts';
import type { FolioError } from '../../../src/errors/FolioError.ts';

const templates = loadTemplates(join(ROOT, 'templates'), BLOCK_DIRS);
const md = createMarkdown();

/** Figures as a figures file would give them: defaults applied by the real schema, ids and positions added. */
export function figures(inputs: Record<string, FigureInput>): Map<string, Figure> {
  return new Map(
    Object.entries(inputs).map(([id, input], i) => [
      id,
      { ...figureSchema.parse(input), id, line: i + 1, file: 'figures.yaml' },
    ]),
  );
}

/** Markdown body lines start after 3 lines of front matter, so a block on body line 1 is on file line 4. */
export const FRONT_LINES = 3;

export async function render(
  body: string,
  figs: Map<string, Figure>,
): Promise<{ html: string; errors: FolioError[] }> {
  const article: Article = {
    file: 'article.md',
    slug: 'article',
    front: { title: '测试', authors: [], credits: [], order: 0, keywords: [] },
    // Under a section heading, as blocks stand in the example editions. The heading's two lines come
    // off the offset, so a block on body line 1 still reports file line 4.
    body: `## 01 测试\n\n${body}`,
    bodyLineOffset: FRONT_LINES - 2,
  };
  const { article: out, errors } = renderArticle(md, article, figs, (await templates).block);
  return { html: out.sections.map((s) => s.graphicsHtml + s.html).join(''), errors };
}

/** Elements whose tag and class match, with their attributes: enough to check SVG geometry. */
export function elements(html: string, tag: string, cls: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))) {
    const attrs = Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    if ((attrs['class'] ?? '').split(/\s+/).includes(cls)) out.push(attrs);
  }
  return out;
}

export function num(attrs: Record<string, string> | undefined, name: string): number {
  const v = Number(attrs?.[name]);
  if (!Number.isFinite(v))
    throw new Error(`attribute ${name} missing or not a number: ${JSON.stringify(attrs)}`);
  return v;
}

/** One BadBlock error, on the given file line, whose message contains `text`. */
export function expectBadBlock(errors: FolioError[], line: number, text: string | RegExp): void {
  const e = errors[0];
  if (errors.length !== 1 || !e)
    throw new Error(`expected one error, got ${errors.map((x) => x.message).join('; ')}`);
  if (e.code !== 'BadBlock') throw new Error(`expected BadBlock, got ${e.code}: ${e.message}`);
  if (e.position?.line !== line) throw new Error(`expected line ${line}, got ${e.position?.line}`);
  const ok = typeof text === 'string' ? e.message.includes(text) : text.test(e.message);
  if (!ok) throw new Error(`message "${e.message}" does not match ${String(text)}`);
}
