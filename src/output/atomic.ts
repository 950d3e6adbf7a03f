// Writes a set of output files so that either all of them replace the old ones or none does.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A staging folder beside the final one; commit() moves every file into place. */
export async function stage(outDir: string): Promise<{
  dir: string;
  path(name: string): string;
  write(name: string, data: Uint8Array | string): Promise<string>;
  commit(): Promise<Record<string, string>>;
  discard(): Promise<void>;
}> {
  await mkdir(dirname(outDir), { recursive: true });
  const dir = await mkdtemp(join(dirname(outDir), `.${basenameOf(outDir)}.staging-`));
  const files: string[] = [];
  return {
    dir,
    path: (name) => {
      files.push(name);
      return join(dir, name);
    },
    write: async (name, data) => {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), data);
      files.push(name);
      return join(outDir, name);
    },
    commit: async () => {
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
    },
    discard: () => rm(dir, { recursive: true, force: true }),
  };
}

function basenameOf(p: string): string {
  return p.replace(/\/+$/, '').split('/').pop() || 'out';
}
