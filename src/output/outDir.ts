// --out must be a folder Folio can write: a read-only disk, a folder it may not write or a file in the way is
// one message before any work is done, and the same message if it happens while the output is written.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { FolioError } from '../errors/FolioError.ts';

/** What each file-system refusal means for an output folder; other errors are not about --out. */
const REASONS: Record<string, string> = {
  EROFS: 'the file system is read-only',
  EACCES: 'you may not write there',
  EPERM: 'you may not write there',
  EEXIST: 'a file of that name is in the way',
  ENOTDIR: 'a file of that name is in the way',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

/** Refuses an output folder that cannot be written, writing nothing but a probe folder it removes at once. */
export async function ensureWritableOutDir(outDir: string): Promise<void> {
  const target = resolve(outDir);
  let existing = target;
  for (;;) {
    const info = await stat(existing).catch((e: NodeJS.ErrnoException) => e);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) throw outDirError(outDir, `${existing} is a file, not a folder`);
      break;
    }
    if (existing === dirname(existing)) throw outDirError(outDir, info.message);
    existing = dirname(existing);
  }
  try {
    await rm(await mkdtemp(join(existing, '.folio-probe-')), { recursive: true, force: true });
  } catch (e) {
    throw asOutDirError(e, outDir) ?? e;
  }
}

/** The file-system error `e` as an OutDirUnusable error for `outDir`, or undefined if it is something else. */
export function asOutDirError(e: unknown, outDir: string): FolioError | undefined {
  const reason = REASONS[(e as NodeJS.ErrnoException | undefined)?.code ?? ''];
  return reason === undefined ? undefined : outDirError(outDir, reason, e);
}

function outDirError(outDir: string, detail: string, cause?: unknown): FolioError {
  return new FolioError(
    'OutDirUnusable',
    { path: outDir, detail },
    { file: outDir, line: 0, column: 0 },
    { cause },
  );
}
