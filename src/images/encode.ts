// Prepares one picture for print with sharp: oriented, cropped, resized, sRGB 8-bit, no metadata, cached.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { planSize, type SizePlan } from './size.ts';

/** Bump when the encoding below changes, so old cache entries are not reused. */
const RECIPE = 1;
const JPEG_QUALITY = 85;

export interface EncodeTarget {
  placedMm: number;
  ppi: number;
  /** Width over height to crop to; absent keeps the original's proportions. */
  ratio?: number;
}

export interface Encoded extends SizePlan {
  path: string;
  /** The prepared file's bytes. */
  bytes: Buffer;
  mime: 'image/jpeg' | 'image/png';
  /** The source's pixels after EXIF orientation. */
  source: { width: number; height: number };
  /** True when the cache already held this output and nothing was encoded. */
  cached: boolean;
}

/** `bytes` is the source file; throws sharp's error when they are not an image it can read. */
export async function encodeImage(bytes: Buffer, target: EncodeTarget, cacheDir: string): Promise<Encoded> {
  const meta = await sharp(bytes).metadata();
  // Phones store portrait photos as landscape pixels plus an EXIF rotation; the page shows them upright.
  const source = { width: meta.autoOrient.width, height: meta.autoOrient.height };
  const plan = planSize(source, target.placedMm, target.ppi, target.ratio);
  // Transparency needs PNG; everything else is a photo and JPEG keeps it small.
  const ext = meta.hasAlpha ? 'png' : 'jpg';
  const key = createHash('sha256')
    .update(bytes)
    .update(JSON.stringify({ RECIPE, w: plan.width, h: plan.height, crop: plan.crop, ext }))
    .digest('hex');
  const path = join(cacheDir, `${key}.${ext}`);
  const mime = meta.hasAlpha ? 'image/png' : 'image/jpeg';
  const hit = await readFile(path).catch(() => undefined);
  if (hit) return { ...plan, source, path, bytes: hit, mime, cached: true };

  // Output drops all metadata (EXIF, XMP, ICC) by default; the pixels are converted to sRGB first, so
  // an untagged file means sRGB. CMYK for the press is made later, once, for the whole page.
  let img = sharp(bytes)
    .autoOrient()
    .resize({ width: plan.width, height: plan.height, fit: plan.crop ? 'cover' : 'fill' })
    .toColourspace('srgb');
  img = meta.hasAlpha ? img.png({ compressionLevel: 9 }) : img.jpeg({ quality: JPEG_QUALITY, mozjpeg: true });
  const out = await img.toBuffer();
  await mkdir(cacheDir, { recursive: true });
  // Write then rename: a build stopped half-way never leaves a truncated file under the final name.
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, out);
  await rename(tmp, path);
  return { ...plan, source, path, bytes: out, mime, cached: false };
}
