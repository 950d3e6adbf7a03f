// The one error class users see: a catalogue code, details, and where in their input it happened.
import {
  catalogue,
  type DetailsOf,
  type ErrorCode,
  type SourcePosition,
  type WarningCode,
} from './catalogue.ts';

export class FolioError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: DetailsOf<C>;
  readonly position: SourcePosition | undefined;
  readonly hint: string;

  constructor(code: C, details: DetailsOf<C>, position?: SourcePosition, options?: { cause?: unknown }) {
    const e = catalogue[code] as unknown as {
      message: (d: DetailsOf<C>) => string;
      hint: (d: DetailsOf<C>) => string;
    };
    super(e.message(details), options);
    this.name = 'FolioError';
    this.code = code;
    this.details = details;
    this.position = position;
    this.hint = e.hint(details);
  }

  /** `file:line:col: what is wrong — what to do`, the one line a user sees. */
  format(cwd = process.cwd()): string {
    return `${formatPosition(this.position, cwd)}${this.message} — ${this.hint}`;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      hint: this.hint,
      file: this.position?.file,
      line: this.position?.line,
      column: this.position?.column,
    };
  }
}

function formatPosition(p: SourcePosition | undefined, cwd: string): string {
  if (!p) return '';
  const file = p.file.startsWith(cwd + '/') ? p.file.slice(cwd.length + 1) : p.file;
  if (!p.line) return `${file}: `;
  return `${file}:${p.line}:${p.column || 1}: `;
}

export function isFolioError(e: unknown): e is FolioError {
  return e instanceof FolioError;
}

/** A non-fatal finding, e.g. a figure defined and never used. */
export interface Warning {
  /** One of src/errors/catalogue.ts warningCatalogue. */
  code: WarningCode;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export function formatWarning(w: Warning, cwd = process.cwd()): string {
  const pos = w.file ? formatPosition({ file: w.file, line: w.line ?? 0, column: w.column ?? 0 }, cwd) : '';
  return `${pos}warning: ${w.message}`;
}

/** Several user errors found in one pass (folio check reports them all). */
export class FolioErrors extends Error {
  readonly errors: FolioError[];
  constructor(errors: FolioError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'FolioErrors';
    this.errors = errors;
  }
}

/** Throws the collected errors, if any: one as itself, several as FolioErrors. */
export function throwIfAny(errors: FolioError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new FolioErrors(errors);
}
