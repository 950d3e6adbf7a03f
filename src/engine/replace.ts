// Watch's step of the engine: which modules a new rendering changed, and the new grids put into the live
// pages (no Paged.js run); the fit stage then re-fits them as a build would.
import { withTimeout } from '../paginate/timeout.ts';
import type { LaidOutEdition } from '../pipeline.ts';
import {
  diffModulesInPage,
  pageStatesInPage,
  resetGridsInPage,
  type ModuleDiff,
  type PageState,
} from './dom.ts';
import { VIEW_KINDS, type View } from './views.ts';

export type Replaced =
  | { kind: 'needs-full'; reason: string }
  | { kind: 'unchanged' }
  /** `before`: each view's page states before the change, to find the pages that must be printed again. */
  | { kind: 'replaced'; modules: string[]; before: Map<View, PageState[]> };

interface Limits {
  timeoutMs: number;
  signal?: AbortSignal;
}

const inPage = <T>(p: Promise<unknown>, step: string, o: Limits) =>
  withTimeout(p as Promise<T>, o.timeoutMs, step, o.signal);

/** `shown` is the edition the live views show. After a 'needs-full' the views may be half replaced. */
export async function replaceInViews(
  views: View[],
  shown: LaidOutEdition,
  next: LaidOutEdition,
  o: Limits,
): Promise<Replaced> {
  const names = (e: LaidOutEdition) => VIEW_KINDS.filter((k) => k.html(e) !== undefined).map((k) => k.name);
  const open = views.map((v) => v.kind.name).join();
  if (names(shown).join() !== open || names(next).join() !== open)
    return { kind: 'needs-full', reason: 'the edition layout changed' };
  // The views are separate pages (separate renderers): each step runs on all of them at once.
  const diffs = await Promise.all(
    views.map((v) =>
      inPage<ModuleDiff>(
        v.paged.page.evaluate(diffModulesInPage, v.kind.html(shown)!, v.kind.html(next)!),
        'comparing modules',
        o,
      ),
    ),
  );
  if (diffs.some((d) => d.skeletonChanged)) return { kind: 'needs-full', reason: 'the page layout changed' };
  const modules = [...new Set(diffs.flatMap((d) => d.changed))];
  if (modules.length === 0) return { kind: 'unchanged' };
  const before = new Map<View, PageState[]>();
  await Promise.all(views.map(async (v) => before.set(v, await statesAfter(v, modules, o))));
  const reset = await Promise.all(
    views.map((v) =>
      inPage<boolean>(v.paged.page.evaluate(resetGridsInPage, v.kind.html(next)!), 'replacing modules', o),
    ),
  );
  if (reset.includes(false)) return { kind: 'needs-full', reason: 'the grids on the page changed' };
  return { kind: 'replaced', modules, before };
}

/** Each printed page's fitted state now, and whether it shows one of `keys`. */
export function statesAfter(v: View, keys: string[], o: Limits): Promise<PageState[]> {
  return inPage<PageState[]>(v.paged.page.evaluate(pageStatesInPage, keys), 'reading the pages', o);
}
