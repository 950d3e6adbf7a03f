// Page images for `folio diff`: poppler rasterises each PDF page; pixelmatch marks what changed.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { FolioError } from '../errors/FolioError.ts';

const run = promisify(execFile);

/** Page `index` (0-based) of `pdf` as a PNG at `dpi`, written to `<dir>/<name>.png`. */
export async function rasterise(
  pdf: string,
  index: number,
  dir: string,
  name: string,
  dpi = 50,
): Promise<Buffer> {
  const page = String(index + 1);
  const args = ['-r', String(dpi), '-png', '-singlefile', '-f', page, '-l', page, pdf, join(dir, name)];
  await run('pdftoppm', args).catch((e: Error & { stderr?: string }) => {
    throw new FolioError(
      'ToolFailed',
      { tool: 'pdftoppm', detail: (e.stderr || e.message).trim() },
      undefined,
      {
        cause: e,
      },
    );
  });
  return readFile(join(dir, `${name}.png`));
}

/** A faded copy of `after` with changed pixels in red, and how many pixels changed. */
export function difference(before: Buffer, after: Buffer): { png: Buffer; changed: number } {
  const a = PNG.sync.read(before);
  const b = PNG.sync.read(after);
  if (a.width !== b.width || a.height !== b.height) {
    // A different page size: everything changed.
    return { png: after, changed: b.width * b.height };
  }
  const out = new PNG({ width: a.width, height: a.height });
  const changed = pixelmatch(a.data, b.data, out.data, a.width, a.height, { threshold: 0.1, alpha: 0.25 });
  return { png: PNG.sync.write(out), changed };
}
