// Human-readable preflight table (for stderr) and the JSON form.
import type { PreflightReport } from './types.ts';

export function formatReport(r: PreflightReport): string {
  const width = Math.max(...r.checks.map((c) => c.name.length), 5);
  const lines = [`preflight ${r.profile}: ${r.file}`];
  for (const c of r.checks) {
    lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(width)}  ${c.details}`);
    // Per-page values only where they explain a failure; a 24-page edition would drown the table.
    for (const p of c.ok ? [] : (c.pages ?? []).filter((v) => !v.ok)) {
      lines.push(`        ${''.padEnd(width)}  page ${p.page}: ${p.value}`);
    }
  }
  const defects = r.checks.filter((c) => !c.ok).length;
  lines.push(defects ? `${defects} defect(s)` : 'no defects');
  return lines.join('\n');
}

export function reportJson(r: PreflightReport): string {
  return JSON.stringify(r, null, 2);
}
