// `folio diff`: renders the edition with earlier figures and with the current ones, and shows what changed.
import { resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { checkEdition, layOut, type LaidOutEdition } from '../pipeline.ts';
import { openSession } from '../engine/session.ts';
import { prepareFonts } from '../fonts/prepare.ts';
import { launchBrowser } from '../paginate/browser.ts';
import { closeBrowser } from '../paginate/lost.ts';
import type { Measurement } from '../paginate/measure.ts';
import { stage } from '../output/atomic.ts';
import { diffFigures, reachOf, type FigureChange, type FigureReach } from '../watch/figures.ts';
import { loadSinceFigures } from './since.ts';
import { difference, rasterise } from './images.ts';
import { reportHtml } from './html.ts';

export interface DiffOptions {
  /** A git revision, or the path of an earlier figures file. */
  since: string;
  outDir: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface PageDiff {
  page: number;
  changedPixels: number;
  before: string;
  after: string;
  diff: string;
}

export interface DiffSummary {
  edition: string;
  since: string;
  figures: Array<FigureChange & FigureReach>;
  pages: PageDiff[];
  report: string;
}

export async function diffEdition(dir: string, opts: DiffOptions): Promise<DiffSummary> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const after = await layOut(await checkEdition(dir));
  const old = await loadSinceFigures(after.source.dir, opts.since);
  const before = await layOut(await checkEdition(dir, { figures: old }));
  const chars = [before, after].map((e) => e.html + (e.spreadHtml ?? '')).join('');
  const fonts = await prepareFonts({ chars, signal: opts.signal });
  const browser = await launchBrowser({
    fontconfigFile: fonts.fontconfigFile,
    timeoutMs,
    signal: opts.signal,
  });
  let printed: Array<{ pdf: Uint8Array; m: Measurement }>;
  try {
    const render = (e: LaidOutEdition) => printVersion(e, browser, { timeoutMs, signal: opts.signal });
    printed = [await render(before), await render(after)];
  } finally {
    await closeBrowser(browser);
  }
  const [b, a] = printed as [(typeof printed)[0], (typeof printed)[0]];
  const numbers = after.source.config.pages;
  const figures = diffFigures(old.figures, after.figures.figures).map((change) => {
    const was = reachOf(change.id, before.uses, b.m.pageFigures, numbers);
    const now = reachOf(change.id, after.uses, a.m.pageFigures, numbers);
    const pages = [...new Set([...was.pages, ...now.pages])].sort((x, y) => x - y);
    return { ...change, modules: [...new Set([...was.modules, ...now.modules])], pages, blocks: now.blocks };
  });

  const name = after.source.name;
  const out = await stage(resolve(opts.outDir, name, 'diff'));
  try {
    await out.write('before.pdf', b.pdf);
    await out.write('after.pdf', a.pdf);
    const pages: PageDiff[] = [];
    for (const [i, page] of numbers.entries()) {
      const label = String(page).padStart(2, '0');
      const names = { before: `before-${label}`, after: `after-${label}`, diff: `diff-${label}` };
      const pngB = await rasterise(out.path('before.pdf'), i, out.dir, names.before);
      const pngA = await rasterise(out.path('after.pdf'), i, out.dir, names.after);
      const d = difference(pngB, pngA);
      await out.write(`${names.diff}.png`, d.png);
      out.path(`${names.before}.png`);
      out.path(`${names.after}.png`);
      const final = (n: string) => resolve(opts.outDir, name, 'diff', `${n}.png`);
      pages.push({
        page,
        changedPixels: d.changed,
        before: final(names.before),
        after: final(names.after),
        diff: final(names.diff),
      });
    }
    const report = await out.write('index.html', reportHtml(name, old.label, figures, pages));
    await out.commit();
    return { edition: name, since: old.label, figures, pages, report };
  } catch (err) {
    await out.discard();
    throw err;
  }
}

/** One version of the edition as a build prints it, fitted (overset allowed: the diff should show it). */
async function printVersion(
  e: LaidOutEdition,
  browser: Browser,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<{ pdf: Uint8Array; m: Measurement }> {
  const session = openSession(e, browser, { ...opts, allowOverset: true });
  try {
    await session.measure();
    const { measurement } = await session.fit();
    const { pdf } = await session.pdfs();
    if (!pdf) throw new Error('folio diff: no page PDF');
    return { pdf, m: measurement };
  } finally {
    await session.close();
  }
}
