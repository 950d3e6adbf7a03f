// Watch mode on a copy of the two-page edition: a figure edit re-renders only the page that shows it, and a
// figure that grows is re-fitted as a build of the same content fits it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WatchSession } from '../../../src/watch/session.ts';
import { build } from '../../../src/pipeline.ts';
import { errorLines } from '../../../src/watch/report.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';
import { run } from '../../helpers/tools.ts';

const NAME = 'taiyuan-work-report';
const ID = 'party.cadresTrained'; // 1974人, used once, in section s1
let dir: string;
let figures: string;
let pdf: string;
let session: WatchSession;

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const text = (page?: number) =>
  run('pdftotext', ['-enc', 'UTF-8', ...(page ? ['-f', `${page}`, '-l', `${page}`] : []), pdf, '-']);
const report = () => JSON.parse(readFileSync(join(dir, '..', 'out', NAME, 'report.json'), 'utf8'));

/** Each page's decoded content stream bytes, to show an untouched page was not re-printed. */
async function contents(): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(pdf));
  const bytes = (p: PDFPage) => Buffer.from(p.node.Contents()?.toString() ?? '').toString('base64');
  return doc.getPages().map(bytes);
}

beforeAll(async () => {
  dir = copyEdition(NAME);
  figures = join(dir, 'figures.yaml');
  session = new WatchSession(dir, { outDir: join(dir, '..', 'out') });
  const first = await session.start();
  expect(first.ok, String(first.error)).toBe(true);
  pdf = first.report!.outputs['pdf']!;
});

afterAll(() => session?.close());

it('re-renders only the pages that use a changed figure', async () => {
  const pagesOf = report().figures[ID].pages as number[];
  const otherPage = report().pages === 2 ? (pagesOf[0] === 6 ? 2 : 1) : undefined;
  const before = await contents();
  const otherText = otherPage ? text(otherPage) : '';
  edit(figures, 'value: 1974', 'value: 1986');
  const r = await session.applyChange([figures]);
  expect(r.ok, String(r.error)).toBe(true);
  expect(r.mode).toBe('patch');
  expect(r.figures.map((f) => [f.id, f.before, f.after])).toEqual([[ID, '1974人', '1986人']]);
  expect(r.pages).toEqual(report().figures[ID].pages);
  expect(r.pages).toEqual(pagesOf);
  const all = text().replace(/\s+/g, '');
  expect(all).toContain('1986人');
  expect(all).not.toContain('1974人');
  if (otherPage) {
    expect(text(otherPage)).toBe(otherText);
    expect((await contents())[otherPage - 1]).toBe(before[otherPage - 1]);
  }
}, 120_000); // every render fits its pages (src/fit/): on a busy 2-core machine that takes a while

it('keeps the last good PDF byte for byte when an edit breaks the figures file', async () => {
  const good = hash(pdf);
  const at = edit(figures, 'value: 4600', 'value: lots');
  const r = await session.applyChange([figures]);
  expect(r.ok).toBe(false);
  expect(errorLines(r.error).join('\n')).toMatch(new RegExp(`figures\\.yaml:${at.line}:\\d+: `));
  expect(hash(pdf)).toBe(good);
  edit(figures, 'value: lots', 'value: 4600');
  expect((await session.applyChange([figures])).ok).toBe(true);
});

it('coalesces changes that arrive during a render; the last state wins', async () => {
  const renders = session.renders;
  edit(figures, 'value: 1986', 'value: 1990');
  const first = session.applyChange([figures]);
  edit(figures, 'value: 1990', 'value: 1995');
  const second = session.applyChange([figures]);
  const third = session.applyChange([figures]);
  const results = await Promise.all([first, second, third]);
  expect(results.every((r) => r.ok)).toBe(true);
  expect(session.renders - renders).toBeLessThanOrEqual(2);
  expect(results[2]).toBe(results[1]); // queued calls share the one pending render
  expect(text().replace(/\s+/g, '')).toContain('1995人');
}, 120_000); // every render fits its pages (src/fit/): on a busy 2-core machine that takes a while

it('restarts a killed Chromium and renders the change in full', async () => {
  const browser = session.browser!;
  const gone = new Promise((done) => browser.once('disconnected', done));
  browser.process()?.kill('SIGKILL');
  await gone;
  edit(figures, 'value: 1995', 'value: 2001');
  const r = await session.applyChange([figures]);
  expect(r.ok, String(r.error)).toBe(true);
  expect(r.mode).toBe('full');
  const all = text().replace(/\s+/g, '');
  expect(all).toContain('2001人');
  expect(all).not.toContain('1995人');
  expect(session.browser?.isConnected()).toBe(true);
}, 120_000); // every render fits its pages (src/fit/): on a busy 2-core machine that takes a while

it('re-paginates in full when edition.yaml changes', async () => {
  const r = await session.applyChange([join(dir, 'edition.yaml')]);
  expect(r.ok).toBe(true);
  expect(r.mode).toBe('full');
  expect(r.reason).toBe('edition.yaml changed');
}, 120_000); // every render fits its pages (src/fit/): on a busy 2-core machine that takes a while

it('re-fits the page of a figure that grows 1000×, as a build of the same content does', async () => {
  const before = report().fit;
  edit(figures, 'value: 2001\n', 'value: 2001000\n');
  const r = await session.applyChange([figures]);
  expect(r.ok, String(r.error)).toBe(true);
  expect(r.mode).toBe('patch');
  expect(r.pages).toContain(6);
  const after = report();
  expect(text().replace(/\s+/g, '')).toContain(after.figures[ID].text);
  expect(after.warnings.filter((w: { code: string }) => w.code === 'Overset')).toEqual([]);
  for (const p of after.fit.pages)
    for (const m of p.modules) expect(m.contentMm, m.module).toBeLessThanOrEqual(m.box.hMm + 0.5);
  expect(after.fit).not.toEqual(before);
  // The same content built cold (in the session's Chromium, to keep the test short) fits the same.
  const [built] = await build([dir], {
    outDir: join(dir, '..', 'built'),
    draft: true,
    browser: session.browser,
  });
  expect(built!.warnings.filter((w) => w.code === 'Overset')).toEqual([]);
  expect(after.fit).toEqual(JSON.parse(JSON.stringify(built!.fit)));
}, 120_000);
