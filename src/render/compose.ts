// Places an edition's modules (headline, sections, side articles) on pages as a CSS grid.
import { FolioError } from '../errors/FolioError.ts';
import { configPosition, type EditionSource } from '../content/load.ts';
import type { RenderedArticle, Section } from '../markdown/article.ts';
import { resolveGeometry } from '../config/presets.ts';
import { planLayout } from '../compose/index.ts';
import type { SourcePosition } from '../errors/catalogue.ts';
import { gridPosition, nonRectangular } from '../config/grid.ts';

export interface Module {
  key: string;
  kind: 'head' | 'section' | 'article';
  article: RenderedArticle;
  section?: Section;
  /** Newspaper columns the module spans; its text is set in that many columns. */
  span: number;
  /** Grid rows it occupies, 0-based, end exclusive. */
  rows: [number, number];
}

/** One designed sheet: a page, or for a spread (跨版) both facing pages as one grid. */
export interface ComposedPage {
  index: number;
  number: number;
  /** Printed page numbers on this sheet: one, or two for a spread. */
  numbers: number[];
  areas: string[];
  rows: Array<number | string>;
  modules: Module[];
  /** Who drew the grid: the desk in edition.yaml, or the composer (src/compose/) and which alternative. */
  gridBy: GridBy;
}

export type GridBy =
  | { by: 'edition' }
  | { by: 'composer'; alternative: number; of: number; evaluations: number; bounded: boolean; ms: number };

/** One log line: which grid the build uses. */
export function gridLine(g: GridBy | undefined): string {
  if (!g || g.by === 'edition') return 'grid: hand-written in edition.yaml';
  const bound = g.bounded ? ', search bounded' : '';
  return `grid: composed by Folio (alternative ${g.alternative} of ${g.of}; ${g.evaluations} boxes searched in ${g.ms} ms${bound}) — \`folio layout\` prints it`;
}

/** Every module an edition offers, by grid key. */
export function collectModules(articles: RenderedArticle[]): Map<string, Omit<Module, 'span' | 'rows'>> {
  const out = new Map<string, Omit<Module, 'span' | 'rows'>>();
  const main = mainArticle(articles);
  if (!main) return out;
  const others = articles.filter((a) => a !== main);
  out.set('head', { key: 'head', kind: 'head', article: main });
  for (const section of main.sections)
    out.set(section.key, { key: section.key, kind: 'section', article: main, section });
  for (const a of others) {
    if (a.sections.some((s) => s.number)) {
      for (const s of a.sections) out.set(s.key, { key: s.key, kind: 'section', article: a, section: s });
    } else {
      const key = a.slug.replace(/[^A-Za-z0-9_-]/g, '_');
      out.set(key, { key, kind: 'article', article: a });
    }
  }
  return out;
}

/** The article whose headline heads the page: the one marked role: main, else the first. */
export function mainArticle(articles: RenderedArticle[]): RenderedArticle | undefined {
  return articles.find((a) => a.front.role === 'main') ?? articles[0];
}

/** `alternative` picks one of the composer's grids (1 = its best) when edition.yaml has none. */
export function composePages(
  source: EditionSource,
  articles: RenderedArticle[],
  columns: number,
  alternative = 1,
): ComposedPage[] {
  const modules = collectModules(articles);
  const spread = source.config.layout === 'spread';
  const sheets = spread ? [source.config.pages] : source.config.pages.map((n) => [n]);
  const width = spread ? columns * 2 : columns;
  // A hand-written grid always wins; without one the composer designs the page.
  const plan = source.config.grid ? undefined : planLayout(source, modules, resolveGeometry(source.config));
  const alt = plan?.alternatives[Math.min(alternative, plan.alternatives.length) - 1];
  const grid = source.config.grid ?? alt!.sheets.map((s) => s.areas.join('\n'));
  const gridBy: ComposedPage['gridBy'] = alt
    ? {
        by: 'composer',
        alternative: alt.rank,
        of: plan!.alternatives.length,
        evaluations: plan!.stats.evaluations,
        bounded: plan!.stats.bounded,
        ms: plan!.stats.ms,
      }
    : { by: 'edition' };
  if (source.config.grid && grid.length !== sheets.length)
    throw gridError(
      `has ${grid.length} page grid(s) for ${sheets.length} sheet(s); give one per ${spread ? 'spread' : 'page'}`,
      modules,
      configPosition(source, ['grid']),
    );
  const rowLists = source.config.rows;
  if (rowLists && rowLists.length !== sheets.length)
    throw new FolioError(
      'EditionConfigInvalid',
      {
        field: 'rows',
        detail: `has ${rowLists.length} list(s) of row heights for ${sheets.length} sheet(s)`,
      },
      configPosition(source, ['rows']),
    );
  const at = (sheet: number, row?: number, name?: string) =>
    source.config.grid ? gridPosition(source, sheet, row, name) : configPosition(source, ['grid']);
  const pages = sheets.map((numbers, index) => {
    const areas = (grid[index] ?? '')
      .trim()
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean);
    const bad = areas.findIndex((r) => r.split(/\s+/).length !== width);
    if (bad >= 0)
      throw gridError(
        `row ${bad + 1} of sheet ${index + 1} needs ${width} names, one per column (it has ${areas[bad]!.split(/\s+/).length})`,
        modules,
        at(index, bad),
      );
    const odd = nonRectangular(areas)[0];
    if (odd !== undefined)
      throw gridError(
        `module "${odd}" does not fill one rectangle on sheet ${index + 1} (an L shape cannot be laid out)`,
        modules,
        at(
          index,
          areas.findIndex((r) => r.split(/\s+/).includes(odd)),
          odd,
        ),
      );
    const rows = alt ? alt.sheets[index]!.rows : rowsFor(source, index, areas);
    return {
      index,
      number: numbers[0]!,
      numbers,
      areas: spread ? withSpine(areas, columns) : areas,
      rows,
      modules: [] as Module[],
      gridBy,
    };
  });
  const placed = new Set<string>();
  for (const page of pages) {
    for (const key of uniqueNames(page.areas)) {
      const m = modules.get(key);
      const where = () => at(page.index, rowNamed(page.areas, key), key);
      if (!m) throw gridError(`page ${page.number} names "${key}", which is not a module`, modules, where());
      if (placed.has(key)) throw gridError(`module "${key}" is placed twice`, modules, where());
      placed.add(key);
      page.modules.push({ ...m, span: spanOf(page.areas, key), rows: rowsOf(page.areas, key) });
    }
  }
  const missing = [...modules.keys()].filter((k) => !placed.has(k));
  if (missing.length)
    throw gridError(
      `modules not placed on any page: ${missing.join(', ')}`,
      modules,
      configPosition(source, ['grid']),
    );
  return pages;
}

function gridError(detail: string, modules: Map<string, unknown>, at: SourcePosition): FolioError {
  return new FolioError(
    'EditionConfigInvalid',
    { field: 'grid', detail: `${detail} (modules: ${[...modules.keys()].join(' ')})` },
    at,
  );
}

/** The first row of the given areas naming `key` (the spine column does not shift rows). */
function rowNamed(areas: string[], key: string): number {
  return Math.max(
    0,
    areas.findIndex((r) => r.split(/\s+/).includes(key)),
  );
}

/** A spread's grid gets a spine column between the pages; a module crossing the fold spans it. */
function withSpine(areas: string[], columns: number): string[] {
  return areas.map((r) => {
    const names = r.split(/\s+/);
    const left = names[columns - 1];
    const spine = left === names[columns] ? left! : '.';
    return [...names.slice(0, columns), spine, ...names.slice(columns)].join(' ');
  });
}

function uniqueNames(areas: string[]): string[] {
  return [...new Set(areas.flatMap((r) => r.split(/\s+/)).filter((n) => n !== '.'))];
}

function rowsOf(areas: string[], key: string): [number, number] {
  const hit = areas.map((r, i) => (r.split(/\s+/).includes(key) ? i : -1)).filter((i) => i >= 0);
  return [hit[0] ?? 0, (hit[hit.length - 1] ?? 0) + 1];
}

function spanOf(areas: string[], key: string): number {
  // The spine column is not a newspaper column, so a module crossing the fold loses one.
  const count = (r: string) => r.split(/\s+/).filter((n) => n === key).length;
  return Math.max(1, ...areas.map((r) => count(r) - (count(r) % 2 === 1 && count(r) > 8 ? 1 : 0)));
}

function rowsFor(source: EditionSource, index: number, areas: string[]): Array<number | string> {
  const given = source.config.rows?.[index];
  if (given && given.length !== areas.length) {
    throw new FolioError(
      'EditionConfigInvalid',
      { field: `rows[${index}]`, detail: `has ${given.length} heights for ${areas.length} grid rows` },
      configPosition(source, ['rows', index]),
    );
  }
  return given ?? areas.map(() => 1);
}
