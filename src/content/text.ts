// Reads an edition's text files: UTF-8 only (a GB18030 or UTF-16 file is refused with where it goes wrong),
// and Windows line endings read as Unix ones, so positions and --- fences work whatever saved the file.
import { readFile } from 'node:fs/promises';
import { FolioError } from '../errors/FolioError.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text with CRLF/CR as LF; a file that is not UTF-8 is a NotUtf8 error at its first bad byte. */
export async function readText(file: string): Promise<string> {
  return decodeText(await readFile(file), file);
}

export function decodeText(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new FolioError('NotUtf8', { file, encoding: 'UTF-16' }, { file, line: 1, column: 1 });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (cause) {
    // The lossy decoding marks the first undecodable byte with U+FFFD: that is where to look.
    const lossy = Buffer.from(bytes).toString('utf8');
    const before = lossy.slice(0, Math.max(lossy.indexOf('\uFFFD'), 0));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new FolioError('NotUtf8', { file, encoding: 'GB18030 or GBK' }, { file, line, column }, { cause });
  }
  return normalizeNewlines(text);
}

/** CRLF (Windows) and lone CR (old Mac) become LF; a line keeps its number and its columns. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** A FolioError (not UTF-8) passes; a missing file is `missing()` when given; anything else names the path. */
export function unreadable(e: unknown, path: string, missing?: () => FolioError): FolioError {
  if (e instanceof FolioError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && missing) return missing();
  const detail = code === 'EISDIR' ? 'it is a folder' : ((e as Error).message ?? String(e));
  return new FolioError('FileUnreadable', { path, detail }, { file: path, line: 0, column: 0 }, { cause: e });
}
