// How the CLI prints warnings: a kind that comes a few times is listed; one that comes many times (23,555
// hand-typed numbers, 12 loose lines) is one summary line with the first of them, and --verbose lists all.
import { formatWarning, type Warning } from '../errors/FolioError.ts';
import { warningCatalogue } from '../errors/catalogue.ts';

/** More of one kind than this and they are summed up. */
export const GROUP_ABOVE = 3;

export function warningLines(warnings: Warning[], verbose: boolean, cwd = process.cwd()): string[] {
  if (verbose) return warnings.map((w) => formatWarning(w, cwd));
  const byCode = new Map<string, Warning[]>();
  for (const w of warnings) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w]);
  const lines: string[] = [];
  for (const [code, group] of byCode) {
    if (group.length <= GROUP_ABOVE) {
      lines.push(...group.map((w) => formatWarning(w, cwd)));
      continue;
    }
    const meaning = warningCatalogue[code as keyof typeof warningCatalogue]?.meaning ?? code;
    const first = formatWarning(group[0]!, cwd);
    lines.push(
      `${first} — and ${group.length - 1} more ${code} warnings (${meaning}); --verbose lists them all`,
    );
  }
  return lines;
}
