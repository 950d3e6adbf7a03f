// Writes a set of output files so that either all of them replace the old ones or none does.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { asOutDirError } from './outDir.ts';

/** A read-only disk or a file in the way is the user's --out, said once, not an internal error. */
function guard<T>(outDir: string, p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    throw asOutDirError(e, outDir) ?? e;
  });
}

/** A staging folder beside the final one; commit() moves every file into place. */
export async function stage(outDir: string): Promise<{
  dir: string;
  path(name: string): string;
  write(name: string, data: Uint8Array | string): Promise<string>;
  commit(): Promise<Record<string, string>>;
  discard(): Promise<void>;
}> {
  await guard(outDir, mkdir(dirname(outDir), { recursive: true }));
  const dir = await guard(outDir, mkdtemp(join(dirname(outDir), `.${basenameOf(outDir)}.staging-`)));
  const files: string[] = [];
  return {
    dir,
    path: (name) => {
      files.push(name);
      return join(dir, name);
    },
    write: async (name, data) => {
      await guard(outDir, mkdir(dirname(join(dir, name)), { recursive: true }));
      await guard(outDir, writeFile(join(dir, name), data));
      files.push(name);
      return join(outDir, name);
    },
    commit: () => guard(outDir, commit()),
    discard: () => rm(dir, { recursive: true, force: true }),
  };

  async function commit(): Promise<Record<string, string>> {
    await mkdir(outDir, { recursive: true });
    const out: Record<string, string> = {};
    for (const name of new Set(files)) {
      await mkdir(dirname(join(outDir, name)), { recursive: true });
      // rename() within one file system is atomic: readers see the old file or the new one.
      await rename(join(dir, name), join(outDir, name));
      out[name] = join(outDir, name);
    }
    await rm(dir, { recursive: true, force: true });
    return out;
  }
}

function basenameOf(p: string): string {
  return p.replace(/\/+$/, '').split('/').pop() || 'out';
}
