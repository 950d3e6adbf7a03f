// Preflight: checks a PDF against the print, archive or screen profile and reports every finding.
import type { RunOptions } from '../print/run.ts';
import { loadPlain } from './load.ts';
import { rulesFor } from './rules.ts';
import type { Check, PreflightExpect, PreflightProfile, PreflightReport, RuleContext } from './types.ts';
import { formatReport, reportJson } from './format.ts';

export type { Check, PreflightExpect, PreflightProfile, PreflightReport } from './types.ts';
export { formatReport, reportJson } from './format.ts';
export { RULES } from './rules.ts';

/** Runs every rule of the profile; the external ones (qpdf, Ghostscript) run concurrently. */
export async function preflight(
  pdf: string,
  profile: PreflightProfile,
  expect: PreflightExpect,
  opts: RunOptions = {},
): Promise<PreflightReport> {
  const run: RunOptions = { timeoutMs: 60_000, ...opts };
  const ctx: RuleContext = { doc: await loadPlain(pdf, run), pdf, profile, expect, run };
  const checks: Check[] = await Promise.all(
    rulesFor(profile).map(async (r) => ({ ...(await r.check(ctx)), name: r.id, clause: r.clause })),
  );
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
