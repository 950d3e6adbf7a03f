// Real paths, not written ones: a file Folio reads must really lie inside a folder it trusts.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * The real path of `path` when it exists, is a regular file and its real location — every symlink
 * followed — is inside one of `roots` (whose own symlinks are followed too). Otherwise the reason.
 */
export async function realFileInside(
  path: string,
  roots: string[],
): Promise<{ real: string } | { reason: 'missing' | 'outside' | 'not-a-file' }> {
  const real = await realpath(path).catch(() => undefined);
  if (!real) return { reason: 'missing' };
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => resolve(r))));
  if (!realRoots.some((root) => isInside(root, real))) return { reason: 'outside' };
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return { reason: 'not-a-file' };
  return { real };
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
