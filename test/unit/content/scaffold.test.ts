// `folio new` writes an edition that `folio check` accepts with no warning, whose $schema lines find Folio's
// schemas from where it was written, and it never writes over a folder that has files.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition, ROOT } from '../../../src/check.ts';
import { scaffoldEdition } from '../../../src/content/scaffold.ts';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { folio } from '../../helpers/edition.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'folio-new-')), 'deep', 'my-edition');

describe('folio new', () => {
  it('writes an edition that checks clean, every figure used', async () => {
    const dir = fresh();
    const files = await scaffoldEdition(dir, { root: ROOT, date: '2026-12-02' });
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      'article.md',
      'edition.yaml',
      'figures.yaml',
    ]);
    const checked = await checkEdition(dir);
    expect(checked.warnings).toEqual([]);
    expect(checked.source.config).toMatchObject({ preset: 'broadsheet', date: '2026-12-02' });
    expect(checked.figures.figures.size).toBeGreaterThan(0);
    expect(new Set(checked.uses.map((u) => u.id))).toEqual(new Set(checked.figures.figures.keys()));
  });

  it('points its $schema lines at the schemas from wherever it is', async () => {
    const dir = fresh();
    await scaffoldEdition(dir, { root: ROOT });
    for (const [file, schema] of [
      ['edition.yaml', 'edition.schema.json'],
      ['figures.yaml', 'figures.schema.json'],
    ] as const) {
      const line = readFileSync(join(dir, file), 'utf8').split('\n')[0]!;
      const path = /\$schema=(\S+)/.exec(line)?.[1] ?? '';
      expect(resolve(dirname(join(dir, file)), path)).toBe(join(ROOT, 'schema', schema));
      expect(existsSync(resolve(dir, path))).toBe(true);
    }
  });

  it('the CLI takes --preset tabloid and says what to run next', async () => {
    const dir = fresh();
    const r = folio(['new', dir, '--preset', 'tabloid']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`folio check ${dir}`);
    expect((await checkEdition(dir)).source.config.preset).toBe('tabloid');
  });

  it('refuses a folder that has files, and leaves them as they were', async () => {
    const dir = fresh();
    await scaffoldEdition(dir, { root: ROOT });
    writeFileSync(join(dir, 'article.md'), 'my own text');
    const err = await scaffoldEdition(dir, { root: ROOT }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FolioError);
    expect((err as FolioError).code).toBe('NewEditionNotEmpty');
    expect(readFileSync(join(dir, 'article.md'), 'utf8')).toBe('my own text');
  });
});
