// Decides whether the laid-out pages fit: every module holds its text, and no extra page appeared.
import { FolioError, throwIfAny, type Warning } from '../errors/FolioError.ts';
import type { Measurement } from './measure.ts';

/** What the fit stage found (src/fit/): collisions are errors like overset; the rest are warnings. */
interface Fitted {
  errors: FolioError[];
  warnings: Warning[];
}

interface Laid {
  source: {
    configFile: string;
    articles: Array<{ slug: string; file: string }>;
    config: { pages: number[] };
  };
  pages: Array<{ number: number }>;
}

export function checkFit(e: Laid, m: Measurement, allowOverset: boolean, fit?: Fitted): Warning[] {
  if (m.pageCount !== e.pages.length) {
    throw new FolioError(
      'PageOverflow',
      { expected: e.pages.length, got: m.pageCount },
      { file: e.source.configFile, line: 0, column: 0 },
    );
  }
  const errors: FolioError[] = m.overset.map((o) => {
    const article = e.source.articles.find((a) => a.slug === o.article);
    const page = e.source.config.pages[o.page] ?? o.page + 1;
    return new FolioError(
      'Overset',
      { module: o.module, article: o.article, page, overflowMm: o.overflowMm },
      { file: article?.file ?? e.source.configFile, line: o.line, column: 0 },
    );
  });
  // A module that overflows is reported once, as overset; every other collision is reported too.
  const overset = new Set(m.overset.map((o) => o.module));
  for (const c of fit?.errors ?? [])
    if (!overset.has((c.details as { module: string }).module)) errors.push(c);
  if (!allowOverset) throwIfAny(errors);
  const found = errors.map((err) => ({
    code: 'Overset' as const,
    message: err.message,
    file: err.position?.file,
    line: err.position?.line,
    column: err.position?.column,
  }));
  return [...found, ...(fit?.warnings ?? [])];
}
