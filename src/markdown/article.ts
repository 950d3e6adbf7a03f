// Renders one article's Markdown into a lead and numbered sections: the modules a page is built from.
import { basename } from 'node:path';
import type { MarkdownIt } from 'markdown-it';
import type { Token } from 'markdown-it';
import type { Article } from '../content/load.ts';
import type { Figure } from '../figures/schema.ts';
import { FolioError } from '../errors/FolioError.ts';
import type { FigureUse, MarkdownEnv } from './env.ts';
import { keepDashesAttached } from './typography.ts';

export interface Section {
  /** Module key used by page grids: "lead" or "s" + number ("s06"). */
  key: string;
  /** "06" for "## 06 为民事事 为民造福"; "" for the lead. */
  number: string;
  title: string;
  /** Blocks written before the section's first paragraph: shown as a band across the module. */
  graphicsHtml: string;
  html: string;
  /** Markdown line of the heading (or of the first lead block), for layout warnings. */
  line: number;
  textLength: number;
}

export interface RenderedArticle {
  slug: string;
  file: string;
  front: Article['front'];
  sections: Section[];
}

const NUMBERED = /^(\d{1,2})\s+(.+)$/;

export function renderArticle(
  md: MarkdownIt,
  article: Article,
  figures: Map<string, Figure>,
  renderBlock?: (name: string, data: Record<string, unknown>) => string,
): { article: RenderedArticle; uses: FigureUse[]; errors: FolioError[] } {
  const env: MarkdownEnv = {
    file: article.file,
    article: article.slug,
    lineOffset: article.bodyLineOffset,
    figures,
    uses: [],
    errors: [],
    module: 'lead',
    renderBlock,
  };
  const tokens = md.parse(article.body, env as unknown as Record<string, unknown>);
  const sections = splitSections(tokens).map((part) => {
    const heading = part.heading ? (part.tokens[1]?.content ?? '') : '';
    const m = NUMBERED.exec(heading);
    const number = m?.[1] ?? '';
    const key = part.heading ? (number ? `s${number}` : `h${part.index}`) : 'lead';
    env.module = key;
    const body = part.heading ? part.tokens.slice(3) : part.tokens;
    const lead = leadingBlocks(body);
    const render = (t: Token[]) =>
      md.renderer.render(t, md.options, env as unknown as Record<string, unknown>);
    const graphicsHtml = render(body.slice(0, lead));
    const html = keepDashesAttached(render(body.slice(lead)));
    const line = article.bodyLineOffset + (part.tokens[0]?.map?.[0] ?? 0) + 1;
    return { key, number, title: m?.[2] ?? heading, graphicsHtml, html, line, textLength: textLength(body) };
  });
  env.errors.push(...duplicateNumbers(sections, article));
  return {
    article: {
      slug: article.slug,
      file: article.file,
      front: article.front,
      sections: sections.filter(nonEmpty),
    },
    uses: env.uses,
    errors: env.errors,
  };
}

/** Two `## 06` headings would be one module, the second replacing the first: a section would vanish. */
function duplicateNumbers(sections: Section[], article: Article): FolioError[] {
  return duplicateSections(sections.map((section) => ({ section, article })));
}

/**
 * The same across an edition's articles: the page has one module per number, so a second article's `## 06`
 * would replace the first's. Only pairs from different articles (within one, renderArticle reports them).
 */
export function duplicateSectionsAcross(parts: { sections: Section[]; article: Article }[]): FolioError[] {
  return duplicateSections(
    parts.flatMap((p) => p.sections.map((section) => ({ section, article: p.article }))),
    true,
  );
}

function duplicateSections(list: { section: Section; article: Article }[], acrossOnly = false): FolioError[] {
  const first = new Map<string, { section: Section; article: Article }>();
  const errors: FolioError[] = [];
  for (const item of list) {
    const { section: s, article } = item;
    if (!s.number) continue;
    const earlier = first.get(s.number);
    if (!earlier) {
      first.set(s.number, item);
      continue;
    }
    if (acrossOnly && earlier.article.file === article.file) continue;
    const text = article.body.split('\n')[s.line - article.bodyLineOffset - 1] ?? '';
    const column = Math.max(text.indexOf(s.number), 0) + 1;
    const at = `${basename(earlier.article.file)}:${earlier.section.line}`;
    errors.push(
      new FolioError(
        'SectionDuplicate',
        { number: s.number, first: at },
        { file: article.file, line: s.line, column },
      ),
    );
  }
  return errors;
}

function nonEmpty(s: Section): boolean {
  return s.key !== 'lead' || s.html.trim() !== '' || s.graphicsHtml.trim() !== '';
}

interface Part {
  heading: boolean;
  index: number;
  tokens: Token[];
}

/** Cuts the token stream at every level-2 heading. */
function splitSections(tokens: Token[]): Part[] {
  const parts: Part[] = [{ heading: false, index: 0, tokens: [] }];
  for (const t of tokens) {
    if (t.type === 'heading_open' && t.tag === 'h2')
      parts.push({ heading: true, index: parts.length, tokens: [] });
    parts[parts.length - 1]!.tokens.push(t);
  }
  return parts;
}

/** How many tokens at the start are infographic blocks. */
function leadingBlocks(tokens: Token[]): number {
  let i = 0;
  while (i < tokens.length && tokens[i]!.type === 'folio_block') i++;
  return i;
}

function textLength(tokens: Token[]): number {
  return tokens.reduce((n, t) => n + (t.type === 'inline' ? t.content.length : 0), 0);
}
