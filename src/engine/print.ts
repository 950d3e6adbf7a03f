// Printing an open view: Chromium's PDF post-processed by pdf-lib, whole or as re-printed pages spliced in.
import type { LaidOutEdition } from '../pipeline.ts';
import type { Measurement } from '../paginate/measure.ts';
import type { Paginated } from '../paginate/paged.ts';
import { postprocess, type PostprocessInput } from '../pdf/postprocess.ts';
import { splicePages } from './splice.ts';

export const PRODUCER = 'Folio (Paged.js, Chromium, pdf-lib)';

/** Boxes, metadata and outline for a view. `pagesWide` 2 prints each spread as one double page; headings
 *  then point at the sheet. */
function finishing(e: LaidOutEdition, m: Measurement, pagesWide: number): Omit<PostprocessInput, 'pdf'> {
  const outline = m.headings.map((h) => ({ ...h, page: Math.floor(h.page / pagesWide) }));
  return { meta: e.meta, geometry: e.geometry, outline, pagesWide, producer: PRODUCER };
}

/** The whole view as a finished PDF. */
export async function printView(
  e: LaidOutEdition,
  paged: Paginated,
  m: Measurement,
  pagesWide: number,
): Promise<Uint8Array> {
  return postprocess({ pdf: await paged.pdf(), ...finishing(e, m, pagesWide) });
}

/** Only `pages` (0-based PDF pages) printed again and put into `previous`; the rest stays byte for byte. */
export async function reprintPages(
  e: LaidOutEdition,
  paged: Paginated,
  m: Measurement,
  pagesWide: number,
  previous: Uint8Array,
  pages: number[],
): Promise<Uint8Array> {
  const fresh = await paged.pdf(pages.map((p) => p + 1).join(','));
  return splicePages(previous, fresh, pages, finishing(e, m, pagesWide));
}
