// The batch's words without a browser: summary rows, failure lines, plain progress lines, job ids.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureLines, summaryTable } from '../../../src/batch/summary.ts';
import { lines } from '../../../src/batch/progress.ts';
import type { EditionOutcome } from '../../../src/batch/outcome.ts';
import { editionHash } from '../../../src/queue/hash.ts';

const ok = (edition: string, pages: number, seconds: number): EditionOutcome => ({
  dir: `/c/${edition}`,
  edition,
  ok: true,
  pages,
  seconds,
  errors: [],
  errorsJson: [],
  warnings: [],
});
const bad: EditionOutcome = {
  ...ok('b-long-name', 0, 0.25),
  ok: false,
  errors: ['/c/b-long-name/figures.yaml:19:12: figure x: "value" must be a number — correct it'],
};

describe('batch summary', () => {
  it('lines up one row per edition and marks the failed one', () => {
    const t = summaryTable([ok('a', 2, 12.345), bad]);
    expect(t).toEqual([
      'edition      pages  seconds  status',
      'a                2     12.3  ok',
      'b-long-name      –      0.3  failed',
    ]);
  });

  it('lists every failed edition with each of its messages', () => {
    expect(failureLines([ok('a', 1, 1)])).toEqual([]);
    const f = failureLines([ok('a', 1, 1), bad, { ...bad, edition: 'c', dir: '/c/c' }]);
    expect(f[0]).toBe('folio: 2 of 3 editions failed:');
    expect(f.filter((l) => l.startsWith('  /c/b-long-name/figures.yaml:19:12: '))).toHaveLength(2);
    expect(f).toContain('c (/c/c):');
  });

  it('counts finished editions in plain progress lines', () => {
    const out: string[] = [];
    const p = lines(2, (s) => out.push(s));
    const job = { dir: '/c/a', outDir: '/o', timeoutMs: 1 };
    p.onEvent({ type: 'log', job, line: 'a: paginating 1 page(s) in Chromium' });
    p.onEvent({ type: 'done', outcome: ok('a', 1, 3.21) });
    p.onEvent({ type: 'done', outcome: bad });
    expect(out).toEqual([
      'folio: a: paginating 1 page(s) in Chromium',
      'folio: [1/2] a: built, 1 page(s) in 3.2 s',
      'folio: [2/2] b-long-name: FAILED in 0.3 s',
    ]);
  });
});

describe('queue job ids', () => {
  it('are the same for the same files and options, and change with either', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-hash-')), 'ed');
    cpSync('content/taiyuan-five-years', dir, { recursive: true });
    const job = { dir, outDir: '/out', timeoutMs: 1 };
    const id = await editionHash(job);
    expect(id).toMatch(/^e[0-9a-f]{32}$/);
    expect(await editionHash({ ...job, timeoutMs: 2 })).toBe(id); // a time limit is not a different edition
    expect(await editionHash({ ...job, draft: true })).not.toBe(id);
    expect(await editionHash({ ...job, outDir: '/elsewhere' })).not.toBe(id);
    writeFileSync(join(dir, 'article.md'), '\n', { flag: 'a' });
    expect(await editionHash(job)).not.toBe(id);
  });
});
