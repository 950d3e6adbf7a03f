// An edition's own block and theme (test/fixtures/editions/desk-extras, the example in docs/extending.md),
// block packages, and the theme names and stylesheets Folio refuses.
import { cpSync, mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition, layOut } from '../../../src/pipeline.ts';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { edit } from '../../helpers/edition.ts';

const EXAMPLE = 'test/fixtures/editions/desk-extras';

function copy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'folio-ext-')), 'desk-extras');
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

async function failure(dir: string): Promise<FolioError> {
  const e = await checkEdition(dir).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FolioError);
  return e as FolioError;
}

describe('an edition with its own block and theme', () => {
  it('finds blocks/tally and themes/desk, and inlines only the CSS of the blocks it uses', async () => {
    const checked = await checkEdition(EXAMPLE);
    expect(checked.blocks.get('tally')?.origin).toBe('edition');
    expect(checked.blocks.get('callout')?.origin).toBe('folio');
    expect(checked.usedBlocks).toEqual(['callout', 'tally']);
    expect(checked.theme.name).toBe('desk');
    const { html } = await layOut(checked);
    expect(html).toContain('<figure class="blk blk-tally"');
    expect(html.match(/class="tally-card" data-figure="canteen\.(meals|sites)"/g)).toHaveLength(2);
    expect(html).toContain('.tally-card {');
    expect(html).toContain('.theme-desk {');
    expect(html).not.toContain('.blk-timeline'); // a Folio block this edition does not use
    expect(html).not.toContain('.theme-default');
    // The theme's partials/folio-line.hbs replaces Folio's.
    expect(html).toContain('data-theme="desk"');
  });

  it('takes a block from a package named in edition.yaml', async () => {
    const dir = copy();
    const pkg = join(dir, 'node_modules', 'desk-tally');
    mkdirSync(join(dir, 'node_modules'));
    renameSync(join(dir, 'blocks', 'tally'), pkg);
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'desk-tally', type: 'module' }));
    writeFileSync(join(dir, 'edition.yaml'), `blocks: [desk-tally]\n`, { flag: 'a' });
    const checked = await checkEdition(dir);
    expect(checked.blocks.get('tally')?.origin).toBe('desk-tally');
    expect(checked.usedBlocks).toContain('tally');
  });

  it('names the edition.yaml line of a block package that is not installed', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'edition.yaml'), `blocks:\n  - desk-missing\n`, { flag: 'a' });
    const e = await failure(dir);
    expect(e.code).toBe('BlockInvalid');
    expect(e.format()).toMatch(/edition\.yaml:\d+:5: block desk-missing: no such package/);
  });

  it('refuses an edition block that takes a built-in name', async () => {
    const dir = copy();
    edit(join(dir, 'blocks', 'tally', 'index.ts'), "name: 'tally'", "name: 'callout'");
    renameSync(join(dir, 'blocks', 'tally'), join(dir, 'blocks', 'callout'));
    const e = await failure(dir);
    expect(e.code).toBe('BlockInvalid');
    expect(e.format()).toContain('a block named "callout" already comes from folio');
  });
});

describe('theme names and stylesheets', () => {
  it('refuses a theme written as a path, at its line in edition.yaml', async () => {
    const dir = copy();
    const at = edit(join(dir, 'edition.yaml'), 'theme: desk', 'theme: ../../evil');
    const e = await failure(dir);
    expect(e.code).toBe('ThemeInvalid');
    expect(e.format()).toContain(`edition.yaml:${at.line}:${at.column + 7}: theme "../../evil"`);
  });

  it('refuses a theme folder that is a symlink out of themes/', async () => {
    const dir = copy();
    const outside = mkdtempSync(join(tmpdir(), 'folio-evil-'));
    writeFileSync(join(outside, 'theme.css'), 'body { color: red }');
    symlinkSync(outside, join(dir, 'themes', 'evil'));
    edit(join(dir, 'edition.yaml'), 'theme: desk', 'theme: evil');
    const e = await failure(dir);
    expect(e.code).toBe('ThemeInvalid');
    expect(e.format()).toMatch(/leads outside/);
  });

  it('refuses theme CSS that would close the <style> element', async () => {
    const dir = copy();
    const css = join(dir, 'themes', 'desk', 'theme.css');
    writeFileSync(css, '.theme-desk {\n  --accent: red;\n}\n</style><script>alert(1)</script>\n', {
      flag: 'a',
    });
    const e = await failure(dir);
    expect(e.code).toBe('StylesheetUnsafe');
    expect(e.format()).toMatch(/theme\.css:10:1: .* contains "<\/style"/);
  });

  it('still finds Folio’s own themes by name', async () => {
    const dir = copy();
    edit(join(dir, 'edition.yaml'), 'theme: desk', 'theme: civic');
    const checked = await checkEdition(dir);
    expect(checked.theme.cssFile).toMatch(/styles\/themes\/civic\.css$/);
    expect(checked.theme.partialsDir).toBeUndefined();
  });
});
