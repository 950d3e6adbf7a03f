// The paginated documents a watch session keeps open: the pages, and for a 跨版 edition the whole spread.
import type { Browser } from 'puppeteer-core';
import { paginateEdition, type LaidOutEdition } from '../pipeline.ts';
import type { Measurement } from '../paginate/measure.ts';
import type { Paginated } from '../paginate/paged.ts';

export interface ViewKind {
  /** Key in BuildResult.outputs and in the session's PDFs. */
  name: 'pdf' | 'spreadPdf';
  html(e: LaidOutEdition): string | undefined;
  /** 2 when each PDF page is a whole spread. */
  pagesWide: number;
}

export const VIEW_KINDS: readonly ViewKind[] = [
  { name: 'pdf', html: (e) => e.html, pagesWide: 1 },
  { name: 'spreadPdf', html: (e) => e.spreadHtml, pagesWide: 2 },
];

export interface View {
  kind: ViewKind;
  paged: Paginated;
}

export type Pdfs = Partial<Record<ViewKind['name'], Uint8Array>>;

/** As in the build: a spread is measured on the whole sheet, where every module appears once. */
export function measurementOf(views: View[]): Measurement {
  const view = views.find((v) => v.kind.name === 'spreadPdf') ?? views[0];
  if (!view) throw new Error('no paginated view');
  return view.paged.measurement;
}

/** Outline entries point at PDF pages: on a whole-spread PDF two newspaper pages share one. */
export function outlineFor(m: Measurement, pagesWide: number): Measurement['headings'] {
  return m.headings.map((h) => ({ ...h, page: Math.floor(h.page / pagesWide) }));
}

/**
 * Paginates every view the edition has, one after the other: Paged.js in a second tab at the same
 * time stalls (a background tab gets no animation frames). All or none stay open.
 */
export async function paginateViews(
  e: LaidOutEdition,
  browser: Browser,
  opts: { timeoutMs: number; signal?: AbortSignal },
  into: View[] = [],
): Promise<View[]> {
  try {
    for (const kind of VIEW_KINDS) {
      const html = kind.html(e);
      if (html !== undefined) into.push({ kind, paged: await paginateEdition(e, browser, opts, html) });
    }
    return into;
  } catch (err) {
    await Promise.all(into.map((v) => v.paged.close()));
    throw err;
  }
}
