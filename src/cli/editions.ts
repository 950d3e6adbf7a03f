// Expands CLI folder arguments: a folder of editions (content/) stands for every edition in it.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export async function expandEditionDirs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const isEdition = await exists(join(arg, 'edition.yaml'));
    if (isEdition || !(await isFolder(arg))) {
      out.push(arg); // a missing folder, or a file, is reported by the loader with its own message
      continue;
    }
    const subs = (await readdir(arg, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => join(arg, d.name));
    const editions: string[] = [];
    for (const s of subs.sort()) if (await exists(join(s, 'edition.yaml'))) editions.push(s);
    out.push(...(editions.length ? editions : [arg]));
  }
  return out;
}

async function isFolder(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}
