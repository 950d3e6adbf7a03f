// Preflight: checks a PDF against the print, archive or screen profile and reports every finding.
import { loadPlain } from './load.ts';
import type { RunOptions } from '../print/run.ts';
import { checkColour } from './colour.ts';
import { formatReport, reportJson } from './format.ts';
import { checkInk } from './ink.ts';
import { checkMetadata, checkOutputIntent } from './metadata.ts';
import { checkSmallText } from './text.ts';
import { checkBoxes, checkFonts, checkImages, checkSyntax } from './tools.ts';
import {
  pass,
  type Check,
  type PreflightExpect,
  type PreflightProfile,
  type PreflightReport,
} from './types.ts';

export type { Check, PreflightExpect, PreflightProfile, PreflightReport } from './types.ts';
export { formatReport, reportJson } from './format.ts';

export async function preflight(
  pdf: string,
  profile: PreflightProfile,
  expect: PreflightExpect,
  opts: RunOptions = {},
): Promise<PreflightReport> {
  const o: RunOptions = { timeoutMs: 60_000, ...opts };
  const doc = await loadPlain(pdf, o);
  const isPrint = profile === 'print';
  // The external tools run concurrently; the pdf-lib scans run meanwhile on this thread.
  const external: Promise<Check>[] = [
    checkSyntax(pdf, o),
    checkFonts(pdf, o),
    checkBoxes(pdf, expect, o),
    checkImages(pdf, expect, o),
    isPrint ? checkInk(pdf, expect.tac, o) : Promise.resolve(pass('total ink', 'not checked for RGB files')),
  ];
  const local: Check[] = [
    isPrint ? checkColour(doc) : pass('colour', 'RGB allowed'),
    isPrint
      ? checkSmallText(doc, expect.minTextPt)
      : pass('small four-colour text', 'not checked for RGB files'),
    checkMetadata(doc, profile),
    checkOutputIntent(doc, profile),
  ];
  const checks = [...(await Promise.all(external)), ...local];
  return { file: pdf, profile, ok: checks.every((c) => c.ok), checks };
}

export interface PreflightCommandOptions {
  profile: PreflightProfile;
  expect: PreflightExpect;
  json?: boolean;
  signal?: AbortSignal;
  /** Where output goes; the CLI passes process streams, tests pass collectors. */
  stdout?: { write(s: string): unknown };
  stderr?: { write(s: string): unknown };
}

/** For the CLI: JSON on stdout with --json, otherwise the table on stderr; exit code 1 on any defect. */
export async function runPreflightCommand(pdf: string, opts: PreflightCommandOptions): Promise<number> {
  const report = await preflight(pdf, opts.profile, opts.expect, { signal: opts.signal });
  if (opts.json) (opts.stdout ?? process.stdout).write(reportJson(report) + '\n');
  else (opts.stderr ?? process.stderr).write(formatReport(report) + '\n');
  return report.ok ? 0 : 1;
}
