// figures.ts is code: it runs in a child process with a deadline, and it can be refused.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEdition } from '../../../src/check.ts';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { loadFiguresModule } from '../../../src/figures/load.ts';
import { importFiguresModule } from '../../../src/figures/module.ts';
import { copyEdition, edit, folio } from '../../helpers/edition.ts';
import { startSpy, type Spy } from '../../helpers/spy.ts';

const SCHEMA = resolve('src/figures/schema.ts');
const FIGURES = `import { defineFigures } from '${SCHEMA}';\nexport default defineFigures({ g: { a: { value: 1, unit: '个', label: '一' } } });\n`;

function moduleFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'folio-code-')), 'figures.ts');
  writeFileSync(file, text);
  return file;
}

let spy: Spy;
beforeAll(async () => (spy = await startSpy()));
afterAll(() => spy?.close());

describe('figures.ts in a child process', () => {
  it('stops one that loops at the deadline', async () => {
    const started = Date.now();
    const err = await importFiguresModule(moduleFile(`${FIGURES}while (true) {}\n`), 1500).catch((e) => e);
    expect(err).toBeInstanceOf(FolioError);
    expect((err as FolioError).message).toContain('did not finish within 1.5 s');
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('returns the figures of one that leaves a timer running, at once', async () => {
    const started = Date.now();
    const figures = await loadFiguresModule(moduleFile(`${FIGURES}setInterval(() => {}, 1000);\n`));
    expect([...figures.keys()]).toEqual(['g.a']);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('keeps the line and column of a syntax error', async () => {
    const err = await loadFiguresModule(moduleFile(`${FIGURES}const x = {;\n`)).catch((e) => e);
    expect((err as FolioError).code).toBe('FiguresModule');
    expect((err as FolioError).position).toMatchObject({ line: 3, column: 12 });
  });

  it('refuses a figures function (figures are data)', async () => {
    const err = await loadFiguresModule(moduleFile('export default { g: { a: () => 1 } };\n')).catch(
      (e) => e,
    );
    expect((err as FolioError).message).toContain('not data');
  });
});

describe('refusing figures.ts', () => {
  function codeEdition(): string {
    const dir = copyEdition();
    // Synchronous, so it has happened by the time the module has loaded: a request, and a file.
    const probe =
      `import { execFileSync } from 'node:child_process';\nimport { writeFileSync } from 'node:fs';\n` +
      `writeFileSync('${join(dir, 'ran')}', '');\n` +
      `try { execFileSync('curl', ['-s', '${spy.origin}/ran']); } catch {}\n`;
    rmSync(join(dir, 'figures.yaml'));
    writeFileSync(join(dir, 'figures.ts'), probe + FIGURES);
    return dir;
  }

  it('by option, by edition.yaml and by environment: nothing of it runs', async () => {
    const a = codeEdition();
    const refused = (e: unknown) => (e as FolioError).code;
    await expect(checkEdition(a, { allowFiguresCode: false }).catch(refused)).resolves.toBe(
      'FiguresCodeDisabled',
    );
    edit(join(a, 'edition.yaml'), 'layout: page\n', 'layout: page\nfiguresCode: false\n');
    await expect(checkEdition(a).catch(refused)).resolves.toBe('FiguresCodeDisabled');
    const b = codeEdition();
    const r = folio(['check', '--no-figures-code', b]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/figures\.ts: figures\.ts is code, and running code is switched off/);
    expect(spy.requests).toEqual([]);
    for (const dir of [a, b]) expect(existsSync(join(dir, 'ran'))).toBe(false);
    // The control: allowed, the same file does run — so the absence above means refused.
    const c = codeEdition();
    await checkEdition(c).catch(() => undefined);
    expect(existsSync(join(c, 'ran'))).toBe(true);
  });
});
