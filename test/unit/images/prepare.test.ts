// The images stage on a real edition: the photo line becomes an inline picture at its placed size.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { editionWith, firstImage, htmlOf, picture } from './fixtures.ts';

describe('prepareImages', () => {
  it('places a 2-column photo 86 mm wide with 300 ppi of pixels, cropped to its ratio', async () => {
    const big = await picture(3000, 2400).jpeg().toBuffer();
    const { prepare, line } = await editionWith('::: photo file=images/big.jpg cols=2 ratio=3:2 "说明"', {
      'big.jpg': big,
    });
    const e = await prepare();
    const html = htmlOf(e);
    expect(html).toMatch(
      new RegExp(
        `<figure class="blk blk-photo" data-block="photo" data-cols="2" data-source-line="${line}">`,
      ),
    );
    expect(html).toContain('width="1016" height="677" style="width:86mm" data-file="images/big.jpg"');
    expect(html).not.toContain('data-folio-image');
    const meta = await sharp(firstImage(html)).metadata();
    expect([meta.width, meta.height]).toEqual([1016, 677]);
    expect(e.warnings.filter((w) => w.code === 'ImageResolution')).toEqual([]);
  });

  it('warns about a picture too small for its placed width, naming its ppi, and does not upscale it', async () => {
    const small = await picture(400, 300).jpeg().toBuffer();
    const { prepare, dir, line } = await editionWith('::: photo file=images/small.jpg cols=2', {
      'small.jpg': small,
    });
    const e = await prepare();
    const warning = e.warnings.find((w) => w.code === 'ImageResolution');
    // 400 px over 86 mm (3.39 in) = 118 ppi.
    expect(warning).toEqual({
      code: 'ImageResolution',
      message: 'images/small.jpg is 118 ppi at its placed width of 86 mm (needs 170) — use a larger original',
      file: `${dir}/article.md`,
      line,
      column: 1,
    });
    const meta = await sharp(firstImage(htmlOf(e))).metadata();
    expect([meta.width, meta.height]).toEqual([400, 300]);
  });

  it('reports a missing file as FileNotFound at the directive line', async () => {
    const { prepare, dir, line } = await editionWith('::: photo file=images/missing.jpg cols=3');
    const err = await prepare().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FolioError);
    const fe = err as FolioError;
    expect(fe.code).toBe('FileNotFound');
    expect(fe.message).toContain('images/missing.jpg');
    expect(fe.position).toEqual({ file: `${dir}/article.md`, line, column: 1 });
  });

  it('reports a photo wider than the page and a file that is not a picture as BadBlock', async () => {
    const { prepare } = await editionWith('::: photo file=images/x.jpg cols=9', {
      'x.jpg': Buffer.from('not a picture'),
    });
    await expect(prepare()).rejects.toThrow("cols=9 is wider than the page's 8 columns");
    const broken = await editionWith('::: photo file=images/x.jpg cols=2', {
      'x.jpg': Buffer.from('not a picture'),
    });
    await expect(broken.prepare()).rejects.toThrow('images/x.jpg is not an image Folio can read');
  });
});
