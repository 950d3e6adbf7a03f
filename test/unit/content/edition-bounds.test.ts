// Values that have the right type and are still impossible — a date that is no day, a page PDF cannot hold,
// margins that leave no room for type — are refused at their line and column in edition.yaml.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEditionSource } from '../../../src/content/load.ts';
import { FolioError } from '../../../src/errors/FolioError.ts';

const HEAD = 'newspaper: 太原日报\npages: [4]\nsection: 要闻\npreset: tabloid\n';

function edition(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-bounds-'));
  writeFileSync(join(dir, 'edition.yaml'), yaml);
  writeFileSync(join(dir, 'a.md'), '---\ntitle: 标题\n---\n\n正文。\n');
  return dir;
}

async function failure(yaml: string): Promise<FolioError> {
  const dir = edition(yaml);
  const err = await loadEditionSource(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FolioError);
  const e = err as FolioError;
  expect(e.code).toBe('EditionConfigInvalid');
  expect(e.position?.file).toBe(join(dir, 'edition.yaml'));
  return e;
}

describe('dates', () => {
  it.each(['2021-13-45', '2021-02-29', '2021-04-31', '2021-00-10'])('%s is no day', async (date) => {
    const e = await failure(`${HEAD}date: ${date}\n`);
    expect(e.message).toContain('"date"');
    expect(e.message).toContain('not a day of the calendar');
    expect(e.position).toMatchObject({ line: 5, column: 7 });
  });

  it('a leap day in a leap year is a day', async () => {
    const s = await loadEditionSource(edition(`${HEAD}date: 2024-02-29\n`));
    expect(s.config.date).toBe('2024-02-29');
  });
});

describe('page size and margins', () => {
  const DATE = 'date: 2021-09-27\n';
  it.each([
    ['a 10 km page', 'page: { widthMm: 10000 }', 'page.widthMm', 'at most 5020 mm', 18],
    ['a page of no height', 'page:\n  heightMm: 0', 'page.heightMm', '', 13],
    ['a negative margin', 'page:\n  marginMm: { left: -30 }', 'page.marginMm.left', 'negative', 21],
  ])('%s', async (_what, page, field, words, column) => {
    const e = await failure(`${HEAD}${DATE}${page}\n`);
    expect(e.message).toContain(`"${field}"`);
    expect(e.message).toContain(words);
    expect(e.position?.line).toBe(page.split('\n').length + 5);
    expect(e.position?.column).toBe(column);
  });

  it('margins wider than the page leave no type area', async () => {
    const e = await failure(`${HEAD}${DATE}page:\n  marginMm:\n    left: 140\n    right: 140\n`);
    expect(e.message).toContain('leave no type area on a 270 mm wide page');
    expect(e.position).toMatchObject({ line: 8, column: 11 });
  });

  it('too many columns for the type area are refused at columns', async () => {
    const e = await failure(`${HEAD}${DATE}page: { columns: 12, gutterMm: 10 }\n`);
    expect(e.message).toContain('a column needs at least 15 mm');
    expect(e.position).toMatchObject({ line: 6, column: 18 });
  });

  it('a large but possible page is accepted', async () => {
    const s = await loadEditionSource(edition(`${HEAD}${DATE}page: { widthMm: 5020, heightMm: 800 }\n`));
    expect(s.config.page?.widthMm).toBe(5020);
  });
});
