// A YAML alias bomb in edition.yaml is a catalogue error naming the file, not an internal error.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkEdition } from '../../../src/check.ts';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';

const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefgh'.split('').map((k, i) => {
    const p = 'abcdefgh'[i]!;
    return `${k}: &${k} [*${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}]`;
  }),
].join('\n');

it('refuses an alias bomb in edition.yaml with the file and what to do', async () => {
  const dir = copyEdition();
  edit(
    join(dir, 'edition.yaml'),
    'layout: page\n',
    `layout: page\nbomb:\n  ${BOMB.replace(/\n/g, '\n  ')}\n`,
  );
  const err = await checkEdition(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FolioError);
  expect((err as FolioError).code).toBe('YamlSyntax');
  expect((err as FolioError).message).toContain('alias bomb');
  expect((err as FolioError).position?.file).toBe(join(dir, 'edition.yaml'));
});
