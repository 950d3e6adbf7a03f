// The paginated documents of an open edition: for a 跨版 edition the whole spread first, then the pages.
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

/** The one order of views: the spread is measured and fitted first (there every module appears once),
 *  and its fitted state is replayed onto the cut pages. */
export const VIEW_KINDS: readonly ViewKind[] = [
  { name: 'spreadPdf', html: (e) => e.spreadHtml, pagesWide: 2 },
  { name: 'pdf', html: (e) => e.html, pagesWide: 1 },
];

export interface View {
  kind: ViewKind;
  paged: Paginated;
}

export type Pdfs = Partial<Record<ViewKind['name'], Uint8Array>>;

/** A spread is measured on the whole sheet, where every module appears once. */
export function measurementOf(views: View[]): Measurement {
  const view = views.find((v) => v.kind.name === 'spreadPdf') ?? views[0];
  if (!view) throw new Error('no paginated view');
  return view.paged.measurement;
}

/**
 * Paginates every view the edition has, one after the other: Paged.js in a second tab at the same
 * time stalls (a background tab gets no animation frames). All or none stay open.
 */
export async function paginateViews(
  e: LaidOutEdition,
  browser: Browser,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<View[]> {
  const views: View[] = [];
  try {
    for (const kind of VIEW_KINDS) {
      const html = kind.html(e);
      if (html !== undefined) views.push({ kind, paged: await paginateEdition(e, browser, opts, html) });
    }
    return views;
  } catch (err) {
    await Promise.all(views.map((v) => v.paged.close()));
    throw err;
  }
}
