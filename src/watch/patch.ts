// The warm path: swap the changed modules into the live paginated pages and re-print only their pages.
import { withTimeout } from '../paginate/timeout.ts';
import { checkFit } from '../paginate/fit.ts';
import type { Warning } from '../errors/FolioError.ts';
import type { LaidOutEdition } from '../pipeline.ts';
import { diffModulesInPage, patchModulesInPage, type ModuleDiff, type Patched } from './dom.ts';
import { splicePages } from './splice.ts';
import { measurementOf, outlineFor, type Pdfs, type View } from './views.ts';

export const PRODUCER = 'Folio (Paged.js, Chromium, pdf-lib)';

export interface PatchContext {
  timeoutMs: number;
  signal?: AbortSignal;
  allowOverset: boolean;
}

export type PatchOutcome =
  | { kind: 'needs-full'; reason: string }
  | { kind: 'unchanged' }
  | { kind: 'patched'; modules: string[]; pageNumbers: number[]; pdfs: Pdfs; fitWarnings: Warning[] };

/**
 * `shown` is the edition the live views show; `previous` the PDFs last written. Calls `onMutated`
 * before touching a DOM, so that a failure after that point can force a full re-paginate.
 */
export async function patchEdition(
  views: View[],
  shown: LaidOutEdition,
  next: LaidOutEdition,
  previous: Pdfs,
  ctx: PatchContext,
  onMutated: () => void,
): Promise<PatchOutcome> {
  const inPage = <T>(p: Promise<unknown>, step: string) =>
    withTimeout(p as Promise<T>, ctx.timeoutMs, step, ctx.signal);
  if (
    views.some(
      (v) => v.kind.html(shown) === undefined || v.kind.html(next) === undefined || !previous[v.kind.name],
    )
  )
    return { kind: 'needs-full', reason: 'the edition layout changed' };
  // The views are separate pages (separate renderers): each step runs on all of them at once.
  const diffs = await Promise.all(
    views.map((v) =>
      inPage<ModuleDiff>(
        v.paged.page.evaluate(diffModulesInPage, v.kind.html(shown)!, v.kind.html(next)!),
        'comparing modules',
      ),
    ),
  );
  if (diffs.some((d) => d.skeletonChanged)) return { kind: 'needs-full', reason: 'the page layout changed' };
  if (diffs.every((d) => d.changed.length === 0)) return { kind: 'unchanged' };
  onMutated();
  const patched = await Promise.all(
    views.map(async (v, i) => {
      const changed = diffs[i]!.changed;
      const p = await inPage<Patched>(
        v.paged.page.evaluate(patchModulesInPage, v.kind.html(next)!, changed),
        'replacing modules',
      );
      if (p.pages.length) await v.paged.remeasure();
      return p;
    }),
  );
  const missing = patched.flatMap((p) => p.missing);
  if (missing.length) return { kind: 'needs-full', reason: `module ${missing.join(', ')} not on the page` };
  const measurement = measurementOf(views);
  const fitWarnings = checkFit(next, measurement, ctx.allowOverset);
  const pdfs: Pdfs = { ...previous };
  await Promise.all(
    views.map(async (v, i) => {
      const pages = patched[i]!.pages;
      if (pages.length === 0) return;
      const fresh = await v.paged.pdf(pages.map((p) => p + 1).join(','));
      pdfs[v.kind.name] = await splicePages(previous[v.kind.name]!, fresh, pages, {
        meta: next.meta,
        geometry: next.geometry,
        outline: outlineFor(measurement, v.kind.pagesWide),
        pagesWide: v.kind.pagesWide,
        producer: PRODUCER,
      });
    }),
  );
  const modules = [...new Set(diffs.flatMap((d) => d.changed))];
  return { kind: 'patched', modules, pageNumbers: patched[0]?.pageNumbers ?? [], pdfs, fitWarnings };
}
