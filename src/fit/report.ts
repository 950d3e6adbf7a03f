// The fit report (report.json `fit`): every page and module with its box, content, slack and adjustments.
import type { CheckedModule, LineIssue } from './check.ts';
import type { FittedModule } from './inPage.ts';

const MM = 25.4 / 96;
const mm = (px: number) => Math.round(px * MM * 10) / 10;

export interface FitModuleReport {
  module: string;
  /** Source line of the module (its section heading), for warnings. */
  line: number;
  box: { xMm: number; yMm: number; wMm: number; hMm: number };
  contentMm: number;
  slackMm: number;
  adjustments: string[];
  looseLines: LineIssue[];
}

export interface FitReport {
  pages: Array<{ page: number; modules: FitModuleReport[]; maxSlackMm: number; looseLines: number }>;
}

export function fitReport(checked: CheckedModule[], fitted: FittedModule[], printed: number[]): FitReport {
  const byPage = new Map<number, FitModuleReport[]>();
  for (const c of checked) {
    const f = fitted.find((x) => x.key === c.key);
    const list = byPage.get(c.page) ?? [];
    byPage.set(c.page, list);
    list.push({
      module: c.key,
      line: c.line,
      box: { xMm: mm(c.box.x), yMm: mm(c.box.y), wMm: mm(c.box.w), hMm: mm(c.box.h) },
      contentMm: mm(c.content),
      slackMm: Math.max(0, mm(c.box.h - c.content)),
      adjustments: [...(f?.steps ?? []), ...(c.retracked ? [`${c.retracked} paragraph(s) re-tracked`] : [])],
      looseLines: c.lines,
    });
  }
  return {
    pages: [...byPage.entries()]
      .sort(([a], [b]) => a - b)
      .map(([i, modules]) => ({
        page: printed[i] ?? i + 1,
        modules,
        maxSlackMm: Math.max(0, ...modules.map((m) => m.slackMm)),
        looseLines: modules.reduce((n, m) => n + m.looseLines.length, 0),
      })),
  };
}

/** One line a page for `folio build`: "page 4: 9 modules fitted, max slack 1.2 mm, 0 loose lines". */
export function fitLines(r: FitReport): string[] {
  return r.pages.map(
    (p) =>
      `page ${p.page}: ${p.modules.length} modules fitted, max slack ${p.maxSlackMm.toFixed(1)} mm, ${p.looseLines} loose lines`,
  );
}
