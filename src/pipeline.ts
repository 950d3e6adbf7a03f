// The whole of Folio, top to bottom: check content (check.ts) → lay out pages → fonts → Chromium → PDF → output/.
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { formatFigure } from './figures/format.ts';
import { resolveGeometry, type PageGeometry } from './config/presets.ts';
import { composePages, type ComposedPage } from './render/compose.ts';
import { renderHtml } from './render/html.ts';
import type { DocumentMeta } from './render/viewModel.ts';
import { prepareFonts } from './fonts/prepare.ts';
import { launchBrowser } from './paginate/browser.ts';
import { paginate, type Paginated } from './paginate/paged.ts';
import type { Measurement } from './paginate/measure.ts';
import type { Warning } from './errors/FolioError.ts';
import { checkFit } from './paginate/fit.ts';
import { postprocess } from './pdf/postprocess.ts';
import { stage } from './output/atomic.ts';
import { renderPreviews } from './output/previews.ts';
import { checkEdition, ROOT, type CheckedEdition } from './check.ts';
import { buildReport, type BuildResult } from './output/report.ts';

export { checkEdition, ROOT, type CheckedEdition };

export interface BuildOptions {
  outDir: string;
  allowOverset?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Progress lines (the CLI sends them to stderr). */
  log?: (line: string) => void;
  /** Reuse a running browser (watch mode); otherwise one is started and closed. */
  browser?: Browser;
}

/** An edition laid out as HTML, ready for the browser. */
export interface LaidOutEdition extends CheckedEdition {
  geometry: PageGeometry;
  pages: ComposedPage[];
  html: string;
  meta: DocumentMeta;
}

/** Stage 4: place modules on pages and fill the templates. */
export async function layOut(checked: CheckedEdition): Promise<LaidOutEdition> {
  const geometry = resolveGeometry(checked.source.config);
  const pages = composePages(checked.source, checked.articles, geometry.columns);
  const { html, meta } = await renderHtml({ ...checked, pages, geometry, root: ROOT });
  return { ...checked, geometry, pages, html, meta };
}

/** Builds editions into outDir/<edition>/; one browser serves them all. */
export async function build(dirs: string[], opts: BuildOptions): Promise<BuildResult[]> {
  const log = opts.log ?? (() => undefined);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const editions: LaidOutEdition[] = [];
  for (const dir of dirs) {
    log(`${dir}: checking content and figures`);
    editions.push(await layOut(await checkEdition(dir)));
  }
  log('preparing fonts');
  const fonts = await prepareFonts({ chars: editions.map((e) => e.html).join(''), signal: opts.signal });
  const browser =
    opts.browser ??
    (await launchBrowser({ fontconfigFile: fonts.fontconfigFile, timeoutMs, signal: opts.signal }));
  try {
    const results: BuildResult[] = [];
    for (const edition of editions)
      results.push(await printEdition(edition, browser, { ...opts, timeoutMs, log }));
    return results;
  } finally {
    if (!opts.browser) await browser.close().catch(() => undefined);
  }
}

/** Stage 5–7: paginate in Chromium, check the fit, post-process, write every output or none. */
export async function printEdition(
  e: LaidOutEdition,
  browser: Browser,
  opts: BuildOptions & { timeoutMs: number; log: (l: string) => void },
): Promise<BuildResult> {
  const name = e.source.name;
  const started = Date.now();
  opts.log(`${name}: paginating ${e.pages.length} page(s) in Chromium`);
  const paged = await paginateEdition(e, browser, opts);
  try {
    const fitWarnings = checkFit(e, paged.measurement, opts.allowOverset ?? false);
    opts.log(`${name}: writing PDF`);
    const pdf = await finishPdf(e, paged);
    const result = await writeOutputs(e, pdf, paged.measurement, fitWarnings, opts.outDir);
    opts.log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s → ${result.outputs['pdf']}`);
    return result;
  } finally {
    await paged.close();
  }
}

/** Stage 5: Paged.js lays the edition's HTML out into pages in the browser. */
export function paginateEdition(
  e: LaidOutEdition,
  browser: Browser,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<Paginated> {
  const baseUrl = pathToFileURL(join(e.source.dir, '/')).href;
  return paginate(browser, e.html, { baseUrl, timeoutMs: opts.timeoutMs, signal: opts.signal });
}

/** Stage 6: Chromium prints; pdf-lib fixes the boxes and writes metadata and the outline. */
export async function finishPdf(e: LaidOutEdition, paged: Paginated): Promise<Uint8Array> {
  return postprocess({
    pdf: await paged.pdf(),
    meta: e.meta,
    geometry: e.geometry,
    outline: paged.measurement.headings,
    producer: 'Folio (Paged.js, Chromium, pdf-lib)',
  });
}

/** Stage 7: every output of the edition, staged and then moved into place together. */
export async function writeOutputs(
  e: LaidOutEdition,
  pdf: Uint8Array,
  measurement: Measurement,
  fitWarnings: Warning[],
  outDir: string,
): Promise<BuildResult> {
  const name = e.source.name;
  const out = await stage(resolve(outDir, name));
  try {
    const pdfPath = await out.write(`${name}.pdf`, pdf);
    const previews = await renderPreviews(out.path(`${name}.pdf`), {
      dpi: 60,
      pageNumbers: e.pages.map((p) => p.number),
    });
    for (const [file, png] of previews) await out.write(file, png);
    const warnings = [...e.warnings, ...fitWarnings];
    const outputs = { pdf: pdfPath, previews: resolve(outDir, name, 'pages'), contactSheet: resolve(outDir, name, 'contact-sheet.png') };
    const result = buildReport(e, measurement, warnings, outputs, formatFigure);
    await out.write('report.json', JSON.stringify(result, null, 2) + '\n');
    await out.commit();
    return result;
  } catch (err) {
    await out.discard();
    throw err;
  }
}
