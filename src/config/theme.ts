// A theme name → a real theme folder (or Folio's own stylesheet): its CSS and the partials it overrides.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { configPosition, type EditionSource } from '../content/load.ts';
import { FolioError } from '../errors/FolioError.ts';
import { realFileInside } from '../security/paths.ts';

export interface ResolvedTheme {
  name: string;
  /** The real path of the stylesheet that is inlined. */
  cssFile: string;
  css: string;
  /** A folder of *.hbs partials that replace Folio's of the same name (absent when the theme has none). */
  partialsDir?: string;
}

// A bare name (default, civic, my-theme) or an npm package name (@desk/theme); never a path.
const NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

/**
 * Looks in the edition's themes/<name>/, then Folio's styles/themes/<name>.css, then a package of that name
 * resolved from the edition folder. Only a file whose real path (symlinks followed) lies inside the folder
 * it was found in is used, so `theme: ../../x` or a symlink out of themes/ never reads another file.
 */
export async function resolveTheme(source: EditionSource, root: string): Promise<ResolvedTheme> {
  const name = source.config.theme;
  const at = configPosition(source, ['theme']);
  const fail = (detail: string) => new FolioError('ThemeInvalid', { theme: name, detail }, at);
  if (!NAME.test(name) || name.includes('..'))
    throw fail('a theme is a name (default, civic, a folder in themes/ or a package), not a path');
  const candidates: Array<{ css: string; dir?: string; inside: string }> = [];
  if (!name.startsWith('@')) {
    const own = join(source.dir, 'themes', name);
    candidates.push({ css: join(own, 'theme.css'), dir: own, inside: join(source.dir, 'themes') });
    const folio = join(root, 'styles', 'themes');
    candidates.push({ css: join(folio, `${name}.css`), inside: folio });
  }
  const pkg = packageDir(source.dir, name);
  if (pkg) candidates.push({ css: join(pkg, 'theme.css'), dir: pkg, inside: pkg });
  for (const c of candidates) {
    const found = await realFileInside(c.css, [c.inside]);
    if ('reason' in found) {
      if (found.reason === 'outside') throw fail(`${c.css} leads outside ${c.inside}`);
      continue;
    }
    const css = await readFile(found.real, 'utf8');
    checkInlinable(css, found.real);
    const partialsDir = c.dir ? await partials(c.dir) : undefined;
    return { name, cssFile: found.real, css, ...(partialsDir ? { partialsDir } : {}) };
  }
  throw fail(`no themes/${name}/theme.css in the edition, no styles/themes/${name}.css in Folio, no package`);
}

function packageDir(editionDir: string, name: string): string | undefined {
  try {
    return dirname(createRequire(join(editionDir, 'edition.yaml')).resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

async function partials(dir: string): Promise<string | undefined> {
  const p = join(dir, 'partials');
  const names = await readdir(p).catch(() => [] as string[]);
  return names.some((n) => n.endsWith('.hbs')) ? p : undefined;
}

/** CSS goes inside the document's <style>: a `</style` in it would end the element and let HTML in. */
export function checkInlinable(css: string, file: string): void {
  const m = /<\/style/i.exec(css);
  if (!m) return;
  const before = css.slice(0, m.index);
  const line = before.split('\n').length;
  throw new FolioError(
    'StylesheetUnsafe',
    { file },
    { file, line, column: m.index - before.lastIndexOf('\n') },
  );
}
