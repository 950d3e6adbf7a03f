// The one shape `folio check --json` prints, whether the edition passed, failed or Folio itself failed.
import { basename, resolve } from 'node:path';
import type { CheckedEdition } from '../check.ts';
import { FolioError, FolioErrors, type Warning } from '../errors/FolioError.ts';

export interface CheckReport {
  edition: string;
  ok: boolean;
  counts: {
    errors: number;
    warnings: number;
    /** null when the check stopped before the figures were loaded or the articles were read. */
    figures: number | null;
    references: number | null;
  };
  errors: Array<Record<string, unknown>>;
  warnings: Warning[];
}

export function checkReport(dir: string, outcome: CheckedEdition | { error: unknown }): CheckReport {
  if ('error' in outcome) {
    const errors = errorList(outcome.error);
    const counts = { errors: errors.length, warnings: 0, figures: null, references: null };
    return { edition: basename(resolve(dir)), ok: false, counts, errors, warnings: [] };
  }
  const { source, figures, uses, warnings } = outcome;
  const counts = {
    errors: 0,
    warnings: warnings.length,
    figures: figures.figures.size,
    references: uses.length,
  };
  return { edition: source.name, ok: true, counts, errors: [], warnings };
}

function errorList(e: unknown): Array<Record<string, unknown>> {
  if (e instanceof FolioErrors) return e.errors.map((x) => x.toJSON());
  if (e instanceof FolioError) return [e.toJSON()];
  return [{ code: 'Internal', message: e instanceof Error ? e.message : String(e) }];
}
