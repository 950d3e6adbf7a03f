// How an edition's files are read: Windows line endings like Unix ones; a GB18030 or UTF-16 file, a missing
// edition.yaml or figures file, each one message with the path (and line:col) and what to do.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../../src/check.ts';
import { loadEditionSource } from '../../../src/content/load.ts';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { loadFigures } from '../../../src/figures/load.ts';
import { copyEdition } from '../../helpers/edition.ts';

const crlf = (file: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));

async function failure(p: Promise<unknown>): Promise<FolioError> {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FolioError);
  return err as FolioError;
}

describe('line endings', () => {
  it('an edition saved with CRLF checks like the original, with the same positions', async () => {
    const [plain, windows] = [copyEdition(), copyEdition()];
    for (const f of ['edition.yaml', 'article.md', 'figures.yaml']) crlf(join(windows, f));
    const [a, b] = await Promise.all([checkEdition(plain), checkEdition(windows)]);
    expect(b.source.config).toEqual(a.source.config);
    expect(b.articles[0]!.front).toEqual(a.articles[0]!.front);
    expect(b.articles[0]!.sections.map((s) => [s.key, s.line])).toEqual(
      a.articles[0]!.sections.map((s) => [s.key, s.line]),
    );
    expect([...b.figures.figures.values()].map((f) => f.line)).toEqual(
      [...a.figures.figures.values()].map((f) => f.line),
    );
    expect(b.articles[0]!.sections.some((s) => s.html.includes('\r'))).toBe(false);
  });
});

describe('encodings', () => {
  it('a GB18030 article is "not UTF-8" at its first Chinese character, with the iconv line', async () => {
    const dir = copyEdition();
    const file = join(dir, 'article.md');
    const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', file]);
    writeFileSync(file, gb);
    const e = await failure(loadEditionSource(dir));
    expect(e.code).toBe('NotUtf8');
    expect(e.position).toEqual({ file, line: 2, column: 8 }); // title: 这五年…
    expect(e.hint).toContain(`iconv -f GB18030 -t UTF-8 "${file}"`);
  });

  it('a UTF-16 figures file is named as such', async () => {
    const dir = copyEdition();
    const file = join(dir, 'figures.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]));
    const e = await failure(loadFigures(dir));
    expect(e.code).toBe('NotUtf8');
    expect(e.message).toContain('UTF-16');
    expect(e.position?.file).toBe(file);
  });
});

describe('missing files', () => {
  it('no edition.yaml: the path and how to start one', async () => {
    const dir = copyEdition();
    rmSync(join(dir, 'edition.yaml'));
    const e = await failure(loadEditionSource(dir));
    expect(e.code).toBe('EditionConfigMissing');
    expect(e.format('/elsewhere')).toBe(
      `${join(dir, 'edition.yaml')}: the edition folder has no edition.yaml — ${e.hint}`,
    );
    expect(e.hint).toContain('folio new');
  });

  it('edition.yaml that is a folder says so', async () => {
    const dir = copyEdition();
    rmSync(join(dir, 'edition.yaml'));
    mkdirSync(join(dir, 'edition.yaml'));
    const e = await failure(loadEditionSource(dir));
    expect(e.code).toBe('FileUnreadable');
    expect(e.message).toContain('it is a folder');
  });

  it('no figures file: the folder and what to add', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-nofig-'));
    const e = await failure(loadFigures(dir));
    expect(e.code).toBe('FiguresMissing');
    expect(e.position?.file).toBe(dir);
    expect(e.hint).toContain('figures.yaml');
  });
});
