// The build report: the stable JSON `folio build --json` prints and report.json stores.
import type { GridBy } from '../render/compose.ts';
import type { Warning } from '../errors/FolioError.ts';
import type { PreflightReport } from '../preflight/index.ts';
import type { Figure } from '../figures/schema.ts';
import type { Measurement } from '../paginate/measure.ts';
import type { FigureUse } from '../markdown/env.ts';
import type { FitReport } from '../fit/report.ts';

export interface FigureReport {
  text: string;
  pages: number[];
  blocks: Array<{ article: string; module: string; block: string; line: number }>;
}

export interface BuildResult {
  edition: string;
  pages: number;
  outputs: Record<string, string>;
  figures: Record<string, FigureReport>;
  warnings: Array<Warning>;
  /** Who drew the grid: edition.yaml, or the composer (which alternative, how far it searched). */
  layout?: GridBy;
  /** One line per press file: absent for draft builds. */
  preflight?: Array<{ file: string; profile: string; ok: boolean; failed: string[] }>;
  /** The fit stage's report: every page and module with its box, slack and adjustments. */
  fit?: FitReport;
}

export function reportJson(r: BuildResult): string {
  return JSON.stringify(r, null, 2) + '\n';
}

export function summary(r: PreflightReport): NonNullable<BuildResult['preflight']>[number] {
  return {
    file: r.file,
    profile: r.profile,
    ok: r.ok,
    failed: r.checks.filter((c) => !c.ok).map((c) => c.name),
  };
}

interface Built {
  source: { name: string; config: { pages: number[] } };
  pages: Array<{ number: number; gridBy?: GridBy }>;
  figures: { figures: Map<string, Figure> };
  uses: FigureUse[];
}

export function buildReport(
  e: Built,
  m: Measurement,
  warnings: Warning[],
  outputs: Record<string, string>,
  format: (f: Figure, variant: 'full') => string,
): BuildResult {
  const figures: Record<string, FigureReport> = {};
  for (const f of e.figures.figures.values()) {
    const printed = e.source.config.pages;
    const pages = (m.figurePages[f.id] ?? []).map((i) => printed[i] ?? i + 1).sort((a, b) => a - b);
    const blocks = e.uses
      .filter((u) => u.id === f.id)
      .map((u) => ({ article: u.article, module: u.module, block: u.block, line: u.line }));
    figures[f.id] = { text: format(f, 'full'), pages, blocks };
  }
  const layout = e.pages[0]?.gridBy;
  return {
    edition: e.source.name,
    pages: e.source.config.pages.length,
    outputs,
    figures,
    warnings,
    ...(layout ? { layout } : {}),
  };
}
