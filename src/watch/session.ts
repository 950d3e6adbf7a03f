// A watch session: one Chromium and the paginated edition stay open; each change re-renders what it touches.
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { checkEdition, finishPdf, layOut, writeOutputs, type LaidOutEdition } from '../pipeline.ts';
import type { Measurement } from '../paginate/measure.ts';
import type { Warning } from '../errors/FolioError.ts';
import { checkFit } from '../paginate/fit.ts';
import { FIGURES_FILES } from '../figures/load.ts';
import { Coalescer } from './queue.ts';
import { patchEdition } from './patch.ts';
import { writePreviews } from './output.ts';
import { BrowserKeeper } from './browser.ts';
import { describeChange, errorLines, figureReport, type ChangeResult } from './report.ts';
import { measurementOf, paginateViews, type Pdfs, type View } from './views.ts';

export type { ChangeResult } from './report.ts';

export interface WatchOptions {
  outDir: string;
  timeoutMs?: number;
  allowOverset?: boolean;
  /** Receives the change report lines (the CLI sends them to stderr). */
  log?: (line: string) => void;
}

export class WatchSession {
  readonly dir: string;
  /** How many renders ran (tests check that quick changes coalesce). */
  renders = 0;
  private live: { edition: LaidOutEdition; views: View[] } | undefined;
  private good: { edition: LaidOutEdition; pdfs: Pdfs } | undefined;
  private forceFull = true;
  private closing = false;
  /** Page previews of the last PDF, made after the report so they never delay a re-render. */
  private previews: Promise<void> = Promise.resolve();
  /** Cancels previews still being drawn when a newer render makes them stale. */
  private previewsStop = new AbortController();
  private readonly abort = new AbortController();
  private readonly keeper: BrowserKeeper;
  private readonly queue = new Coalescer<ChangeResult>((paths) => this.render(paths));
  private readonly timeoutMs: number;

  constructor(
    dir: string,
    private readonly opts: WatchOptions,
  ) {
    this.dir = resolve(dir);
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.keeper = new BrowserKeeper(this.timeoutMs, this.abort.signal, () => {
      this.live = undefined;
      this.forceFull = true;
      if (!this.closing) opts.log?.('folio: Chromium stopped; the next change restarts it');
    });
  }

  /** The running browser, if any (tests kill its process to check recovery). */
  get browser(): Browser | undefined {
    return this.keeper.browser;
  }

  /** First full build; a broken edition is reported and the session keeps waiting for a fix. */
  start(): Promise<ChangeResult> {
    return this.queue.push([]);
  }

  /** Re-renders for changed files; calls during a render share one pending render (latest state wins). */
  applyChange(paths: string[]): Promise<ChangeResult> {
    return this.queue.push(paths.map((p) => resolve(p)));
  }

  async close(): Promise<void> {
    this.closing = true;
    this.abort.abort(); // stops a render in progress at its next browser wait
    await this.queue.idle();
    await this.previews;
    await this.closeViews();
    await this.keeper.close();
  }

  private async render(paths: string[]): Promise<ChangeResult> {
    // Stale previews are cancelled, not waited for: they must not land after this render's PDF, and a
    // corrected figure must not queue behind half a second of rasterising.
    this.previewsStop.abort();
    await this.previews;
    const started = performance.now();
    this.renders++;
    const result: ChangeResult = {
      ok: false,
      mode: 'failed',
      paths,
      figures: [],
      modules: [],
      pages: [],
      ms: 0,
    };
    if (this.closing) return { ...result, error: new Error('the watch session is closed') };
    let next: LaidOutEdition;
    try {
      next = await layOut(await checkEdition(this.dir));
    } catch (error) {
      return this.done({ ...result, error }, started); // nothing touched: the last good PDF stays
    }
    const baseline = { edition: this.good?.edition, measurement: this.measured() };
    const browser = this.keeper.browser;
    try {
      Object.assign(result, await this.renderEdition(next, paths));
    } catch (error) {
      const crashed = browser !== undefined && !browser.isConnected() && !this.closing;
      if (!crashed) result.error = error;
      // Chromium died under us: start a new one and render the same state from scratch, once.
      else
        await this.full(next, 'Chromium stopped and was restarted').then(
          (r) => Object.assign(result, r),
          (again: unknown) => (result.error = again),
        );
    }
    result.figures = figureReport(baseline, next, this.measured());
    if (result.ok) {
      this.previewsStop = new AbortController();
      const stop = AbortSignal.any([this.abort.signal, this.previewsStop.signal]);
      this.previews = writePreviews(next, this.opts.outDir, stop).catch((e) => {
        if (!stop.aborted) this.logError(e);
      });
    }
    return this.done(result, started);
  }

  private async renderEdition(next: LaidOutEdition, paths: string[]): Promise<Partial<ChangeResult>> {
    const restarted = await this.keeper.ensure(next.html + (next.spreadHtml ?? ''));
    const layoutFile = paths.find((p) => !this.isContentFile(p));
    const why = !this.good
      ? 'first build'
      : restarted
        ? 'Chromium started'
        : this.forceFull
          ? 'the last render did not finish'
          : layoutFile && `${basename(layoutFile)} changed`;
    if (why || !this.live || !this.good) return this.full(next, why || 'first build');
    const views = this.live.views;
    const outcome = await patchEdition(
      views,
      this.live.edition,
      next,
      this.good.pdfs,
      { timeoutMs: this.timeoutMs, signal: this.abort.signal, allowOverset: this.opts.allowOverset ?? false },
      () => {
        this.forceFull = true; // until this render has written its PDF, the pages and the PDF disagree
        this.live = { edition: next, views };
      },
    );
    if (outcome.kind === 'needs-full') return this.full(next, outcome.reason);
    const pdfs = outcome.kind === 'patched' ? outcome.pdfs : this.good.pdfs;
    const fit = outcome.kind === 'patched' ? outcome.fitWarnings : [];
    const report = await this.writeProof(next, pdfs, measurementOf(views), fit);
    this.good = { edition: next, pdfs };
    this.live = { edition: next, views };
    this.forceFull = false;
    if (outcome.kind === 'unchanged') return { ok: true, mode: 'unchanged', report };
    return { ok: true, mode: 'patch', modules: outcome.modules, pages: outcome.pageNumbers, report };
  }

  /** Re-paginates the whole edition in Paged.js: the cold path, kept for layout changes. */
  private async full(next: LaidOutEdition, reason: string): Promise<Partial<ChangeResult>> {
    await this.keeper.ensure(next.html + (next.spreadHtml ?? ''));
    const browser = this.keeper.browser!;
    this.forceFull = true;
    await this.closeViews();
    const views: View[] = [];
    this.live = { edition: next, views };
    await paginateViews(next, browser, { timeoutMs: this.timeoutMs, signal: this.abort.signal }, views);
    const measurement = measurementOf(views);
    const fit = checkFit(next, measurement, this.opts.allowOverset ?? false);
    const pdfs: Pdfs = {};
    for (const v of views) pdfs[v.kind.name] = await finishPdf(next, v.paged, measurement, v.kind.pagesWide);
    const report = await this.writeProof(next, pdfs, measurement, fit);
    this.good = { edition: next, pdfs };
    this.forceFull = false;
    const pages = next.pages.flatMap((p) => p.numbers ?? [p.number]);
    const modules = next.pages.flatMap((p) => p.modules.map((m) => m.key));
    return { ok: true, mode: 'full', reason, modules, pages, report };
  }

  private measured() {
    return this.live?.views.length ? measurementOf(this.live.views) : undefined;
  }

  /** The PDFs and report as a draft build writes them; previews follow, press files wait for a build. */
  private writeProof(next: LaidOutEdition, pdfs: Pdfs, measurement: Measurement, fit: Warning[]) {
    const { pdf, spreadPdf } = pdfs;
    if (!pdf) throw new Error('watch has no page PDF to write');
    return writeOutputs(next, { pdf, spreadPdf }, measurement, fit, {
      outDir: this.opts.outDir,
      draft: true,
    });
  }

  private async closeViews(): Promise<void> {
    const views = this.live?.views ?? [];
    this.live = undefined;
    await Promise.all(views.map((v) => v.paged.close()));
  }

  private done(r: ChangeResult, started: number): ChangeResult {
    r.ms = Math.round(performance.now() - started);
    // An earlier run's PDF may be in the output folder even when this session has built nothing yet.
    const name = basename(resolve(this.dir));
    r.kept = this.good !== undefined || existsSync(join(resolve(this.opts.outDir), name, `${name}.pdf`));
    for (const line of describeChange(r, this.dir)) this.opts.log?.(line);
    return r;
  }

  private logError(e: unknown): void {
    if (!this.closing) for (const line of errorLines(e)) this.opts.log?.(line);
  }

  /** Figures files and articles are content: their changes stay inside modules. */
  private isContentFile(path: string): boolean {
    const name = basename(path);
    const content = name.endsWith('.md') || (FIGURES_FILES as readonly string[]).includes(name);
    return content && resolve(path, '..') === this.dir;
  }
}
