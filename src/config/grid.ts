// Where a grid problem sits in edition.yaml: the line of a grid row, the column of a module name in it.
import { readFileSync } from 'node:fs';
import { configPosition, type EditionSource } from '../content/load.ts';
import type { SourcePosition } from '../errors/catalogue.ts';

/**
 * The position of row `row` (0-based) of sheet `sheet`'s grid, and of `name` in it when given. The grid is a
 * YAML block scalar, so the row is found as text at or after the line where that grid entry starts.
 */
export function gridPosition(
  source: EditionSource,
  sheet: number,
  row?: number,
  name?: string,
): SourcePosition {
  const start = configPosition(source, ['grid', sheet]);
  const rowText =
    row === undefined ? undefined : source.config.grid?.[sheet]?.trim().split('\n')[row]?.trim();
  if (!rowText || start.line === 0) return start;
  let lines: string[];
  try {
    lines = readFileSync(source.configFile, 'utf8').split('\n');
  } catch {
    return start; // an edition made in memory
  }
  for (let i = start.line - 1; i < lines.length; i++) {
    const at = lines[i]!.indexOf(rowText);
    if (at < 0) continue;
    const word = name === undefined ? -1 : findWord(lines[i]!, name, at);
    return { file: source.configFile, line: i + 1, column: (word >= 0 ? word : at) + 1 };
  }
  return start;
}

function findWord(line: string, name: string, from: number): number {
  const m = new RegExp(`(^|\\s)(${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=\\s|$)`).exec(
    line.slice(from),
  );
  return m ? from + m.index + m[1]!.length : -1;
}

/** Module names whose cells do not form one rectangle (CSS then drops the whole grid and stacks everything). */
export function nonRectangular(areas: string[]): string[] {
  const cells = areas.map((r) => r.split(/\s+/));
  const bad: string[] = [];
  for (const name of new Set(cells.flat())) {
    if (name === '.') continue;
    const hits = cells.flatMap((r, i) => r.flatMap((n, j) => (n === name ? [[i, j] as const] : [])));
    const rows = hits.map(([i]) => i);
    const cols = hits.map(([, j]) => j);
    const [r0, r1, c0, c1] = [Math.min(...rows), Math.max(...rows), Math.min(...cols), Math.max(...cols)];
    if (hits.length !== (r1 - r0 + 1) * (c1 - c0 + 1)) bad.push(name);
  }
  return bad;
}
