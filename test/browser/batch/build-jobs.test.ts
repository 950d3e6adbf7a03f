// folio build --jobs 2 on a folder of editions, one of them broken: the others are built, the summary names
// every edition, and exit 1 lists the broken one with its file:line:col message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { makeArchive } from '../../../scripts/make-archive.ts';
import { pdftext } from '../../helpers/tools.ts';

const scratch = mkdtempSync(join(tmpdir(), 'folio-jobs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('builds the good editions in parallel and reports every failure at the end', { timeout: 120_000 }, () => {
  const dirs = makeArchive({ count: 3, outDir: join(scratch, 'archive'), seeds: ['taiyuan-five-years'] });
  const broken = dirs[1]!;
  const figures = join(broken, 'figures.yaml');
  const text = readFileSync(figures, 'utf8');
  writeFileSync(figures, text.replace(/value: [\d.]+/, 'value: oops'));
  const line = text.slice(0, text.search(/value: [\d.]+/)).split('\n').length;
  const out = join(scratch, 'out');

  const r = spawnSync(
    'node',
    ['bin/folio.mjs', 'build', join(scratch, 'archive'), '--jobs', '2', '--draft', '--out', out],
    {
      encoding: 'utf8',
      timeout: 110_000,
    },
  );
  expect(r.status, r.stderr).toBe(1);
  const lines = r.stderr.split('\n');
  // The table: a header and one row per edition, in the order given.
  const head = lines.findIndex((l) => /^edition\s+pages\s+seconds\s+status$/.test(l));
  expect(head).toBeGreaterThanOrEqual(0);
  const rows = lines.slice(head + 1, head + 4).map((l) => l.split(/\s+/));
  expect(rows.map((x) => x[0])).toEqual(dirs.map((d) => basename(d)));
  expect(rows.map((x) => x[3])).toEqual(['ok', 'failed', 'ok']);
  expect(rows[0]![1]).toBe('1');
  expect(r.stderr).toContain('folio: 1 of 3 editions failed:');
  expect(r.stderr).toMatch(new RegExp(`figures\\.yaml:${line}:\\d+: figure \\S+: "value" must be a number`));
  // Non-TTY stderr: plain counted lines, no bar.
  expect(r.stderr).toMatch(/^folio: \[3\/3\] /m);
  expect(r.stderr).not.toContain('\u001b[');

  for (const d of [dirs[0]!, dirs[2]!]) {
    const name = basename(d);
    const pdf = join(out, name, `${name}.pdf`);
    const jobs = /newUrbanJobs:\n\s+value: ([\d.]+)/.exec(readFileSync(join(d, 'figures.yaml'), 'utf8'))![1];
    expect(pdftext(pdf).replace(/\s+/g, '')).toContain(`${jobs}万人`);
  }
  expect(existsSync(join(out, basename(broken)))).toBe(false);
});
