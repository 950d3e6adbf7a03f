// A watch session: one Chromium and an engine session (src/engine/) stay open; each change replaces the
// modules it touches, re-fits their pages and re-prints the pages that look different.
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { checkEdition, layOut, type LaidOutEdition } from '../pipeline.ts';
import { openSession, type EngineSession } from '../engine/session.ts';
import { FIGURES_FILES } from '../figures/load.ts';
import { Coalescer } from './queue.ts';
import { writePreviews } from './output.ts';
import { BrowserKeeper } from './browser.ts';
import { describeChange, errorLines, figureReport, type ChangeResult } from './report.ts';

export type { ChangeResult } from './report.ts';

export interface WatchOptions {
  outDir: string;
  timeoutMs?: number;
  allowOverset?: boolean;
  /** Receives the change report lines (the CLI sends them to stderr). */
  log?: (line: string) => void;
  /** Page PNGs after each PDF (default true; the preview server needs none). */
  previews?: boolean;
  /** Each good render also returns its pages as static HTML (`ChangeResult.html`, for the preview). */
  snapshot?: boolean;
}

export class WatchSession {
  readonly dir: string;
  /** How many renders ran (tests check that quick changes coalesce). */
  renders = 0;
  /** The open edition; its pages may be ahead of the last PDF while a render runs. */
  private engine: EngineSession | undefined;
  /** The edition of the last PDF written. */
  private good: LaidOutEdition | undefined;
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
      this.engine = undefined;
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
    await this.engine?.close();
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
    const baseline = { edition: this.good, measurement: this.engine?.measurement };
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
    result.figures = figureReport(baseline, next, this.engine?.measurement);
    if (result.ok && this.opts.snapshot && this.engine)
      await this.engine.snapshot().then(
        (html) => (result.html = html),
        (error: unknown) => Object.assign(result, { ok: false, error }),
      );
    if (result.ok && this.opts.previews !== false) {
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
    if (why || !this.engine || !this.good) return this.full(next, why || 'first build');
    // Until this render has written its PDF, the live pages and the PDF may disagree.
    this.forceFull = true;
    const replaced = await this.engine.replaceModules(next);
    if (replaced.kind === 'needs-full') return this.full(next, replaced.reason);
    const report = await this.proof(this.engine);
    if (replaced.kind === 'unchanged') return { ok: true, mode: 'unchanged', report };
    const pages = this.engine.printedPages;
    return { ok: true, mode: 'patch', modules: replaced.modules, pages, report };
  }

  /** Re-paginates the whole edition in Paged.js: the cold path, kept for layout changes. */
  private async full(next: LaidOutEdition, reason: string): Promise<Partial<ChangeResult>> {
    await this.keeper.ensure(next.html + (next.spreadHtml ?? ''));
    this.forceFull = true;
    await this.engine?.close();
    this.engine = openSession(next, this.keeper.browser!, {
      timeoutMs: this.timeoutMs,
      signal: this.abort.signal,
      allowOverset: this.opts.allowOverset ?? false,
    });
    await this.engine.measure();
    const report = await this.proof(this.engine);
    const pages = next.pages.flatMap((p) => p.numbers ?? [p.number]);
    const modules = next.pages.flatMap((p) => p.modules.map((m) => m.key));
    return { ok: true, mode: 'full', reason, modules, pages, report };
  }

  /** Fits and writes the PDFs and report as a draft build does; previews follow, press files wait for a build. */
  private async proof(engine: EngineSession) {
    await engine.fit();
    const report = await engine.print({ outDir: this.opts.outDir, draft: true });
    this.good = engine.edition;
    this.forceFull = false;
    return report;
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
