// The engine: one laid-out edition open in the browser — measure, fit, print, close. Build drives it.
import type { Browser } from 'puppeteer-core';
import type { Warning } from '../errors/FolioError.ts';
import { fitLines, fitViews, type FitOutcome } from '../fit/views.ts';
import { checkFit } from '../paginate/fit.ts';
import type { Measurement } from '../paginate/measure.ts';
import type { Paginated } from '../paginate/paged.ts';
import type { BuildResult } from '../output/report.ts';
import {
  finishPdf,
  paginateEdition,
  writeOutputs,
  type BuildOptions,
  type LaidOutEdition,
} from '../pipeline.ts';

export interface SessionOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  allowOverset?: boolean;
  log?: (line: string) => void;
}

/** An edition's views live in Chromium: a spread's whole sheet (跨版) first, then its single pages. */
export interface EngineSession {
  readonly edition: LaidOutEdition;
  /** Paginates every view in the one order Folio uses and returns the edition's measurement
   *  (taken on the whole spread when there is one: there every module appears once). */
  measure(): Promise<Measurement>;
  /** Fits every module to its box in the live pages (src/fit/), measures again, and checks the fit:
   *  overset modules throw unless allowOverset. Call after measure(). */
  fit(): Promise<{ measurement: Measurement; warnings: Warning[]; outcome?: FitOutcome }>;
  /** Prints every view to PDF and writes all outputs of the edition into outDir (all or none). */
  print(opts: Pick<BuildOptions, 'outDir' | 'draft' | 'signal'>): Promise<BuildResult>;
  /** Closes the views' tabs; the browser stays for the caller. */
  close(): Promise<void>;
}

export function openSession(edition: LaidOutEdition, browser: Browser, opts: SessionOptions): EngineSession {
  const log = opts.log ?? (() => undefined);
  const name = edition.source.name;
  let spread: Paginated | undefined;
  let paged: Paginated | undefined;
  let fitted: { measurement: Measurement; warnings: Warning[]; outcome?: FitOutcome } | undefined;
  const views = () => {
    if (!paged) throw new Error('engine session: measure() first');
    return { paged, spread };
  };
  return {
    edition,
    async measure() {
      // One after the other: Paged.js stalls in a tab that is not in front.
      spread = edition.spreadHtml
        ? await paginateEdition(edition, browser, opts, edition.spreadHtml)
        : undefined;
      paged = await paginateEdition(edition, browser, opts);
      fitted = undefined;
      return (spread ?? paged).measurement;
    },
    async fit() {
      const v = views();
      const allowOverset = opts.allowOverset ?? false;
      const outcome = await fitViews(edition, [v.spread, v.paged], { ...opts, allowOverset });
      for (const line of outcome ? fitLines(outcome.report) : []) log(`${name}: ${line}`);
      const measurement = (v.spread ?? v.paged).measurement;
      const warnings = checkFit(edition, measurement, allowOverset, outcome);
      fitted = { measurement, warnings, ...(outcome ? { outcome } : {}) };
      return fitted;
    },
    async print(o) {
      const v = views();
      const f = fitted ?? (await this.fit());
      log(`${name}: writing PDF`);
      const pdf = await finishPdf(edition, v.paged, f.measurement);
      const spreadPdf = v.spread ? await finishPdf(edition, v.spread, f.measurement, 2) : undefined;
      return writeOutputs(edition, { pdf, spreadPdf }, f.measurement, f.warnings, o, f.outcome);
    },
    async close() {
      await paged?.close();
      await spread?.close();
      paged = spread = undefined;
    },
  };
}
