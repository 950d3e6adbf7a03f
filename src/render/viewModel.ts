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
  return {
    ...page,
    label: String(page.number).padStart(2, '0'),
    gridAreas: page.areas.map((r) => `"${r}"`).join(' '),
    gridRows: page.rows.map((r) => `${r}fr`).join(' '),
    columns: geometry.columns,
    first: page.index === 0,
    newspaper: source.config.newspaper,
    section: source.config.section,
    date: chineseDate(source.config.date),
    editors: source.config.editors,
  };
}
