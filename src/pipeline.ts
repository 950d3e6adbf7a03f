// The whole of Folio, top to bottom: check content (check.ts) → lay out pages → fonts → Chromium → PDF → output/.
import { pathToFileURL } from 'node:url';
import { basename, join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { formatFigure } from './figures/format.ts';
import { resolveGeometry, type PageGeometry } from './config/presets.ts';
import { composePages, gridLine, type ComposedPage } from './render/compose.ts';
import { verifyComposed } from './compose/verify.ts';
import { renderHtml } from './render/html.ts';
import { prepareImages } from './images/prepare.ts';
import type { DocumentMeta } from './render/viewModel.ts';
import { prepareFonts, type PreparedFonts } from './fonts/prepare.ts';
import { launchBrowser } from './paginate/browser.ts';
import { closeBrowser } from './paginate/lost.ts';
import { adoptEarly, type EarlyBrowser } from './paginate/early.ts';
import { paginate, type Paginated } from './paginate/paged.ts';
import type { Measurement } from './paginate/measure.ts';
import type { Warning } from './errors/FolioError.ts';
import type { FitOutcome } from './fit/views.ts';
import { stage } from './output/atomic.ts';
import { ensureWritableOutDir } from './output/outDir.ts';
import { writePreviews } from './output/previews.ts';
import { makePressOutputs } from './output/press.ts';
import { checkEdition, ROOT, type CheckedEdition } from './check.ts';
import { openSession } from './engine/session.ts';
import { buildReport, reportJson, summary, type BuildResult } from './output/report.ts';

export { checkEdition, ROOT, type CheckedEdition };

export interface BuildOptions {
  outDir: string;
  allowOverset?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Progress lines (the CLI sends them to stderr). */
  log?: (line: string) => void;
  /** Only the RGB PDF and the report: no previews, no print/archive/screen files (fast proofs). */
  draft?: boolean;
  /** Reuse a running browser (watch mode); otherwise one is started and closed. */
  browser?: Browser;
  /** A browser the CLI started while Folio was loading (see paginate/early.ts). */
  earlyBrowser?: Promise<EarlyBrowser | undefined>;
}

/** An edition laid out as HTML, ready for the browser. */
export interface LaidOutEdition extends CheckedEdition {
  geometry: PageGeometry;
  pages: ComposedPage[];
  /** Single pages (a spread cut into its pages). */
  html: string;
  /** A spread printed whole as one double-width page (跨版); absent for single-page layouts. */
  spreadHtml?: string;
  meta: DocumentMeta;
}

/** Stage 4: place modules on pages and fill the templates. */
export async function layOut(checked: CheckedEdition, alternative = 1): Promise<LaidOutEdition> {
  const geometry = resolveGeometry(checked.source.config);
  checked = await prepareImages(checked, geometry); // photos at their placed size (src/images/)
  // Without a grid in edition.yaml the composer designs one (src/compose/); `alternative` picks its n-th.
  const pages = composePages(checked.source, checked.articles, geometry.columns, alternative);
  const input = { ...checked, pages, geometry, root: ROOT };
  const { html, meta } = await renderHtml(input);
  const spreadHtml =
    checked.source.config.layout === 'spread' ? (await renderHtml(input, true)).html : undefined;
  return { ...checked, geometry, pages, html, spreadHtml, meta };
}

/** Builds editions into outDir/<edition>/; one browser serves them all. */
export async function build(dirs: string[], opts: BuildOptions): Promise<BuildResult[]> {
  const log = opts.log ?? (() => undefined);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const editions: LaidOutEdition[] = [];
  let fonts: PreparedFonts;
  try {
    await ensureWritableOutDir(opts.outDir); // before any work: a read-only --out is one message
    for (const dir of dirs) {
      log(`${dir}: checking content and figures`);
      editions.push(await layOut(await checkEdition(dir)));
      log(`${dir}: ${gridLine(editions.at(-1)!.pages[0]?.gridBy)}`);
    }
    log('preparing fonts');
    fonts = await prepareFonts({ chars: editions.map((e) => e.html).join(''), signal: opts.signal });
  } catch (err) {
    await adoptEarly(opts.earlyBrowser, ''); // closes a browser started early, if any
    throw err;
  }
  const browser =
    opts.browser ??
    (await adoptEarly(opts.earlyBrowser, fonts.fontconfigFile)) ??
    (await launchBrowser({ fontconfigFile: fonts.fontconfigFile, timeoutMs, signal: opts.signal }));
  try {
    const results: BuildResult[] = [];
    for (const edition of editions)
      results.push(await printEdition(edition, browser, { ...opts, timeoutMs, log }));
    return results;
  } finally {
    if (!opts.browser) await closeBrowser(browser);
  }
}

/** Stage 5–7 through one engine session (src/engine/): measure, fit, print (engine/print.ts), close. */
export async function printEdition(
  e: LaidOutEdition,
  browser: Browser,
  opts: BuildOptions & { timeoutMs: number; log: (l: string) => void },
): Promise<BuildResult> {
  const name = e.source.name;
  const started = Date.now();
  // A composed grid is checked in Chromium first; when it oversets, the composer's next alternative is tried.
  e = await verifyComposed(
    e,
    (k) => layOut(e, k),
    (x) => oversetOf(x, browser, opts),
    opts.log,
  );
  const printed = e.source.config.pages.length;
  opts.log(`${name}: paginating ${printed} page(s)${e.spreadHtml ? ' (one spread)' : ''} in Chromium`);
  const session = openSession(e, browser, opts);
  try {
    await session.measure();
    await session.fit(); // stage 5½: every module fitted to its box in the live pages (src/fit/)
    const result = await session.print(opts);
    opts.log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s → ${result.outputs['pdf']}`);
    return result;
  } finally {
    await session.close();
  }
}

/** Millimetres of overset the edition has before fitting (the spread view when there is one). */
async function oversetOf(
  e: LaidOutEdition,
  browser: Browser,
  opts: { timeoutMs: number; signal?: AbortSignal },
) {
  const paged = await paginateEdition(e, browser, opts, e.spreadHtml ?? e.html);
  try {
    return paged.measurement.overset.reduce((sum, o) => sum + o.overflowMm, 0);
  } finally {
    await paged.close();
  }
}

/** Stage 5: Paged.js lays the edition's HTML out into pages in the browser. */
export function paginateEdition(
  e: LaidOutEdition,
  browser: Browser,
  opts: { timeoutMs: number; signal?: AbortSignal },
  html = e.html,
): Promise<Paginated> {
  const baseUrl = pathToFileURL(join(e.source.dir, '/')).href;
  return paginate(browser, html, { baseUrl, timeoutMs: opts.timeoutMs, signal: opts.signal });
}

/** Stage 7: every output of the edition, staged and then moved into place together. */
export async function writeOutputs(
  e: LaidOutEdition,
  pdfs: { pdf: Uint8Array; spreadPdf?: Uint8Array },
  measurement: Measurement,
  fitWarnings: Warning[],
  opts: Pick<BuildOptions, 'outDir' | 'draft' | 'signal'>,
  fit?: FitOutcome,
): Promise<BuildResult> {
  const name = e.source.name;
  const out = await stage(resolve(opts.outDir, name));
  try {
    const outputs: Record<string, string> = { pdf: await out.write(`${name}.pdf`, pdfs.pdf) };
    if (pdfs.spreadPdf) outputs['spread'] = await out.write(`${name}-spread.pdf`, pdfs.spreadPdf);
    if (!opts.draft) Object.assign(outputs, await writePreviews(out, `${name}.pdf`, e.source.config.pages));
    let result = buildReport(e, measurement, [...e.warnings, ...fitWarnings], outputs, formatFigure);
    if (fit) result = { ...result, fit: fit.report };
    // Written before the press step too: a PDF/A-3 archive carries this report among its sources. That copy
    // names its files relative to the edition's output folder (an archive outlives the machine's paths);
    // the press files are not in it yet, since they are made from it.
    await out.write('report.json', portable(reportJson(result), [resolve(opts.outDir, name), e.source.dir]));
    if (!opts.draft) {
      const sources = [
        e.source.configFile,
        e.figures.file,
        ...e.source.articles.map((a) => a.file),
        out.path('report.json'),
      ];
      const press = await makePressOutputs(
        out.path(`${name}.pdf`),
        out.dir,
        e.source,
        e.meta,
        e.geometry,
        sources,
        resolve(opts.outDir, name),
        opts.signal,
      );
      for (const [kind, file] of Object.entries(press.outputs)) {
        out.path(basename(file));
        outputs[kind] = resolve(opts.outDir, name, basename(file));
      }
      result = {
        ...result,
        outputs,
        warnings: [...result.warnings, ...press.warnings],
        preflight: press.preflight.map(summary),
      };
      await out.write('report.json', reportJson(result));
    }
    await out.commit();
    return result;
  } catch (err) {
    await out.discard();
    throw err;
  }
}

/** The report with every path under the given folders written relative to them. */
function portable(json: string, dirs: string[]): string {
  return dirs.reduce((text, dir) => text.split(JSON.stringify(join(dir, '/')).slice(1, -1)).join(''), json);
}
