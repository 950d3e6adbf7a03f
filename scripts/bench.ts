// `npm run bench`: Folio's cold build and watch re-render against pagedjs-cli and a plain Chromium print.
// Everything runs on one page (taiyuan-five-years, page 04) on this machine; medians of --runs.
// Like for like: pagedjs-cli makes a paged PDF from HTML, so Folio's cold build is timed with --draft (the
// paged PDF, fonts, boxes, metadata, report); the full build with press files and previews is reported too.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { checkEdition, layOut, ROOT } from '../src/pipeline.ts';
import { prepareFonts } from '../src/fonts/prepare.ts';
import { chromiumPath, launchBrowser } from '../src/paginate/browser.ts';
import { WatchSession } from '../src/watch/session.ts';

const run = promisify(execFile);
const EDITION = process.argv.includes('--edition')
  ? process.argv[process.argv.indexOf('--edition') + 1]!
  : 'taiyuan-five-years';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(n: number, once: (i: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await once(i);
    times.push(performance.now() - t);
  }
  return median(times);
}

const scratch = mkdtempSync(join(tmpdir(), 'folio-bench-'));
const dir = join(scratch, EDITION);
cpSync(join(ROOT, 'content', EDITION), dir, { recursive: true });
const e = await layOut(await checkEdition(dir));
const fonts = await prepareFonts({ chars: e.html + (e.spreadHtml ?? '') });
const htmlFile = join(dir, 'folio.html'); // beside the articles, so relative resources resolve alike
// Without Folio's Content-Security-Policy: it admits only Folio's own (nonce) scripts, and pagedjs-cli must
// inject its own to paginate the same HTML.
writeFileSync(htmlFile, e.html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
const env = {
  ...process.env,
  FONTCONFIG_FILE: fonts.fontconfigFile,
  PUPPETEER_EXECUTABLE_PATH: chromiumPath(),
};
console.log(
  `bench: ${EDITION}, whole edition (${e.source.config.pages.length} pages, the HTML Folio generates), median of ${RUNS} runs`,
);

// (a) pagedjs-cli as users run it: a new process that starts its own Chromium.
const pagedCli = await timed(RUNS, () =>
  run(
    join(ROOT, 'node_modules/.bin/pagedjs-cli'),
    [htmlFile, '-o', join(scratch, 'pagedjs.pdf'), '--browserArgs', '--no-sandbox,--disable-dev-shm-usage'],
    { env },
  ),
);

// (b) The floor: load the same HTML and print it in an already running Chromium, no pagination.
const browser = await launchBrowser({ fontconfigFile: fonts.fontconfigFile });
const floor = await timed(RUNS + 1, async () => {
  const page = await browser.newPage();
  await page.setContent(e.html, { waitUntil: 'load' });
  await page.pdf({ printBackground: true, preferCSSPageSize: true });
  await page.close();
}); // one extra run: the first page of a fresh browser pays for font loading
await browser.close();

// (c) Folio's cold build: a new process, as `folio build --draft` runs; and once the full build.
const folioBuild = (extra: string[]) => () =>
  run(
    process.execPath,
    [join(ROOT, 'bin/folio.mjs'), 'build', dir, '--out', join(scratch, 'out-cold'), ...extra],
    {
      env: process.env,
    },
  );
const cold = await timed(RUNS, folioBuild(['--draft']));
const full = await timed(1, folioBuild([]));

// (d) Folio watch: one figure changes; the session re-renders in place (warm browser, in process).
const session = new WatchSession(dir, { outDir: join(scratch, 'out-watch') });
const first = await session.start();
if (!first.ok) throw first.error;
const figures = join(dir, 'figures.yaml');
const pagesTouched = new Set<string>();
const warm = await timed(RUNS, async (i) => {
  // A four-digit count changes by one each run, as a corrected figure would.
  const text = readFileSync(figures, 'utf8').replace(
    /value: (\d{4})\n/,
    (_m, v: string) => `value: ${Number(v) + (i % 2 ? -1 : 1)}\n`,
  );
  writeFileSync(figures, text);
  const r = await session.applyChange([figures]);
  if (!r.ok || r.mode !== 'patch') throw new Error(`warm run was ${r.mode}: ${String(r.error)}`);
  pagesTouched.add(r.pages.join(','));
});
await session.close();

// (e) The fit stage: a cold build with and without it; a watch save that changes text length → PDF on disk.
const { benchFitCost, benchWatchSaved, fitLines } = await import('./bench-fit.ts');
const saved = await benchWatchSaved(dir, join(scratch, 'out-saved'), RUNS);
if (saved.modes.join() !== 're-rendered') throw new Error(`watch saves were ${saved.modes.join(', ')}`);
const fitCost = await benchFitCost(ROOT, dir, scratch, RUNS);

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`  pagedjs-cli, cold (new process + Chromium)  ${s(pagedCli)}`);
console.log(`  floor: Chromium load + page.pdf, warm       ${s(floor)}`);
console.log(`  folio build --draft, cold (new process)     ${s(cold)}`);
console.log(`  folio build, full (+ previews, PDF/X, PDF/A, screen, preflight; one run)  ${s(full)}`);
console.log(
  `  folio watch, one figure changed (warm)      ${s(warm)}   (re-printed page ${[...pagesTouched].join(' / ')})`,
);
const check = (label: string, value: number, ok: boolean, target: string) =>
  console.log(`  ${ok ? 'PASS' : 'MISS'}  ${label.padEnd(34)} ${value.toFixed(2)}×  (target ${target})`);
check('pagedjs-cli cold / warm re-render', pagedCli / warm, pagedCli / warm >= 5, '≥ 5×');
check('warm re-render / floor', warm / floor, warm / floor <= 2.5, '≤ 2.5×');
check('folio cold / pagedjs-cli cold', cold / pagedCli, cold / pagedCli <= 1.3, '≤ 1.3×');
for (const line of fitLines(fitCost, saved.ms, pagedCli)) console.log(line);

// Print/archive post-processing for both seed editions: Ghostscript and pdf-lib on each RGB PDF.
const { benchPrint } = await import('./bench-print.ts');
const { build } = await import('../src/pipeline.ts');
const proofs = await build(
  ['taiyuan-five-years', 'taiyuan-work-report'].map((n) => join(ROOT, 'content', n)),
  { outDir: join(scratch, 'out-press'), draft: true },
);
for (const r of proofs) {
  const { widthMm, heightMm, bleedMm } = (await layOut(await checkEdition(join(ROOT, 'content', r.edition))))
    .geometry;
  const t = await benchPrint(resolve(r.outputs['pdf']!), { widthMm, heightMm, bleedMm });
  console.log(
    `  post-processing ${r.edition.padEnd(20)} print ${s(t.printMs)}, archive ${s(t.archiveMs)}, screen ${s(t.screenMs)}`,
  );
}
// The composer: a build without a grid against the same edition with its hand-written one.
const { benchCompose } = await import('./bench-compose.ts');
await benchCompose(ROOT, scratch, Math.min(RUNS, 3));
// Whole archives: --jobs 1 against --jobs 2, a 40-page run's memory, a queue with two workers.
const { benchScale } = await import('./bench-scale.ts');
await benchScale(scratch, pagedCli);
rmSync(scratch, { recursive: true, force: true });
