// The engine: one laid-out edition open in the browser — measure, replace modules, fit, print, close.
// Build, watch and diff all drive it, so every PDF comes from the same views, fit stage and printing.
import type { Browser } from 'puppeteer-core';
import type { Warning } from '../errors/FolioError.ts';
import { fitLines, fitViews, type FitOutcome } from '../fit/views.ts';
import { checkFit } from '../paginate/fit.ts';
import type { Measurement } from '../paginate/measure.ts';
import type { BuildResult } from '../output/report.ts';
import { writeOutputs, type BuildOptions, type LaidOutEdition } from '../pipeline.ts';
import { printView, reprintPages } from './print.ts';
import { replaceInViews, statesAfter, type Replaced } from './replace.ts';
import { snapshotInPage, type PageState } from './dom.ts';
import { withTimeout } from '../paginate/timeout.ts';
import { measurementOf, paginateViews, type Pdfs, type View } from './views.ts';

export type { Replaced } from './replace.ts';
export type { Pdfs } from './views.ts';

export interface SessionOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  allowOverset?: boolean;
  log?: (line: string) => void;
}

export interface Fitted {
  measurement: Measurement;
  warnings: Warning[];
  outcome?: FitOutcome;
}

/** An edition's views live in Chromium: a spread's whole sheet (跨版) first, then its single pages. */
export interface EngineSession {
  /** The edition the live pages show (replaceModules moves it on). */
  readonly edition: LaidOutEdition;
  /** The latest measurement (the whole spread when there is one), once measured. */
  readonly measurement: Measurement | undefined;
  /** Newspaper page numbers the last pdfs()/print() printed (all of them after measure()). */
  readonly printedPages: number[];
  /** Paginates every view in the one order Folio uses and returns the edition's measurement
   *  (taken on the whole spread when there is one: there every module appears once). */
  measure(): Promise<Measurement>;
  /** Watch: puts `next`'s modules into the live pages when only modules changed (no Paged.js run), so
   *  that fit() re-fits their pages and print() re-prints only the pages that look different. */
  replaceModules(next: LaidOutEdition): Promise<Replaced>;
  /** Fits every module to its box in the live pages (src/fit/), measures again, and checks the fit:
   *  overset modules throw unless allowOverset. Call after measure() or replaceModules(); once fitted,
   *  a call without a change in between returns the same result. */
  fit(): Promise<Fitted>;
  /** The finished PDF of every view (fits first if needed). */
  pdfs(): Promise<Pdfs>;
  /** Prints every view and writes all outputs of the edition into outDir (all or none). */
  print(opts: Pick<BuildOptions, 'outDir' | 'draft' | 'signal'>): Promise<BuildResult>;
  /** The single pages as laid out and fitted, as a static HTML document (the preview serves it). */
  snapshot(): Promise<string>;
  /** Closes the views' tabs; the browser stays for the caller. */
  close(): Promise<void>;
}

export function openSession(edition: LaidOutEdition, browser: Browser, opts: SessionOptions): EngineSession {
  const log = opts.log ?? (() => undefined);
  const allowOverset = opts.allowOverset ?? false;
  let views: View[] | undefined;
  let fitted: Fitted | undefined;
  /** The PDFs last printed, and which of their pages (per view) no longer match the live pages. */
  let printed: Pdfs | undefined;
  let stale: Map<View, number[]> | 'all' = 'all';
  /** Modules replaced since the last fit, and each view's pages before that. */
  let pending: { keys: string[]; before: Map<View, PageState[]> } | undefined;
  /** Each view's pages as last read, for the newspaper page numbers of re-printed pages. */
  const states = new Map<View, PageState[]>();
  let printedPages: number[] = [];
  const live = () => {
    if (!views) throw new Error('engine session: measure() first');
    return views;
  };
  const allPages = () => edition.pages.flatMap((p) => p.numbers ?? [p.number]);
  const session: EngineSession = {
    get edition() {
      return edition;
    },
    get measurement() {
      return views?.length ? measurementOf(views) : undefined;
    },
    get printedPages() {
      return printedPages;
    },
    async measure() {
      await session.close();
      views = await paginateViews(edition, browser, opts);
      fitted = printed = pending = undefined;
      stale = 'all';
      return measurementOf(views);
    },
    async replaceModules(next) {
      const r = await replaceInViews(live(), edition, next, opts);
      if (r.kind === 'needs-full') return r;
      edition = next;
      if (r.kind === 'replaced') {
        pending = { keys: r.modules, before: r.before };
        fitted = undefined;
      }
      return r;
    },
    async fit() {
      const v = live();
      if (fitted && !pending) return fitted; // nothing changed since the last fit
      const outcome = await fitViews(
        edition,
        v.map((x) => x.paged),
        { ...opts, allowOverset },
      );
      // Without a fit, the replaced modules still have to be measured.
      if (!outcome && pending) for (const view of v) await view.paged.remeasure();
      if (pending && stale !== 'all') stale = await staleAfter(v, pending, stale);
      pending = undefined;
      for (const line of outcome ? fitLines(outcome.report) : []) log(`${edition.source.name}: ${line}`);
      const measurement = measurementOf(v);
      const warnings = checkFit(edition, measurement, allowOverset, outcome);
      fitted = { measurement, warnings, ...(outcome ? { outcome } : {}) };
      return fitted;
    },
    async pdfs() {
      const v = live();
      const f = fitted ?? (await session.fit());
      const out: Pdfs = { ...printed };
      const numbers = new Set<number>();
      for (const view of v) {
        const { name, pagesWide } = view.kind;
        const previous = printed?.[name];
        const pages = stale === 'all' || !previous ? undefined : (stale.get(view) ?? []);
        if (!pages) out[name] = await printView(edition, view.paged, f.measurement, pagesWide);
        else if (pages.length)
          out[name] = await reprintPages(edition, view.paged, f.measurement, pagesWide, previous!, pages);
        if (name === 'pdf') for (const n of pages ? pagedNumbers(view, pages) : allPages()) numbers.add(n);
      }
      printed = out;
      stale = new Map();
      printedPages = [...numbers].sort((a, b) => a - b);
      return out;
    },
    async print(o) {
      log(`${edition.source.name}: writing PDF`);
      const { pdf, spreadPdf } = await session.pdfs();
      if (!pdf) throw new Error('engine session: no page PDF');
      const f = fitted!;
      return writeOutputs(edition, { pdf, spreadPdf }, f.measurement, f.warnings, o, f.outcome);
    },
    async snapshot() {
      const view = live().find((v) => v.kind.name === 'pdf');
      if (!view) throw new Error('engine session: no page view');
      const html = view.paged.page.evaluate(snapshotInPage) as Promise<string>;
      return withTimeout(html, opts.timeoutMs, 'reading the pages', opts.signal);
    },
    async close() {
      const open = views ?? [];
      views = undefined;
      await Promise.all(open.map((v) => v.paged.close()));
    },
  };
  /** Newspaper page numbers of a view's 0-based printed pages. */
  const pagedNumbers = (view: View, pages: number[]) =>
    pages.flatMap((i) => states.get(view)?.[i]?.numbers ?? [i + 1]);
  /** Pages whose fitted state changed, or that show a replaced module, join the stale pages. */
  async function staleAfter(v: View[], p: NonNullable<typeof pending>, was: Map<View, number[]>) {
    const next = new Map(was);
    for (const view of v) {
      const before = p.before.get(view) ?? [];
      const after = await statesAfter(view, p.keys, opts);
      states.set(view, after);
      const moved = after
        .map((s, i) => (s.shows || before[i]?.shows || s.fit !== before[i]?.fit ? i : -1))
        .filter((i) => i >= 0);
      next.set(
        view,
        [...new Set([...(next.get(view) ?? []), ...moved])].sort((a, b) => a - b),
      );
    }
    return next;
  }
  return session;
}
