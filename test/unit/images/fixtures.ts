// Test pictures made with sharp, and an example edition copy whose article places them.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { checkEdition, type CheckedEdition } from '../../../src/check.ts';
import { resolveGeometry } from '../../../src/config/presets.ts';
import { prepareImages } from '../../../src/images/prepare.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';

export const PHOTO_LINE = '::: photo file=images/skyline.jpg';

/** A smooth gradient, so the encoder has real picture content to work on. */
export function picture(width: number, height: number, channels: 3 | 4 = 3): sharp.Sharp {
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = 128;
      if (channels === 4) raw[i + 3] = 200;
    }
  return sharp(raw, { raw: { width, height, channels } });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'folio-img-'));
}

/** The five-years edition with its photo line replaced by `lines`; `images` are written into images/. */
export async function editionWith(
  lines: string,
  images: Record<string, Buffer> = {},
): Promise<{ dir: string; line: number; prepare: () => Promise<CheckedEdition> }> {
  const dir = copyEdition();
  mkdirSync(join(dir, 'images'), { recursive: true });
  for (const [name, bytes] of Object.entries(images)) writeFileSync(join(dir, 'images', name), bytes);
  const file = join(dir, 'article.md');
  const text = readFileSync(file, 'utf8');
  const old = text.split('\n').find((l) => l.startsWith(PHOTO_LINE));
  if (!old) throw new Error('the example article has no photo line');
  const { line } = edit(file, old, lines);
  const cacheDir = tempDir();
  // check opens the pictures too (a green check means the build will not stop at one), so a broken
  // picture fails at checkEdition here, before prepareImages.
  const prepare = async () => {
    const checked = await checkEdition(dir);
    return prepareImages(checked, resolveGeometry(checked.source.config), { cacheDir });
  };
  return { dir, line, prepare };
}

/** Every section's HTML of the edition, joined. */
export function htmlOf(e: CheckedEdition): string {
  return e.articles.flatMap((a) => a.sections.map((s) => s.graphicsHtml + s.html)).join('\n');
}

/** The decoded bytes of the first inline image in the HTML. */
export function firstImage(html: string): Buffer {
  const m = /src="data:image\/(?:jpeg|png);base64,([^"]+)"/.exec(html);
  if (!m) throw new Error('no inline image in the HTML');
  return Buffer.from(m[1]!, 'base64');
}
