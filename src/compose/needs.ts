// Estimates, without a browser, how tall a module must be at a given column span: text lines at the set
// body size and leading, the section head, and its graphics band. Used to choose what Chromium measures.
import type { PageGeometry } from '../config/presets.ts';
import { bandBlocks, type BlockSize } from './blocks.ts';

const PT = 25.4 / 72;
// styles/base.css: .module-body line-height, .section-head (22 pt badge), band padding and gaps.
const LEADING = 1.62;
const SECTION_HEAD_MM = 22 * PT + 2.4 + 1.5 + 2.5;
const BAND_CHROME_MM = 6 + 3;
export const ROW_GAP_MM = 5;

export interface Metrics {
  columns: number;
  colMm: number;
  gutterMm: number;
  charMm: number;
  lineMm: number;
  /** Height the grid gets on a page: the type area less folio line and page foot. */
  gridMm: number;
}

export function metricsOf(g: PageGeometry): Metrics {
  const typeW = g.widthMm - g.marginMm.left - g.marginMm.right;
  const charMm = g.bodyPt * PT;
  // Folio line (16 pt page label, rule, 4 mm) and page foot (7.5 pt line, rule, 4 mm).
  const chrome = 16 * 1.2 * PT + 1.5 + 0.4 + 4 + 7.5 * 1.2 * PT + 4.2;
  return {
    columns: g.columns,
    colMm: (typeW - (g.columns - 1) * g.gutterMm) / g.columns,
    gutterMm: g.gutterMm,
    charMm,
    lineMm: charMm * LEADING,
    gridMm: g.heightMm - g.marginMm.top - g.marginMm.bottom - chrome,
  };
}

export interface ModuleNeed {
  key: string;
  kind: 'head' | 'section' | 'article';
  /** Characters of each paragraph of running text. */
  paragraphs: number[];
  /** `###` headings inside the text. */
  headings: number;
  /** Characters of the section title (or a side article's title). */
  titleChars: number;
  blocks: BlockSize[];
  /** Extra fixed height: byline, subtitle, continued-from line. */
  extraMm: number;
  weight: number;
}

/** Reads a module's text and band from its rendered HTML. */
export function needOf(
  key: string,
  kind: ModuleNeed['kind'],
  html: string,
  graphicsHtml: string,
  titleChars: number,
  extraMm: number,
  weight: number,
): ModuleNeed {
  const paragraphs = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => plain(m[1] ?? '').length);
  const headings = (html.match(/<h3/g) ?? []).length;
  return { key, kind, paragraphs, headings, titleChars, blocks: bandBlocks(graphicsHtml), extraMm, weight };
}

function plain(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, 'x');
}

export function widthMm(m: Metrics, cols: number): number {
  return cols * m.colMm + (cols - 1) * m.gutterMm;
}

/** Lines of running text in one column of this module's text at `cols` columns. */
export function textLines(n: ModuleNeed, m: Metrics): number {
  const perLine = Math.max(1, Math.floor(m.colMm / m.charMm));
  // A paragraph starts with a 2 em indent; a ### heading takes about 1.6 lines with its spacing.
  const lines = n.paragraphs.reduce((sum, chars) => sum + Math.ceil((chars + 2) / perLine), 0);
  return lines + n.headings * 1.6;
}

/** Height of the graphics band at this width: blocks side by side, wrapping onto rows when too narrow. */
export function bandMm(n: ModuleNeed, m: Metrics, cols: number): number {
  if (!n.blocks.length) return 0;
  const inner = widthMm(m, cols) - 6;
  let rowW = 0;
  let rowH = 0;
  let total = 0;
  for (const b of n.blocks) {
    const w = b.cols ? Math.min(widthMm(m, b.cols), inner) : b.minWidthMm;
    const h = b.ratio ? w / b.ratio + b.heightMm : b.heightMm;
    if (rowW > 0 && rowW + m.gutterMm + w > inner) {
      total += rowH;
      rowW = 0;
      rowH = 0;
    }
    rowW += (rowW > 0 ? m.gutterMm : 0) + w;
    rowH = Math.max(rowH, h);
  }
  return total + rowH + BAND_CHROME_MM;
}

/** The narrowest span whose band holds its widest block (a photo keeps its `cols=`). */
export function minCols(n: ModuleNeed, m: Metrics): number {
  let need = n.kind === 'head' ? m.columns : 2;
  for (const b of n.blocks) {
    // A photo shrinks into the band's padding (max-width: 100%), so its cols= is enough.
    if (b.cols) need = Math.max(need, b.cols);
    else while (need < m.columns && widthMm(m, need) - 6 < b.minWidthMm) need++;
  }
  return Math.min(need, m.columns);
}

/** Height the module needs at `cols` columns: head, band, text set in `cols` columns, balanced. */
export function heightMm(n: ModuleNeed, m: Metrics, cols: number): number {
  const w = widthMm(m, cols);
  const titleMm = n.kind === 'article' ? 22 * PT * 1.2 : 17 * PT * 1.2;
  const titlePerLine = Math.max(4, Math.floor((w - 15) / (n.kind === 'article' ? 22 * PT : 17 * PT)));
  const titleLines = Math.ceil(Math.max(1, n.titleChars) / titlePerLine);
  const head = n.kind === 'section' ? SECTION_HEAD_MM + (titleLines - 1) * titleMm : titleLines * titleMm;
  // Columns balance to within a line; the last column carries the remainder.
  const lines = Math.ceil(textLines(n, m) / cols + 0.5);
  return head + bandMm(n, m, cols) + lines * m.lineMm + n.extraMm;
}

/** What a module of text area covers, in column-millimetres, at two columns: a shape-free size. */
export function areaOf(n: ModuleNeed, m: Metrics): number {
  const c = Math.min(Math.max(2, minCols(n, m)), m.columns);
  return heightMm(n, m, c) * c;
}
