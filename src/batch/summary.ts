// The end of a batch: one row per edition (edition, pages, seconds, status) and every failure's message.
import type { EditionOutcome } from './outcome.ts';

export function summaryTable(outcomes: EditionOutcome[]): string[] {
  const rows = outcomes.map((o) => [
    o.edition,
    o.ok ? String(o.pages) : '–',
    o.seconds.toFixed(1),
    o.ok ? 'ok' : o.aborted ? 'stopped' : 'failed',
  ]);
  const head = ['edition', 'pages', 'seconds', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

/** `folio: 2 of 12 editions failed:` and each failed edition's `file:line:col` messages, indented. */
export function failureLines(outcomes: EditionOutcome[]): string[] {
  const bad = outcomes.filter((o) => !o.ok);
  if (!bad.length) return [];
  const out = [`folio: ${bad.length} of ${outcomes.length} editions failed:`];
  for (const o of bad) {
    out.push(`${o.edition} (${o.dir}):`);
    for (const e of o.errors) out.push(`  ${e}`);
  }
  return out;
}
