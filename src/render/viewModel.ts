// Turns an edition's config, articles and composed pages into the data the templates read.
import type { EditionSource } from '../content/load.ts';
import type { PageGeometry } from '../config/presets.ts';
import { mainArticle, type ComposedPage } from './compose.ts';
import type { RenderedArticle } from '../markdown/article.ts';

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  date: string;
  lang: string;
}

export function documentMeta(source: EditionSource, articles: RenderedArticle[]): DocumentMeta {
  const main = mainArticle(articles)!.front;
  const authors = [...new Set(articles.flatMap((a) => a.front.authors))];
  const keywords = [
    ...new Set([
      source.config.newspaper,
      source.config.section,
      ...articles.flatMap((a) => a.front.keywords),
    ]),
  ];
  return {
    title: main.title,
    author: authors.join('、') || source.config.newspaper,
    subject: main.summary ?? main.subtitle ?? main.title,
    keywords,
    date: source.config.date,
    lang: 'zh-CN',
  };
}

/** 2021年9月27日 星期一 */
export function chineseDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = new Intl.DateTimeFormat('zh-CN', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const weekday = new Intl.DateTimeFormat('zh-CN', { weekday: 'long', timeZone: 'UTC' });
  return `${day.format(d)} ${weekday.format(d)}`;
}

export function pageView(source: EditionSource, page: ComposedPage, geometry: PageGeometry) {
  const halves = page.numbers.map((n, i) => ({
    label: String(n).padStart(2, '0'),
    side: page.numbers.length === 1 ? 'single' : i === 0 ? 'left' : 'right',
    newspaper: source.config.newspaper,
    section: source.config.section,
    date: chineseDate(source.config.date),
  }));
  const cols = `repeat(${geometry.columns}, 1fr)`;
  return {
    ...page,
    halves,
    spread: page.numbers.length > 1,
    gridAreas: page.areas.map((r) => `"${r}"`).join(' '),
    gridRows: page.rows.map(rowSize).join(' '),
    rowWeights: page.rows.map((r) => (typeof r === 'number' ? r : 0)).join(' '),
    // A spread's two column sets sit either side of the spine: both inner margins wide.
    gridColumns:
      page.numbers.length > 1
        ? `${cols} calc(var(--m-left) + var(--m-right) - 2 * var(--gutter)) ${cols}`
        : cols,
    editors: source.config.editors,
  };
}

/** The physical PDF pages of one printing: a sheet whole, or each half of a spread cut out. */
export function printedPages(views: ReturnType<typeof pageView>[], cut: boolean) {
  return views.flatMap((sheet) =>
    cut
      ? sheet.numbers.map((number, half) => ({ sheet, number, half, clip: true }))
      : [{ sheet, number: sheet.number, half: 0, clip: false }],
  );
}

/** A number is a share of the free height, but never less than the row's content needs. */
function rowSize(r: number | string): string {
  return typeof r === 'number' ? `minmax(min-content, ${r}fr)` : r;
}
