// The font cache: one directory per converted set of faces, found by its key or by a covering char set.
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../errors/FolioError.ts';
import { covers } from './charset.ts';
import type { Face } from './faces.ts';
import { CONVERT_SCRIPT } from './python.ts';

/** Written last into an entry: its presence means the entry is complete. */
export const META_FILE = 'meta.json';

/** Entries beyond the newest few are deleted: each holds ~2 MB of fonts per 1,000 characters. */
const KEEP_ENTRIES = 4;

/** A conversion left half-done (killed process, power cut) is removed after this long. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

const ENTRY_NAME = /^[0-9a-f]{16}$/;

export interface EntryMeta {
  version: 1;
  fingerprint: string;
  /** The character set the fonts cover (from fontCharSet). */
  chars: string;
  created: string;
}

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Everything the converted fonts depend on except the characters: each source font's path, size and
 * mtime (a font package upgrade invalidates), the face settings, and convert.py's content.
 */
export async function fingerprint(faces: readonly Face[]): Promise<string> {
  const sources = await Promise.all(
    faces.map(async (f) => {
      const s = await stat(f.source).catch(() => undefined);
      if (!s?.isFile()) throw new FolioError('FontPrepareFailed', { detail: `font not found: ${f.source}` });
      return { ...f, size: s.size, mtimeMs: s.mtimeMs };
    }),
  );
  const script = await readFile(CONVERT_SCRIPT);
  return sha256(JSON.stringify({ v: 1, sources, script: sha256(script) }));
}

export function entryKey(fingerprintHash: string, charSet: string): string {
  return sha256(`${fingerprintHash}\n${charSet}`).slice(0, 16);
}

async function readMeta(dir: string): Promise<EntryMeta | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, META_FILE), 'utf8')) as EntryMeta;
  } catch {
    return undefined; // missing or half-written: not a usable entry
  }
}

async function listEntries(cacheDir: string): Promise<{ dir: string; mtimeMs: number }[]> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  const entries = await Promise.all(
    names
      .filter((n) => ENTRY_NAME.test(n))
      .map(async (n) => {
        const dir = path.join(cacheDir, n);
        const s = await stat(path.join(dir, META_FILE)).catch(() => undefined);
        return s ? { dir, mtimeMs: s.mtimeMs } : undefined;
      }),
  );
  return entries.filter((e) => e !== undefined).sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/**
 * A complete entry for these fonts: the exact key, or else the newest entry whose characters cover
 * `charSet` (deleting a paragraph, or going back to an earlier edition, converts nothing).
 * The entry's mtime is refreshed so pruning keeps what is in use.
 */
export async function findEntry(
  cacheDir: string,
  key: string,
  fingerprintHash: string,
  charSet: string,
): Promise<string | undefined> {
  let found: string | undefined;
  const exact = path.join(cacheDir, key);
  if ((await readMeta(exact))?.fingerprint === fingerprintHash) found = exact;
  else {
    for (const { dir } of await listEntries(cacheDir)) {
      const meta = await readMeta(dir);
      if (meta?.fingerprint === fingerprintHash && covers(meta.chars, charSet)) {
        found = dir;
        break;
      }
    }
  }
  if (found) {
    const now = new Date();
    await utimes(path.join(found, META_FILE), now, now).catch(() => undefined);
  }
  return found;
}

/** The most recently used complete entry, if any. */
export async function newestEntry(cacheDir: string): Promise<string | undefined> {
  return (await listEntries(cacheDir))[0]?.dir;
}

/** Keep the newest few entries (always `inUse`), and drop stale half-done conversions. */
export async function pruneCache(cacheDir: string, inUse: string): Promise<void> {
  const entries = await listEntries(cacheDir);
  const keep = new Set([inUse, ...entries.slice(0, KEEP_ENTRIES).map((e) => e.dir)]);
  const doomed = entries.filter((e) => !keep.has(e.dir)).map((e) => e.dir);
  for (const name of await readdir(cacheDir)) {
    if (!name.includes('.partial-')) continue;
    const dir = path.join(cacheDir, name);
    const s = await stat(dir).catch(() => undefined);
    if (s && Date.now() - s.mtimeMs > STALE_PARTIAL_MS) doomed.push(dir);
  }
  await Promise.all(doomed.map((dir) => rm(dir, { recursive: true, force: true })));
}
