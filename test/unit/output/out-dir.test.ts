// --out that cannot be written (a file, a folder under a file, a place the user may not write) is one
// OutDirUnusable message before any work, and nothing is left behind; the same when staging finds it later.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { stage } from '../../../src/output/atomic.ts';
import { asOutDirError, ensureWritableOutDir } from '../../../src/output/outDir.ts';
import { build } from '../../../src/pipeline.ts';

async function failure(p: Promise<unknown>): Promise<FolioError> {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FolioError);
  expect((err as FolioError).code).toBe('OutDirUnusable');
  return err as FolioError;
}

function fileInTmp(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'folio-out-'));
  const file = join(dir, 'output');
  writeFileSync(file, 'an earlier file');
  return { dir, file };
}

describe('before any work', () => {
  it('build with --out naming a file stops before the browser, with the path', async () => {
    const { dir, file } = fileInTmp();
    const e = await failure(build(['content/taiyuan-five-years'], { outDir: file }));
    expect(e.message).toBe(`cannot write the output to ${file}: ${file} is a file, not a folder`);
    expect(readFileSync(file, 'utf8')).toBe('an earlier file');
    expect(readdirSync(dir)).toEqual(['output']); // no staging or probe folder left
  });

  it('a folder under a file is refused at the file', async () => {
    const { file } = fileInTmp();
    const e = await failure(ensureWritableOutDir(join(file, 'sub', 'deeper')));
    expect(e.message).toContain(`${file} is a file`);
  });

  it('a folder the user may not write is refused with the reason', async () => {
    const e = await failure(ensureWritableOutDir('/sys/folio-output'));
    expect(e.message).toBe('cannot write the output to /sys/folio-output: you may not write there');
    expect(existsSync('/sys/folio-output')).toBe(false);
  });

  it('a writable folder passes and is not created by the check', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-out-')), 'new', 'out');
    await ensureWritableOutDir(dir);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('while writing', () => {
  it('staging beside a file in the way is the same message, not an internal error', async () => {
    const { file } = fileInTmp();
    await failure(stage(join(file, 'edition')));
  });

  it('each refusal the file system gives has its words; other errors are left alone', () => {
    const errno = (code: string) => Object.assign(new Error(code), { code });
    expect(asOutDirError(errno('EROFS'), '/mnt/ro')?.message).toBe(
      'cannot write the output to /mnt/ro: the file system is read-only',
    );
    expect(asOutDirError(errno('ENOSPC'), '/o')?.message).toContain('the disk is full');
    expect(asOutDirError(errno('EMFILE'), '/o')).toBeUndefined();
  });
});
