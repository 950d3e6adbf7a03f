// Loads Handlebars templates and partials from templates/ and registers Folio's few helpers.
import Handlebars from 'handlebars';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { FolioError } from '../errors/FolioError.ts';
import type { RenderedArticle, Section } from '../markdown/article.ts';
import { words } from './words.ts';

export type Template = (data: unknown) => string;

export interface Templates {
  /** The whole edition document (templates/edition.hbs). */
  edition: Template;
  /** One infographic block (src/blocks/<name>/template.hbs). */
  block(name: string, data: Record<string, unknown>): string;
}

/** `blockDirs`: block name → its folder, whose template.hbs becomes the partial of that name.
 *  `themePartials`: a theme's partials/ folder; its *.hbs replace Folio's partials of the same name. */
export async function loadTemplates(
  templatesDir: string,
  blockDirs: ReadonlyMap<string, string>,
  themePartials?: string,
): Promise<Templates> {
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.join(String(sep)) : '',
  );
  hb.registerHelper('words', words);
  hb.registerHelper('lastSection', (a: RenderedArticle, s: Section) => a.sections.at(-1) === s);
  for (const full of [join(templatesDir, 'partials'), ...(themePartials ? [themePartials] : [])]) {
    const names = (await readdir(full).catch(() => [] as string[])).filter((n) => n.endsWith('.hbs'));
    for (const name of names) {
      const file = join(full, name);
      hb.registerPartial(basename(name, '.hbs'), compile(hb, await readFile(file, 'utf8'), file));
    }
  }
  for (const [name, dir] of blockDirs) {
    const file = join(dir, 'template.hbs');
    hb.registerPartial(name, compile(hb, await readFile(file, 'utf8'), file));
  }
  const main = join(templatesDir, 'edition.hbs');
  const edition = compile(hb, await readFile(main, 'utf8'), main);
  const blockCache = new Map<string, Template>();
  return {
    edition,
    block: (name, data) => {
      let t = blockCache.get(name);
      if (!t) {
        t = compile(hb, `{{> ${name}}}`, join(blockDirs.get(name) ?? templatesDir, 'template.hbs'));
        blockCache.set(name, t);
      }
      return t(data);
    },
  };
}

function compile(hb: typeof Handlebars, text: string, file: string): Template {
  const t = hb.compile(text, { strict: false, noEscape: false });
  return (data) => {
    try {
      return t(data);
    } catch (e) {
      const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      throw new FolioError('TemplateError', { detail }, { file, line: 0, column: 0 }, { cause: e });
    }
  };
}
