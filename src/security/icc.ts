// output.iccProfile: only a real ICC profile file in a folder Folio trusts ever reaches Ghostscript.
import { open, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { EditionSource } from '../content/load.ts';
import { FolioError } from '../errors/FolioError.ts';
import { realFileInside } from './paths.ts';

/** Folio's own profiles, the system's colour profiles, and the edition folder itself. */
export function iccRoots(root: string, editionDir: string): string[] {
  return [join(root, 'styles', 'icc'), '/usr/share/color/icc', editionDir];
}

/**
 * The real path of the edition's output profile (written relative to the project root), or undefined when
 * it names none. Refuses a path outside the trusted folders (a symlink is followed first) and a file
 * that is not an output CMYK ICC profile ('acsp' signature, CMYK data colour space).
 */
export async function resolveIccProfile(source: EditionSource, root: string): Promise<string | undefined> {
  const written = source.config.output.iccProfile;
  if (written === undefined) return undefined;
  const fail = async (detail: string) =>
    new FolioError(
      'EditionConfigInvalid',
      { field: 'output.iccProfile', detail },
      { file: source.configFile, ...(await lineOf(source.configFile, 'iccProfile:')) },
    );
  const found = await realFileInside(resolve(root, written), iccRoots(root, source.dir));
  if (!('real' in found)) {
    const why = {
      missing: `no file ${written}`,
      outside: `${written} is outside styles/icc/, /usr/share/color/icc/ and the edition folder`,
      'not-a-file': `${written} is not a file`,
    }[found.reason];
    throw await fail(why);
  }
  const head = Buffer.alloc(40);
  const file = await open(found.real, 'r');
  try {
    await file.read(head, 0, 40, 0);
  } finally {
    await file.close();
  }
  if (head.toString('latin1', 36, 40) !== 'acsp') throw await fail(`${written} is not an ICC profile`);
  if (head.toString('latin1', 16, 20) !== 'CMYK')
    throw await fail(`${written} is not a CMYK profile (the print file is CMYK)`);
  return found.real;
}

async function lineOf(file: string, key: string): Promise<{ line: number; column: number }> {
  const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n');
  const i = lines.findIndex((l) => l.includes(key));
  return i < 0 ? { line: 0, column: 0 } : { line: i + 1, column: lines[i]!.indexOf(key) + 1 };
}
