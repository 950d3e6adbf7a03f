// sharp preparation: pixel size, cache reuse, no metadata, sRGB 8-bit from CMYK or 16-bit, PNG for alpha.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { encodeImage } from '../../../src/images/encode.ts';
import { picture, tempDir } from './fixtures.ts';

const TARGET = { placedMm: 86, ppi: 300 }; // two broadsheet columns: 86 mm → 1016 px

describe('encodeImage', () => {
  it('resizes to the placed width at the ppi and crops to the ratio', async () => {
    const src = await picture(3000, 2000).jpeg().toBuffer();
    const out = await encodeImage(src, { ...TARGET, ratio: 1 }, tempDir());
    const meta = await sharp(out.bytes).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([1016, 1016, 'jpeg']);
    expect([out.width, out.height]).toEqual([1016, 1016]);
  });

  it('reuses the cached file on the second call without encoding again', async () => {
    const cache = tempDir();
    const src = await picture(1200, 800).jpeg().toBuffer();
    const first = await encodeImage(src, TARGET, cache);
    const mtime = statSync(first.path).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const second = await encodeImage(src, TARGET, cache);
    expect([first.cached, second.cached]).toEqual([false, true]);
    expect(second.path).toBe(first.path);
    expect(statSync(second.path).mtimeMs).toBe(mtime);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    // Another placed size is another file.
    const wider = await encodeImage(src, { ...TARGET, placedMm: 41 }, cache);
    expect([wider.cached, wider.path === first.path]).toEqual([false, false]);
  });

  it('turns a picture upright from its EXIF orientation', async () => {
    // Stored 800 × 600 with "rotate 90°": a portrait picture.
    const src = await picture(800, 600).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const out = await encodeImage(src, TARGET, tempDir());
    const meta = await sharp(out.bytes).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([600, 800, undefined]);
  });

  it('keeps no EXIF, XMP or ICC profile', async () => {
    const src = await picture(800, 600)
      .withExif({ IFD0: { Copyright: '某某', Artist: '记者' } })
      .withIccProfile('p3')
      .jpeg()
      .toBuffer();
    expect((await sharp(src).metadata()).exif).toBeDefined();
    const meta = await sharp((await encodeImage(src, TARGET, tempDir())).bytes).metadata();
    expect([meta.exif, meta.icc, meta.xmp]).toEqual([undefined, undefined, undefined]);
  });

  it('turns CMYK into 8-bit sRGB', async () => {
    const src = await picture(800, 600).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(src).metadata()).space).toBe('cmyk');
    const meta = await sharp((await encodeImage(src, TARGET, tempDir())).bytes).metadata();
    expect([meta.space, meta.channels, meta.depth, meta.format]).toEqual(['srgb', 3, 'uchar', 'jpeg']);
  });

  it('turns 16-bit into 8-bit and keeps transparency as PNG', async () => {
    const src16 = await picture(800, 600).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(src16).metadata()).depth).toBe('ushort');
    const flat = await sharp((await encodeImage(src16, TARGET, tempDir())).bytes).metadata();
    expect([flat.space, flat.depth, flat.format]).toEqual(['srgb', 'uchar', 'jpeg']);

    const alpha16 = await picture(800, 600, 4).toColourspace('rgb16').png().toBuffer();
    const out = await encodeImage(alpha16, TARGET, tempDir());
    const meta = await sharp(out.bytes).metadata();
    expect([out.mime, meta.format, meta.hasAlpha, meta.depth]).toEqual(['image/png', 'png', true, 'uchar']);
  });
});
