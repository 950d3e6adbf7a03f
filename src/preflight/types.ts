// The preflight report: one entry per check, with per-page values where a check measures pages.
import type { PageGeometry } from '../print/options.ts';

export type PreflightProfile = 'print' | 'archive' | 'screen';

export interface PreflightExpect {
  page: PageGeometry;
  /** Smallest allowed size for text printed in more than one ink (points). */
  minTextPt: number;
  /** Total ink limit in percent (print only). */
  tac: number;
  /** Smallest allowed effective image resolution at placed size. */
  minPpi: number;
}

export interface PageValue {
  page: number;
  value: number | string;
  ok: boolean;
}

export interface Check {
  name: string;
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
