// A failed build leaves the last good PDF exactly as it was, and stdout --json is one object.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copyEdition, edit, folio, messages } from '../../helpers/edition.ts';

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

it('keeps the last good output when a later build fails', () => {
  const dir = copyEdition();
  const out = mkdtempSync(join(tmpdir(), 'folio-out-'));
  const good = folio(['build', dir, '--out', out, '--json']);
  expect(good.code, good.stderr).toBe(0);
  const report = JSON.parse(good.stdout);
  expect(Object.keys(report).sort()).toEqual([
    'edition',
    'figures',
    'fit',
    'layout',
    'outputs',
    'pages',
    'preflight',
    'warnings',
  ]);
  expect(Object.keys(report.outputs).sort()).toEqual([
    'archive',
    'contactSheet',
    'pdf',
    'previews',
    'print',
    'screen',
  ]);
  expect(report.figures['employment.newUrbanJobs']).toMatchObject({ text: '47.65万人', pages: [4] });
  // --json carries the fit report: the page and each module's box, slack and adjustments.
  expect(report.fit.pages[0].page).toBe(4);
  expect(report.fit.pages[0].modules.map((m: { module: string }) => m.module)).toContain('s06');
  const pdf = report.outputs.pdf as string;
  const before = hash(pdf);

  edit(join(dir, 'figures.yaml'), 'value: 47.65', 'value: oops');
  const bad = folio(['build', dir, '--out', out, '--json']);
  expect(bad.code).toBe(1);
  expect(messages(bad.stderr)).toHaveLength(1);
  expect(hash(pdf)).toBe(before);
  expect(readdirSync(out).filter((n) => n.includes('staging'))).toEqual([]);
}, 120_000);
