// The preflight report: one entry per check, with per-page values where a check measures pages.
import type { PDFDocument } from 'pdf-lib';
import type { InkRules } from '../print/inks.ts';
import type { PageGeometry } from '../print/options.ts';
import type { RunOptions } from '../print/run.ts';

export type PreflightProfile = 'print' | 'archive' | 'screen';

export interface PreflightExpect {
  page: PageGeometry;
  /** Smallest allowed size for text printed in more than one ink (points). */
  minTextPt: number;
  /** Total ink limit in percent (print only). */
  tac: number;
  /** Smallest allowed effective image resolution at placed size. */
  minPpi: number;
  /** The press ink rules the print file was made to obey (print only; defaults when absent). */
  inks?: InkRules;
}

export interface PageValue {
  page: number;
  value: number | string;
  ok: boolean;
}

export interface Check {
  /** The rule's stable id, e.g. `pdfx.boxes` (also what report.json lists as failed). */
  name: string;
  /** The clause the rule implements, e.g. "ISO 19005-2 §6.1.3". */
  clause?: string;
  ok: boolean;
  details: string;
  pages?: PageValue[];
}

export interface PreflightReport {
  file: string;
  profile: PreflightProfile;
  ok: boolean;
  checks: Check[];
}

export const pass = (name: string, details: string, pages?: PageValue[]): Check => ({
  name,
  ok: true,
  details,
  ...(pages ? { pages } : {}),
});

export const fail = (name: string, details: string, pages?: PageValue[]): Check => ({
  name,
  ok: false,
  details,
  ...(pages ? { pages } : {}),
});

/** What every rule gets: the parsed document, the file on disk (for external tools) and the expectations. */
export interface RuleContext {
  doc: PDFDocument;
  pdf: string;
  profile: PreflightProfile;
  expect: PreflightExpect;
  run: RunOptions;
}

export interface Rule {
  id: string;
  clause: string;
  profiles: readonly PreflightProfile[];
  /** One line for the README table: what a failure means. */
  catches: string;
  check(ctx: RuleContext): Check | Promise<Check>;
}
