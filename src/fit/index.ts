// The fit stage: between pagination and printing, fills every module of the live page to its box —
// rows from content, spare height by policy, a bounded ladder per module, then checks what is left.
import type { Page } from 'puppeteer-core';
import { FolioError, type Warning } from '../errors/FolioError.ts';
import type { FitConfig } from '../content/schema.ts';
import type { ComposedPage } from '../render/compose.ts';
import { mainArticle } from '../render/compose.ts';
import type { RenderedArticle } from '../markdown/article.ts';
import { withTimeout } from '../paginate/timeout.ts';
import { describe, fitModule, type Settings } from './ladder.ts';
import { fitInPage, type FittedModule, type ProbedGrid } from './inPage.ts';
import { checkInPage, type Collision } from './check.ts';
import { fitParagraphs } from './paragraphs.ts';
import { fitHeadlinesInPage } from './headline.ts';
import { packBandsInPage } from './pack.ts';
import { clearSpineInPage } from './spine.ts';
import { solveRows, type Track } from './rows.ts';
import { fitReport, type FitReport } from './report.ts';

export type { FitReport } from './report.ts';

const PX_PER_MM = 96 / 25.4;
/** Clear space either side of a spread's fold that no head character takes. */
export const SPINE = { gapPx: 2 * PX_PER_MM };

export interface FitEdition {
  source: { configFile: string; config: { pages: number[]; fit: FitConfig; output: { minTextPt: number } } };
  articles: RenderedArticle[];
  pages: ComposedPage[];
  geometry: { bodyPt: number };
}

export interface FitOutcome {
  report: FitReport;
  warnings: Warning[];
  /** Collisions: overset errors, all of them. */
  errors: FolioError[];
}

export interface FitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  allowOverset: boolean;
}

/** Fits one paginated view in place; the PDF printed from `page` afterwards shows the fitted pages. */
export async function fitPages(page: Page, e: FitEdition, opts: FitOptions): Promise<FitOutcome> {
  const fit = e.source.config.fit;
  const debug = process.env['FOLIO_FIT_DEBUG']
    ? (l: string) => process.stderr.write(`fit: ${l}\n`)
    : undefined;
  const run = async <T>(p: Promise<T>, step: string) => {
    const t0 = Date.now();
    const out = await withTimeout(p, opts.timeoutMs, step, opts.signal);
    debug?.(`${step}: ${Date.now() - t0} ms`);
    return out;
  };
  const slack = fit.slackMm * PX_PER_MM;
  const sizeFloor = Math.min(0, e.source.config.output.minTextPt - e.geometry.bodyPt);
  const down = Math.min(fit.bodyPt, -sizeFloor);
  const min: Settings = {
    g: 1 + fit.graphics[0],
    lead: 1 + fit.leading[0],
    para: 0,
    track: -fit.trackingEm,
    size: -down,
  };
  const max: Settings = {
    g: 1 + fit.graphics[1],
    lead: 1 + fit.leading[1],
    para: fit.paragraphEm,
    track: fit.trackingEm,
    size: fit.bodyPt,
  };
  await run(
    page.evaluate(
      `globalThis.__folioFitModule = (() => { ${describe.toString()}; return ${fitModule.toString()}; })()`,
    ),
    'installing the fit stage',
  );
  // Headlines first: the head row is sized to what they become.
  await run(
    page.evaluate(fitHeadlinesInPage, { fill: fit.headlineFill, maxScale: 2.5 }),
    'fitting headlines',
  );
  await run(page.evaluate(clearSpineInPage, SPINE), 'clearing the fold');
  // Bands arranged to be full before anything is measured: the rows are solved from what they become.
  const packed = await run(
    page.evaluate(packBandsInPage, { airPx: 3 * PX_PER_MM, cellPx: 2 * PX_PER_MM }),
    'arranging the bands',
  );
  for (const p of packed)
    debug?.(
      `band ${p.module}: ${p.choice} (empty ${(p.before * 100).toFixed(0)} → ${(p.after * 100).toFixed(0)} %)`,
    );
  const probed = (await run(
    page.evaluate(fitInPage, { kind: 'probe' as const, min, max }),
    'measuring modules',
  )) as ProbedGrid[];
  const tracksOf = (g: ProbedGrid): Track[] =>
    (e.pages.find((p) => p.numbers.join(',') === g.pages)?.rows ?? []).map((r) =>
      typeof r === 'number'
        ? { kind: 'share', weight: r, px: 0 }
        : r === 'auto'
          ? { kind: 'auto', weight: 0, px: 0 }
          : { kind: 'fixed', weight: 0, px: parseFloat(r) * PX_PER_MM },
    );
  const lead = mainArticle(e.articles)?.sections.find((s) => s.key)?.key ?? '';
  const limits = {
    graphics: fit.graphics,
    leading: fit.leading,
    paragraphEm: fit.paragraphEm,
    trackingEm: fit.trackingEm,
    bodyPt: fit.bodyPt,
    sizeFloor,
    slack,
  };
  let fitted: FittedModule[] = [];
  // Measure → solve rows → fit each module → what the modules really reached (a band that wraps jumps,
  // the lead's size caps the others) goes back into the row solve, at most twice.
  for (let pass = 0; pass < 3; pass++) {
    const plans = probed.map((g) => ({
      ...solveRows(tracksOf(g), g.modules, g.total, g.gap, fit.spare),
      pages: g.pages,
    }));
    for (const [i, g] of probed.entries())
      debug?.(
        `pass ${pass} rows ${plans[i]!.heights.map((h) => (h / PX_PER_MM).toFixed(0)).join(' ')}: ` +
          g.modules
            .map((m) => `${m.key} ${(m.min / PX_PER_MM).toFixed(0)}–${(m.max / PX_PER_MM).toFixed(0)}`)
            .join(', '),
      );
    fitted = (await run(
      page.evaluate(fitInPage, { kind: 'apply' as const, plans, limits, lead }),
      'fitting modules',
    )) as FittedModule[];
    let changed = false;
    for (const g of probed)
      for (const m of g.modules) {
        const f = fitted.find((x) => x.key === m.key);
        if (!f) continue;
        if (f.box - f.height > slack && f.height < m.max - 0.5) {
          m.max = Math.max(m.min, f.height);
          changed = true;
        } else if (f.height > f.box + 0.5 && f.height > m.min + 0.5) {
          m.min = f.height;
          changed = true;
        }
      }
    if (!changed) break;
  }
  for (const f of fitted)
    debug?.(
      `${f.key}: box ${(f.box / PX_PER_MM).toFixed(1)} content ${(f.height / PX_PER_MM).toFixed(1)} mm, ${f.probes} probes, ${f.steps.join(', ')}`,
    );
  await fitParagraphs(page, { looseEm: 0.1, trackingEm: fit.trackingEm, slack }, run);
  const checked = await run(
    page.evaluate(checkInPage, { looseEm: 0.1, slack, clip: opts.allowOverset }),
    'checking the fitted pages',
  );
  // Measured and checked: modules take their whole box again, their spare spread inside (base.css).
  await run(page.evaluate(finishInPage), 'finishing the fitted pages');
  const report = fitReport(checked.modules, fitted, e.source.config.pages);
  return { report, ...findings(e, report, checked.collisions) };
}

/** Ends measuring mode (the check has read every module's content height). Free of imports. */
export function finishInPage(): void {
  for (const g of Array.from(document.querySelectorAll('.np-grid'))) g.classList.add('fit-done');
}

function findings(e: FitEdition, report: FitReport, collisions: Collision[]) {
  const fit = e.source.config.fit;
  const fileOf = (key: string) => {
    for (const p of e.pages) {
      const m = p.modules.find((x) => x.key === key);
      if (m) return m.article.file;
    }
    return e.source.configFile;
  };
  /** A module without a line of its own (a side article): its article's first block. */
  const lineOf = (key: string) => {
    for (const p of e.pages) {
      const m = p.modules.find((x) => x.key === key);
      if (m) return m.article.sections[0]?.line ?? 0;
    }
    return 0;
  };
  const printed = (i: number) => e.source.config.pages[i] ?? i + 1;
  const errors = collisions.map(
    (c) =>
      new FolioError(
        'Collision',
        { module: c.module, page: printed(c.page), what: c.what, overlapMm: c.px / PX_PER_MM },
        { file: fileOf(c.module), line: c.line, column: 0 },
      ),
  );
  const warnings: Warning[] = [];
  for (const p of report.pages) {
    for (const m of p.modules) {
      const file = fileOf(m.module);
      if (m.slackMm > 2 * fit.slackMm && !errors.length) {
        const err = new FolioError('Underset', { module: m.module, page: p.page, spareMm: m.slackMm });
        warnings.push({ code: 'Underset', message: err.message, file, line: m.line, column: 0 });
      }
      // One warning a paragraph and kind: its worst line and how many there are.
      const byLine = new Map<string, typeof m.looseLines>();
      for (const l of m.looseLines)
        byLine.set(`${l.line} ${l.kind}`, [...(byLine.get(`${l.line} ${l.kind}`) ?? []), l]);
      for (const list of byLine.values()) {
        const line = list[0]!.line || lineOf(m.module);
        const worst = list.reduce((a, b) => (b.em > a.em ? b : a));
        const err = new FolioError('LooseLine', {
          module: m.module,
          page: p.page,
          text: worst.text,
          em: worst.em,
          lines: list.length,
          kind: worst.kind,
        });
        warnings.push({ code: 'LooseLine', message: err.message, file, line, column: 0 });
      }
    }
  }
  return { errors, warnings };
}
