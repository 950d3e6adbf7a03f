// Grid mistakes fail `folio check` (no browser) with the edition.yaml line and column of the mistake.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../../src/check.ts';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { nonRectangular } from '../../../src/config/grid.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';

const ROW2 = 's06  s06  s06  s06  s06  s07  s07  s07';

async function gridFailure(
  from: string,
  to: string,
  at?: string,
): Promise<{ text: string; line: number; column: number }> {
  const dir = copyEdition();
  const file = join(dir, 'edition.yaml');
  const pos = edit(file, from, to);
  const e = await checkEdition(dir).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FolioError);
  const text = (e as FolioError).format();
  const column = at === undefined ? pos.column : pos.column + to.indexOf(at);
  return { text, line: pos.line, column };
}

describe('grid and rows in edition.yaml', () => {
  it('names an unknown module at its place in the row', async () => {
    const r = await gridFailure(ROW2, 's06  s06  s06  s06  s06  s07  s07  s7x', 's7x');
    expect(r.text).toContain(
      `edition.yaml:${r.line}:${r.column}: edition.yaml field "grid": page 4 names "s7x", which is not a module`,
    );
  });

  it('names a module placed in two places', async () => {
    const r = await gridFailure(
      's12  s12  s12  s12  s12  s11  s11  s11',
      's12  s12  s12  s12  s12  s07  s07  s07',
    );
    expect(r.text).toMatch(/edition\.yaml:\d+:\d+: .*module "s07" does not fill one rectangle|placed twice/);
  });

  it('names a module that is on no page', async () => {
    const r = await gridFailure('s09  s09  s09  s10  s10', 's09  s09  s09  s09  s09');
    const m = /edition\.yaml:(\d+):\d+: edition\.yaml field "grid": modules not placed on any page: s10/.exec(
      r.text,
    );
    expect(m, r.text).not.toBeNull();
    // At the grid: key or its first entry (`- |`), five and four lines above the edited row.
    expect([r.line - 5, r.line - 4]).toContain(Number(m![1]));
  });

  it('points at a short row and says how many names it has', async () => {
    const r = await gridFailure(ROW2, 's06  s06  s06  s06  s06  s07  s07');
    expect(r.text).toContain(`edition.yaml:${r.line}:${r.column}:`);
    expect(r.text).toContain('row 2 of sheet 1 needs 8 names, one per column (it has 7)');
  });

  it('points at a long row', async () => {
    const r = await gridFailure(ROW2, `${ROW2}  s07`);
    expect(r.text).toContain(`edition.yaml:${r.line}:${r.column}:`);
    expect(r.text).toContain('needs 8 names, one per column (it has 9)');
  });

  it('refuses an L-shaped module, which CSS would silently stack', async () => {
    const r = await gridFailure(ROW2, 's06  s06  s06  s06  s06  s06  s07  s07', 's06');
    expect(r.text).toContain(`edition.yaml:${r.line}:${r.column}:`);
    expect(r.text).toContain('module "s06" does not fill one rectangle');
  });

  it('points at rows whose count does not match the grid', async () => {
    const r = await gridFailure('rows: [[auto, 1.2, 1, 1, 1.1]]', 'rows: [[auto, 1.2, 1, 1]]');
    expect(r.text).toMatch(
      new RegExp(
        `edition\\.yaml:${r.line}:\\d+: edition\\.yaml field "rows\\[0\\]": has 4 heights for 5 grid rows`,
      ),
    );
  });

  it('refuses a grid list longer than the pages', async () => {
    const r = await gridFailure('rows: [[auto, 1.2, 1, 1, 1.1]]', 'rows: [[auto, 1.2, 1, 1, 1.1], [1]]');
    expect(r.text).toContain('has 2 list(s) of row heights for 1 sheet(s)');
  });
});

describe('nonRectangular', () => {
  it('finds L shapes and gaps but accepts rectangles and dots', () => {
    expect(nonRectangular(['a a b', 'a a b'])).toEqual([]);
    expect(nonRectangular(['a a b', 'a b b'])).toEqual(['a', 'b']);
    expect(nonRectangular(['a . a'])).toEqual(['a']);
    expect(nonRectangular(['. . a', '. . a'])).toEqual([]);
  });
});
