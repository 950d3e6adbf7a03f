// Warnings about how figures are used: defined but never used, or a number typed by hand instead.
import { FolioError, type Warning } from '../errors/FolioError.ts';
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
  return handTyped(articles, figures, literals).flatMap(({ text, figure, ...at }) =>
    figure
      ? [
          {
            code: 'HandTypedFigure' as const,
            message: `"${text}" is typed by hand but equals figure ${figure.id} — write {{${figure.id}}} instead`,
            ...at,
          },
        ]
      : [],
  );
}

/** strictNumbers: every number typed in the prose that is not a literal is an error at its position. */
export function strictNumberErrors(
  articles: Article[],
  figures: Map<string, Figure>,
  literals: string[],
): FolioError[] {
  return handTyped(articles, figures, literals).map(
    ({ text, figure, ...at }) => new FolioError('HandTypedNumber', { text, figure: figure?.id }, at),
  );
}

/** Every number typed in the prose (not a reference, a block line or a literal), with the figure it equals. */
function handTyped(articles: Article[], figures: Map<string, Figure>, literals: string[]) {
  const byValue = new Map<string, Figure>();
  for (const f of figures.values()) byValue.set(formatFigure(f, 'value'), f);
  const out: { text: string; figure: Figure | undefined; file: string; line: number; column: number }[] = [];
  for (const a of articles) {
    // Blank the references (same length) so indexes still map to the source.
    const text = a.body
      .replace(REF, (m) => ' '.repeat(m.length))
      .replace(DIRECTIVE, (m) => ' '.repeat(m.length));
    for (const hit of findHandTypedNumbers(text, literals)) {
      const number = hit.match.match(/\d+(?:\.\d+)?/)?.[0] ?? hit.match;
      const before = text.slice(0, hit.index);
      out.push({
        text: hit.match,
        figure: byValue.get(number),
        file: a.file,
        line: a.bodyLineOffset + before.split('\n').length,
        column: hit.index - before.lastIndexOf('\n'),
      });
    }
  }
  return out;
}
