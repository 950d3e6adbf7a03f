// A watch session: one Chromium and the paginated edition stay open; each change re-renders what it touches.
import { basename, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { checkEdition, finishPdf, layOut, paginateEdition, type LaidOutEdition } from '../pipeline.ts';
import { prepareFonts } from '../fonts/prepare.ts';
import { covers, fontCharSet } from '../fonts/charset.ts';
import { launchBrowser } from '../paginate/browser.ts';
import { checkFit } from '../paginate/fit.ts';
import type { Paginated } from '../paginate/paged.ts';
import { FIGURES_FILES } from '../figures/load.ts';
import { Coalescer } from './queue.ts';
import { patchEdition } from './patch.ts';
import { writeProof } from './output.ts';
import { describeChange, figureReport, type ChangeResult } from './report.ts';

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
  private current: Browser | undefined;
  private fonts = { file: '', chars: '' };
  private live: { edition: LaidOutEdition; paged: Paginated } | undefined;
  private good: { edition: LaidOutEdition; pdf: Uint8Array } | undefined;
  private forceFull = true;
  private closing = false;
  private readonly abort = new AbortController();
  private readonly queue = new Coalescer<ChangeResult>((paths) => this.render(paths));
  private readonly timeoutMs: number;

  constructor(
    dir: string,
    private readonly opts: WatchOptions,
  ) {
    this.dir = resolve(dir);
    this.timeoutMs = opts.timeoutMs ?? 60_000;
  }

  /** The running browser, if any (tests kill its process to check recovery). */
  get browser(): Browser | undefined {
    return this.current;
  }

  /** First full build; a broken edition is reported and the session keeps waiting for a fix. */
  start(): Promise<ChangeResult> {
    return this.queue.push([]);
  }

  /** Re-renders for changed files; calls during a render share one pending render. */
  applyChange(paths: string[]): Promise<ChangeResult> {
    return this.queue.push(paths.map((p) => resolve(p)));
  }

  async close(): Promise<void> {
    this.closing = true;
    this.abort.abort(); // stops a render in progress at its next browser wait
    await this.queue.idle();
    await this.live?.paged.close();
    await this.current?.close().catch(() => undefined);
    this.current = undefined;
  }

  private async render(paths: string[]): Promise<ChangeResult> {
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
    const done = (r: ChangeResult) => {
      r.ms = Math.round(performance.now() - started);
      for (const line of describeChange(r, this.dir)) this.opts.log?.(line);
      return r;
    };
    if (this.closing) return done({ ...result, error: new Error('the watch session is closed') });
    let next: LaidOutEdition;
    try {
      next = await layOut(await checkEdition(this.dir));
    } catch (error) {
      return done({ ...result, error }); // nothing was touched: the last good PDF and page stay
    }
    const baseline = { edition: this.good?.edition, measurement: this.live?.paged.measurement };
    const browser = this.current;
    try {
      Object.assign(result, await this.renderEdition(next, paths));
    } catch (error) {
      const crashed = browser !== undefined && !browser.isConnected() && !this.closing;
      if (!crashed) result.error = error;
      else {
        // Chromium died under us: start a new one and render the same state from scratch, once.
        await this.full(next, 'Chromium stopped and was restarted').then(
          (r) => Object.assign(result, r),
          (again: unknown) => (result.error = again),
        );
      }
    }
    result.figures = figureReport(baseline, next, this.live?.paged.measurement);
    return done(result);
  }

  private async renderEdition(next: LaidOutEdition, paths: string[]): Promise<Partial<ChangeResult>> {
    const restarted = await this.ensureBrowser(next.html);
    const layoutFile = paths.find((p) => !this.isContentFile(p));
    const why = restarted
      ? 'Chromium (re)started'
      : this.forceFull
        ? this.good
          ? 'the last render did not finish'
          : 'first build'
        : layoutFile
          ? `${basename(layoutFile)} changed`
          : undefined;
    if (why || !this.live || !this.good) return this.full(next, why ?? 'first build');
    const { edition: shown, paged } = this.live;
    const outcome = await patchEdition(
      paged,
      shown,
      next,
      this.good.pdf,
      { timeoutMs: this.timeoutMs, signal: this.abort.signal, allowOverset: this.opts.allowOverset ?? false },
      () => {
        this.forceFull = true; // until this render has written its PDF, the page and the PDF disagree
        this.live = { edition: next, paged };
      },
    );
    if (outcome.kind === 'needs-full') return this.full(next, outcome.reason);
    const pdf = outcome.kind === 'patched' ? outcome.pdf : this.good.pdf;
    const fit = outcome.kind === 'patched' ? outcome.fitWarnings : [];
    const report = await writeProof(next, pdf, paged.measurement, fit, this.opts.outDir);
    this.good = { edition: next, pdf };
    this.live = { edition: next, paged };
    this.forceFull = false;
    if (outcome.kind === 'unchanged') return { ok: true, mode: 'unchanged', report };
    return { ok: true, mode: 'patch', modules: outcome.modules, pages: outcome.pageNumbers, report };
  }

  /** Re-paginates the whole edition in Paged.js: the cold path, kept for layout changes. */
  private async full(next: LaidOutEdition, reason: string): Promise<Partial<ChangeResult>> {
    await this.ensureBrowser(next.html);
    const browser = this.current!;
    this.forceFull = true;
    const old = this.live;
    this.live = undefined;
    await old?.paged.close();
    const paged = await paginateEdition(next, browser, {
      timeoutMs: this.timeoutMs,
      signal: this.abort.signal,
    });
    this.live = { edition: next, paged };
    const fit = checkFit(next, paged.measurement, this.opts.allowOverset ?? false);
    const pdf = await finishPdf(next, paged);
    const report = await writeProof(next, pdf, paged.measurement, fit, this.opts.outDir);
    this.good = { edition: next, pdf };
    this.forceFull = false;
    const pages = next.pages.flatMap((p) => p.numbers ?? [p.number]);
    return {
      ok: true,
      mode: 'full',
      reason,
      modules: next.pages.flatMap((p) => p.modules.map((m) => m.key)),
      pages,
      report,
    };
  }

  /** Fonts covering the text, and a browser that sees them; true when the browser was (re)started. */
  private async ensureBrowser(html: string): Promise<boolean> {
    const chars = fontCharSet(html);
    let restart = !this.current?.isConnected();
    if (!this.fonts.file || !covers(this.fonts.chars, chars)) {
      const fonts = await prepareFonts({ chars: html, signal: this.abort.signal });
      restart ||= fonts.fontconfigFile !== this.fonts.file;
      this.fonts = { file: fonts.fontconfigFile, chars };
    }
    if (!restart) return false;
    await this.live?.paged.close();
    this.live = undefined;
    await this.current?.close().catch(() => undefined);
    const browser = await launchBrowser({
      fontconfigFile: this.fonts.file,
      timeoutMs: this.timeoutMs,
      signal: this.abort.signal,
    });
    browser.once('disconnected', () => {
      if (this.current !== browser) return;
      this.current = undefined;
      this.live = undefined;
      this.forceFull = true;
      if (!this.closing) this.opts.log?.('folio: Chromium stopped; the next change restarts it');
    });
    this.current = browser;
    return true;
  }

  /** Figures files and articles are content: their changes stay inside modules. */
  private isContentFile(path: string): boolean {
    const inEdition = resolve(path, '..') === this.dir;
    const name = basename(path);
    return inEdition && (name.endsWith('.md') || (FIGURES_FILES as readonly string[]).includes(name));
  }
}
