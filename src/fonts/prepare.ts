// Prepares the CJK fonts for a build: TrueType copies of Noto CJK SC, cached, exposed via fontconfig.
import { availableParallelism } from 'node:os';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FolioError } from '../errors/FolioError.ts';
import {
  entryKey,
  findEntry,
  fingerprint,
  META_FILE,
  newestEntry,
  pruneCache,
  type EntryMeta,
} from './cache.ts';
import { fontCharSet } from './charset.ts';
import { FACES, FAMILIES, type Face } from './faces.ts';
import { convertFace } from './python.ts';

export { FAMILIES } from './faces.ts';

export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.cache/fonts', import.meta.url));

export interface PrepareFontsOptions {
  /** Every character the document sets (content and template text); duplicates are fine. */
  chars: string;
  cacheDir?: string;
  signal?: AbortSignal;
}

export interface PreparedFonts {
  /** Pass as FONTCONFIG_FILE to Chromium. */
  fontconfigFile: string;
  fontDir: string;
  families: { serif: string; sans: string };
  /** false when every font came from the cache. */
  converted: boolean;
}

/** The cache key prepareFonts would use for `chars` (exposed for tests and diagnostics). */
export async function fontCacheKey(chars: string): Promise<string> {
  return entryKey(await fingerprint(FACES), fontCharSet(chars));
}

export async function prepareFonts(opts: PrepareFontsOptions): Promise<PreparedFonts> {
  const cacheDir = path.resolve(opts.cacheDir ?? DEFAULT_CACHE_DIR);
  if (opts.signal?.aborted) throw new FolioError('Aborted', {});
  const charSet = fontCharSet(opts.chars);
  const print = await fingerprint(FACES);
  const key = entryKey(print, charSet);

  const hit = await findEntry(cacheDir, key, print, charSet);
  if (hit) return prepared(hit, false);

  const dir = await convertEntry(
    cacheDir,
    key,
    { version: 1, fingerprint: print, chars: charSet },
    opts.signal,
  );
  // Best effort: a cache that cannot be tidied must not fail the build.
  await pruneCache(cacheDir, dir).catch(() => undefined);
  return prepared(dir, true);
}

function prepared(dir: string, converted: boolean): PreparedFonts {
  return {
    fontconfigFile: path.join(dir, 'fonts.conf'),
    fontDir: path.join(dir, 'fonts'),
    families: { ...FAMILIES },
    converted,
  };
}

/**
 * Converts all faces into a private `<key>.partial-*` directory and renames it into place, so an
 * entry with meta.json is always complete and concurrent builds never see half-written fonts.
 */
async function convertEntry(
  cacheDir: string,
  key: string,
  meta: Omit<EntryMeta, 'created'>,
  signal: AbortSignal | undefined,
): Promise<string> {
  const final = path.join(cacheDir, key);
  await mkdir(cacheDir, { recursive: true });
  const partial = await mkdtemp(path.join(cacheDir, `${key}.partial-`));
  try {
    await mkdir(path.join(partial, 'fonts'));
    const charsFile = path.join(partial, 'chars.txt');
    await writeFile(charsFile, meta.chars);
    await runAll(
      FACES.map(
        (face: Face) => (s: AbortSignal) =>
          convertFace(face, charsFile, path.join(partial, 'fonts', face.file), s),
      ),
      signal,
    );
    await writeFile(path.join(partial, 'fonts.conf'), fontconfigXml(final));
    await writeFile(
      path.join(partial, META_FILE),
      JSON.stringify({ ...meta, created: new Date().toISOString() }),
    );
    try {
      await rename(partial, final);
    } catch (e) {
      // Another build finished the same entry first (the rename target is not empty): use theirs.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
    }
    return final;
  } catch (e) {
    if (e instanceof FolioError) throw e;
    throw new FolioError('FontPrepareFailed', { detail: (e as Error).message }, undefined, { cause: e });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

/**
 * Runs the tasks two at a time (conversion is CPU-bound and the machine has 2 cores). The first
 * failure kills the other conversions and is the error reported; an outer abort reports Aborted.
 */
async function runAll(tasks: ((signal: AbortSignal) => Promise<void>)[], outer?: AbortSignal): Promise<void> {
  const inner = new AbortController();
  const abort = (): void => inner.abort();
  outer?.addEventListener('abort', abort, { once: true });
  let firstError: unknown;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length && !inner.signal.aborted) {
      const task = tasks[next++]!;
      try {
        await task(inner.signal);
      } catch (e) {
        firstError ??= e;
        inner.abort();
      }
    }
  };
  try {
    const width = Math.max(1, Math.min(2, availableParallelism()));
    await Promise.all(Array.from({ length: width }, worker));
  } finally {
    outer?.removeEventListener('abort', abort);
  }
  if (outer?.aborted) throw new FolioError('Aborted', {});
  if (firstError !== undefined) throw firstError;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** System configuration plus the entry's fonts; the entry's own fontconfig cache goes first so
 * fontconfig writes there rather than into the system cache. */
function fontconfigXml(entryDir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Written by Folio (src/fonts/prepare.ts): the system fonts plus Folio's TrueType CJK faces. -->
<fontconfig>
  <cachedir>${xml(path.join(entryDir, 'fc-cache'))}</cachedir>
  <include ignore_missing="no">/etc/fonts/fonts.conf</include>
  <dir>${xml(path.join(entryDir, 'fonts'))}</dir>
</fontconfig>
`;
}

/** The fonts of the newest cache entry: what the last build used, for starting Chromium early. */
export async function newestFonts(cacheDir = DEFAULT_CACHE_DIR): Promise<PreparedFonts | undefined> {
  const dir = await newestEntry(path.resolve(cacheDir));
  return dir ? prepared(dir, false) : undefined;
}
