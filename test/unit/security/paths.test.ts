// Real paths, not written ones: symlinks out of the edition, and ICC profiles outside trusted folders, fail check.
import { copyFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../../src/check.ts';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';

async function failure(dir: string): Promise<FolioError> {
  const e = await checkEdition(dir).then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof FolioError)) throw new Error(`expected one Folio error, got ${String(e)}`);
  return e;
}

const PHOTO = '::: photo file=images/skyline.jpg';

describe('photos', () => {
  it.each([
    ['a JPEG outside the edition', (dir: string) => join(dir, '..', 'outside.jpg')],
    ['/etc/passwd', () => '/etc/passwd'],
  ])('refuses a symlink to %s', async (_k, target) => {
    const dir = copyEdition();
    copyFileSync(join(dir, 'images', 'skyline.jpg'), join(dir, '..', 'outside.jpg'));
    symlinkSync(target(dir), join(dir, 'images', 'link.jpg'));
    const at = edit(join(dir, 'article.md'), PHOTO, '::: photo file=images/link.jpg');
    const err = await failure(dir);
    expect(err.code).toBe('BadBlock');
    expect(err.message).toContain('images/link.jpg is a link to a file outside the edition folder');
    expect(err.position).toMatchObject({ line: at.line });
  });

  it('accepts a symlink that stays inside the edition', async () => {
    const dir = copyEdition();
    symlinkSync('skyline.jpg', join(dir, 'images', 'alias.jpg'));
    edit(join(dir, 'article.md'), PHOTO, '::: photo file=images/alias.jpg');
    await expect(checkEdition(dir)).resolves.toBeDefined();
  });

  it.each([
    ['missing', () => undefined, 'file not found'],
    ['not an image', (p: string) => writeFileSync(p, 'plain text'), 'is not an image Folio can read'],
  ])('check fails on a photo that is %s', async (_k, make, message) => {
    const dir = copyEdition();
    make(join(dir, 'images', 'other.jpg'));
    const at = edit(join(dir, 'article.md'), PHOTO, '::: photo file=images/other.jpg');
    const err = await failure(dir);
    expect(err.message).toContain(message);
    expect(err.position).toMatchObject({ line: at.line });
  });
});

describe('output.iccProfile', () => {
  const withProfile = (dir: string, path: string) =>
    edit(join(dir, 'edition.yaml'), 'layout: page\n', `layout: page\noutput:\n  iccProfile: ${path}\n`);

  it.each([
    ['a system file', '/etc/passwd', 'is outside styles/icc/'],
    ['a missing file', 'styles/icc/none.icc', 'no file styles/icc/none.icc'],
    ['a climb out of the project', '../../../../etc/hostname', 'is outside'],
  ])('refuses %s with the line it is written on', async (_k, path, message) => {
    const dir = copyEdition();
    const at = withProfile(dir, path);
    const err = await failure(dir);
    expect(err.code).toBe('EditionConfigInvalid');
    expect(err.message).toContain(message);
    expect(err.position).toMatchObject({ line: at.line + 2, column: 3 });
  });

  it('refuses a file in the edition that is not a CMYK profile, and a link out of it', async () => {
    const dir = copyEdition();
    writeFileSync(join(dir, 'fake.icc'), Buffer.alloc(200, 1));
    withProfile(dir, join(dir, 'fake.icc'));
    expect((await failure(dir)).message).toContain('is not an ICC profile');
    const other = copyEdition();
    symlinkSync('/etc/passwd', join(other, 'link.icc'));
    withProfile(other, join(other, 'link.icc'));
    expect((await failure(other)).message).toContain('is outside');
  });

  it("accepts Folio's own newsprint profile", async () => {
    const dir = copyEdition();
    withProfile(dir, 'styles/icc/folio-newsprint-tac240.icc');
    await expect(checkEdition(dir)).resolves.toBeDefined();
  });
});
