// Figures that pass the schema and are still unlikely to be what the desk meant: a share over 100%, a negative
// count, a rank of 0, a number that prints with dozens of digits. Warnings, at the figure's value.
import { readFileSync } from 'node:fs';
import type { Warning } from '../errors/FolioError.ts';
import { formatFigure } from './format.ts';
import type { Figure } from './schema.ts';

/** More integer digits than any newspaper statistic has (a trillion 元 is 13): likely a typing slip. */
const MAX_DIGITS = 15;
const COUNTS = new Set(['count', 'money', 'ratio', 'streak']);
/** A percent measured against a plan or a base, not a share of a whole, may pass 100 (完成率143%). */
const AGAINST_A_BASE = /完成|达成|超|增|提高|同比|环比|计划|目标|相当于/;

export function implausibleFigures(figures: Map<string, Figure>): Warning[] {
  const texts = new Map<string, string[]>();
  const out: Warning[] = [];
  for (const f of figures.values()) {
    const why = implausible(f);
    if (!why) continue;
    const at = valuePosition(f, texts);
    out.push({
      code: 'FigureImplausible',
      message: `figure ${f.id}: value ${f.value} ${why}`,
      file: f.file,
      ...at,
    });
  }
  return out;
}

/** Why the figure is implausible, or undefined. */
export function implausible(f: Figure): string | undefined {
  const share = f.kind === 'percent' || (f.unit === '%' && COUNTS.has(f.kind));
  if (share && (f.value < 0 || (f.value > 100 && !AGAINST_A_BASE.test(f.label))))
    return `is a share outside 0–100% (for a rise use kind: change; a rate against a plan says so in its label: 完成率)`;
  if (COUNTS.has(f.kind) && f.value < 0)
    return `is a negative ${f.kind} and would print with a minus sign (for a fall use kind: change)`;
  if ((f.kind === 'rank' || f.kind === 'ordinal') && (f.value < 1 || !Number.isInteger(f.value)))
    return `is not a ${f.kind} (a whole number from 1)`;
  const digits = formatFigure(f, 'value')
    .replace(/[.,].*$/, '')
    .replace(/\D/g, '').length;
  if (digits > MAX_DIGITS)
    return `prints as a ${digits}-digit number; check it, or give scale: 万 or 亿 (value 476500, scale 万 → 47.65万)`;
  return undefined;
}

/** The line and column of the figure's `value` (from its definition line on), else its definition line. */
function valuePosition(f: Figure, texts: Map<string, string[]>): { line: number; column: number } {
  if (!f.line) return { line: 0, column: 0 };
  let lines = texts.get(f.file);
  if (!lines) {
    try {
      lines = readFileSync(f.file, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    texts.set(f.file, lines);
  }
  for (let i = f.line - 1; i < Math.min(lines.length, f.line + 20); i++) {
    const m = /(["']?)value\1\s*:\s*/.exec(lines[i]!);
    if (m) return { line: i + 1, column: m.index + m[0].length + 1 };
  }
  return { line: f.line, column: 1 };
}
