// What one edition's build came to, in a form that crosses process boundaries (pool children, queue jobs).
import { basename } from 'node:path';
import { FolioError, FolioErrors, formatWarning } from '../errors/FolioError.ts';
import type { BuildResult } from '../output/report.ts';

/** One edition to build: what `folio build` and a queue job both carry. */
export interface EditionJob {
  dir: string;
  outDir: string;
  draft?: boolean;
  allowOverset?: boolean;
  timeoutMs: number;
}

export interface EditionOutcome {
  dir: string;
  edition: string;
  ok: boolean;
  pages: number;
  seconds: number;
  result?: BuildResult;
  /** `file:line:col: what — what to do` for each error of a failed edition. */
  errors: string[];
  /** The same errors as `folio build --json` prints them. */
  errorsJson: Array<Record<string, unknown>>;
  /** Formatted warnings of a built edition. */
  warnings: string[];
  /** Stopped by Ctrl-C / SIGTERM rather than by its content. */
  aborted?: boolean;
}

export function succeeded(job: EditionJob, result: BuildResult, seconds: number): EditionOutcome {
  return {
    dir: job.dir,
    edition: result.edition,
    ok: true,
    pages: result.pages,
    seconds,
    result,
    errors: [],
    errorsJson: [],
    warnings: result.warnings.map((w) => formatWarning(w)),
  };
}

export function failed(job: EditionJob, e: unknown, seconds: number): EditionOutcome {
  const list = e instanceof FolioErrors ? e.errors : e instanceof FolioError ? [e] : undefined;
  const base = { dir: job.dir, edition: basename(job.dir), ok: false, pages: 0, seconds, warnings: [] };
  if (list) {
    return {
      ...base,
      errors: list.map((x) => x.format()),
      errorsJson: list.map((x) => x.toJSON()),
      aborted: list.every((x) => x.code === 'Aborted'),
    };
  }
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  return {
    ...base,
    errors: [`folio: internal error: ${message} — please report this with FOLIO_DEBUG=1 output`],
    errorsJson: [{ code: 'Internal', message }],
  };
}
