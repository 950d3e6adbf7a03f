// What one watch re-render did, as data for tests and as the lines the CLI prints.
import { relative } from 'node:path';
import { FolioError, FolioErrors } from '../errors/FolioError.ts';
import type { Measurement } from '../paginate/measure.ts';
import type { LaidOutEdition } from '../pipeline.ts';
import type { BuildResult } from '../output/report.ts';
import { diffFigures, reachOf, type FigureChange, type FigureReach } from './figures.ts';

export interface ChangeResult {
  ok: boolean;
  /** patch: modules swapped in the live page; full: Paged.js re-paginated; unchanged: nothing to print. */
  mode: 'patch' | 'full' | 'unchanged' | 'failed';
  /** Why a full re-paginate was needed. */
  reason?: string;
  paths: string[];
  figures: Array<FigureChange & FigureReach>;
  /** Modules re-rendered, by key. */
  modules: string[];
  /** Newspaper page numbers re-rendered. */
  pages: number[];
  ms: number;
  report?: BuildResult;
  /** The error of a failed render; the last good PDF was kept. */
  error?: unknown;
  /** With WatchOptions.snapshot: the pages as laid out and fitted, as static HTML. */
  html?: string;
  /** Whether a good PDF exists that a failed render left alone (false: none was ever written). */
  kept?: boolean;
}

/** Changed figures with the modules and pages they touch, before and after the change. */
export function figureReport(
  baseline: { edition?: LaidOutEdition; measurement?: Measurement },
  next: LaidOutEdition,
  measurement: Measurement | undefined,
): ChangeResult['figures'] {
  const prev = baseline.edition;
  if (!prev) return [];
  const numbers = (e: LaidOutEdition) => e.pages.map((p) => p.number);
  return diffFigures(prev.figures.figures, next.figures.figures).map((change) => {
    const after = reachOf(change.id, next.uses, measurement?.pageFigures ?? [], numbers(next));
    const before = reachOf(change.id, prev.uses, baseline.measurement?.pageFigures ?? [], numbers(prev));
    const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];
    return {
      ...change,
      modules: union(after.modules, before.modules),
      pages: union(after.pages, before.pages).sort((x, y) => x - y),
      blocks: after.blocks.length ? after.blocks : before.blocks,
    };
  });
}

/** The stderr lines for one re-render: files, figures old → new, pages, time; or the error. */
export function describeChange(r: ChangeResult, editionDir: string): string[] {
  const lines: string[] = [];
  const files = r.paths.map((p) => relative(editionDir, p) || p);
  if (files.length) lines.push(`folio: changed: ${files.join(', ')}`);
  for (const f of r.figures) {
    const where = f.pages.length ? ` (page ${f.pages.join(', ')}; ${f.modules.join(', ')})` : '';
    lines.push(`  ${f.id}: ${f.before ?? '(new)'} → ${f.after ?? '(removed)'}${where}`);
  }
  const secs = `${(r.ms / 1000).toFixed(2)} s`;
  if (!r.ok) {
    const after = r.kept === false ? 'no PDF written yet: fix the error above' : 'kept the last good PDF';
    lines.push(...errorLines(r.error), `folio: ${after} (${secs})`);
  } else if (r.mode === 'unchanged') {
    lines.push(`folio: no page changed (${secs})`);
  } else {
    const what =
      r.mode === 'patch'
        ? `re-rendered page ${r.pages.join(', ')} (${r.modules.join(', ')})`
        : `re-paginated ${r.pages.length} page(s): ${r.reason}`;
    lines.push(`folio: ${what} in ${secs} → ${r.report?.outputs['pdf'] ?? ''}`);
  }
  return lines;
}

/** Catalogue errors as `file:line:col: what — what to do`; anything else as one line. */
export function errorLines(e: unknown): string[] {
  if (e instanceof FolioErrors) return e.errors.map((x) => x.format());
  if (e instanceof FolioError) return [e.format()];
  return [`folio: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`];
}
