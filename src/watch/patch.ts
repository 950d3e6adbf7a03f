// The warm path: swap the changed modules into the live paginated page and re-print only their pages.
import type { Paginated } from '../paginate/paged.ts';
import { withTimeout } from '../paginate/timeout.ts';
import { checkFit } from '../paginate/fit.ts';
import type { Warning } from '../errors/FolioError.ts';
import type { Measurement } from '../paginate/measure.ts';
import type { LaidOutEdition } from '../pipeline.ts';
import { diffModulesInPage, patchModulesInPage, type ModuleDiff, type Patched } from './dom.ts';
import { splicePages } from './splice.ts';

export const PRODUCER = 'Folio (Paged.js, Chromium, pdf-lib)';

export interface PatchContext {
  timeoutMs: number;
  signal?: AbortSignal;
  allowOverset: boolean;
}

export type PatchOutcome =
  | { kind: 'needs-full'; reason: string }
  | { kind: 'unchanged' }
  | {
      kind: 'patched';
      modules: string[];
      pageIndexes: number[];
      pageNumbers: number[];
      pdf: Uint8Array;
      fitWarnings: Warning[];
    };

/**
 * `shown` is the edition the live page currently shows; `previousPdf` the last PDF written. Marks
 * `onMutated` before touching the DOM, so a failure after that point forces a full re-paginate.
 */
export async function patchEdition(
  paged: Paginated,
  shown: LaidOutEdition,
  next: LaidOutEdition,
  previousPdf: Uint8Array,
  ctx: PatchContext,
  onMutated: () => void,
): Promise<PatchOutcome> {
  const inPage = <T>(p: Promise<unknown>, step: string) =>
    withTimeout(p as Promise<T>, ctx.timeoutMs, step, ctx.signal);
  const diff = await inPage<ModuleDiff>(
    paged.page.evaluate(diffModulesInPage, shown.html, next.html),
    'comparing the modules',
  );
  if (diff.skeletonChanged) return { kind: 'needs-full', reason: 'the page layout changed' };
  if (diff.changed.length === 0) return { kind: 'unchanged' };
  onMutated();
  const patched = await inPage<Patched>(
    paged.page.evaluate(patchModulesInPage, next.html, diff.changed),
    'replacing the modules',
  );
  if (patched.missing.length)
    return { kind: 'needs-full', reason: `module(s) ${patched.missing.join(', ')} not found on the page` };
  const measurement = await paged.remeasure();
  const fitWarnings = checkFit(next, measurement, ctx.allowOverset);
  const fresh = await paged.pdf(patched.pages.map((i) => i + 1).join(','));
  const pdf = await splicePages(previousPdf, fresh, patched.pages, finishInput(next, measurement));
  return {
    kind: 'patched',
    modules: diff.changed,
    pageIndexes: patched.pages,
    pageNumbers: patched.pageNumbers,
    pdf,
    fitWarnings,
  };
}

/** What finishPdf gives postprocess, for a document assembled from spliced pages. */
export function finishInput(e: LaidOutEdition, m: Measurement) {
  return { meta: e.meta, geometry: e.geometry, outline: m.headings, producer: PRODUCER };
}
