// Warnings about how figures are used: defined but never used, or a number typed by hand instead.
import type { Warning } from '../errors/FolioError.ts';
import type { Article } from '../content/load.ts';
import type { FigureUse } from '../markdown/env.ts';
import type { Figure } from './schema.ts';
import { formatFigure } from './format.ts';
import { findHandTypedNumbers } from './handTyped.ts';

export function unusedFigures(figures: Map<string, Figure>, uses: FigureUse[]): Warning[] {
  const used = new Set(uses.map((u) => u.id));
  return [...figures.values()]
    .filter((f) => !used.has(f.id))
    .map((f) => ({
      code: 'FigureUnused',
      message: `figure ${f.id} is defined but never used — reference it or remove it`,
      file: f.file,
      line: f.line,
      column: 1,
    }));
}

const REF = /\{\{[^{}]*\}\}/g;
/** Block lines (::: stats … cols=3) hold options, not prose. */
const DIRECTIVE = /^[ \t]*:::.*$/gm;

/** A number in the prose that equals a defined figure's printed value should be a reference. */
export function handTypedFigures(
  articles: Article[],
  figures: Map<string, Figure>,
  literals: string[],
): Warning[] {
  const byValue = new Map<string, Figure>();
  for (const f of figures.values()) byValue.set(formatFigure(f, 'value'), f);
  const out: Warning[] = [];
  for (const a of articles) {
    // Blank the references (same length) so indexes still map to the source.
    const text = a.body
      .replace(REF, (m) => ' '.repeat(m.length))
      .replace(DIRECTIVE, (m) => ' '.repeat(m.length));
    for (const hit of findHandTypedNumbers(text, literals)) {
      const number = hit.match.match(/\d+(?:\.\d+)?/)?.[0] ?? hit.match;
      const figure = byValue.get(number);
      if (!figure) continue;
      const before = text.slice(0, hit.index);
      const line = a.bodyLineOffset + before.split('\n').length;
      out.push({
        code: 'HandTypedFigure',
        message: `"${hit.match}" is typed by hand but equals figure ${figure.id} — write {{${figure.id}}} instead`,
        file: a.file,
        line,
        column: hit.index - before.lastIndexOf('\n'),
      });
    }
  }
  return out;
}
