// Fits each paginated view of an edition (a spread's whole sheet and its cut pages) the same way, and
// measures them again; the first view's findings are the edition's.
import type { Paginated } from '../paginate/paged.ts';
import { withTimeout } from '../paginate/timeout.ts';
import { fitPages, SPINE, type FitEdition, type FitOptions, type FitOutcome } from './index.ts';
import { clearSpineInPage } from './spine.ts';
import { captureInPage, replayInPage, type FittedState } from './replay.ts';

export { fitLines } from './report.ts';
export type { FitOutcome } from './index.ts';

export async function fitViews(
  e: FitEdition,
  views: Array<Paginated | undefined>,
  opts: FitOptions,
): Promise<FitOutcome | undefined> {
  if (!e.source.config.fit.enabled) return undefined;
  let first: FitOutcome | undefined;
  let state: FittedState | undefined;
  for (const view of views) {
    if (!view) continue;
    const run = <T>(p: Promise<T>, step: string) => withTimeout(p, opts.timeoutMs, step, opts.signal);
    if (!first || !state) {
      first = await fitPages(view.page, e, opts);
      state = await run(view.page.evaluate(captureInPage), 'reading the fitted pages');
    } else {
      await run(view.page.evaluate(replayInPage, state), 'fitting the cut pages');
      // The fold lies at the same place in every view of the sheet: cleared the same way.
      await run(view.page.evaluate(clearSpineInPage, SPINE), 'clearing the fold');
    }
    await view.remeasure();
  }
  return first;
}
