// Page boxes for every profile: MediaBox = CropBox = BleedBox = trim + bleed, TrimBox inside, all nested.
// Numbers are written with two decimals, inner boxes rounded inward, so no box can stick out past the
// one that holds it after Ghostscript's own two-decimal rounding (PDF/X-3:2002 box usage, draft §2.9).
import type { PDFDocument } from 'pdf-lib';
import { MM_TO_PT, type PageGeometry } from '../config/presets.ts';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const down = (v: number): number => Math.floor(v * 100 + 1e-6) / 100;
const up = (v: number): number => Math.ceil(v * 100 - 1e-6) / 100;

/** `inner` rounded inward to two decimals and clamped inside `outer`. */
export function nestInside(inner: Rect, outer: Rect): Rect {
  return {
    x0: Math.max(up(inner.x0), outer.x0),
    y0: Math.max(up(inner.y0), outer.y0),
    x1: Math.min(down(inner.x1), outer.x1),
    y1: Math.min(down(inner.y1), outer.y1),
  };
}

/** The boxes for a page whose MediaBox is `media` (already rounded by whoever wrote it). */
export function boxesFor(
  media: Rect,
  g: Pick<PageGeometry, 'widthMm' | 'heightMm' | 'bleedMm'>,
  pagesWide = 1,
): { bleed: Rect; trim: Rect } {
  const b = g.bleedMm * MM_TO_PT;
  const w = g.widthMm * pagesWide * MM_TO_PT;
  const h = g.heightMm * MM_TO_PT;
  // A MediaBox within a hundredth of trim + bleed is the bleed itself, only rounded by its writer.
  const snap = (v: number, edge: number): number => (Math.abs(v - edge) < 0.02 ? edge : v);
  const bleed = nestInside(
    {
      x0: media.x0,
      y0: media.y0,
      x1: snap(media.x0 + w + 2 * b, media.x1),
      y1: snap(media.y0 + h + 2 * b, media.y1),
    },
    media,
  );
  const trim = nestInside(
    { x0: media.x0 + b, y0: media.y0 + b, x1: media.x0 + b + w, y1: media.y0 + b + h },
    bleed,
  );
  return { bleed, trim };
}

/** Sets all four boxes on every page; `media` defaults to each page's own (rounded) MediaBox. */
export function writeBoxes(
  doc: PDFDocument,
  g: Pick<PageGeometry, 'widthMm' | 'heightMm' | 'bleedMm'>,
  pagesWide = 1,
): void {
  for (const p of doc.getPages()) {
    const m = p.getMediaBox();
    const media = { x0: up(m.x), y0: up(m.y), x1: down(m.x + m.width), y1: down(m.y + m.height) };
    const { bleed, trim } = boxesFor(media, g, pagesWide);
    const set = (fn: (x: number, y: number, w: number, h: number) => void, r: Rect): void =>
      fn.call(p, r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    set(p.setMediaBox, media);
    set(p.setCropBox, media);
    set(p.setBleedBox, bleed);
    set(p.setTrimBox, trim);
  }
}

/** Chromium sizes the media as trim + bleed on every side; set it exactly, then nest the rest in it. */
export function setPageBoxes(doc: PDFDocument, g: PageGeometry, pagesWide = 1): void {
  const bleed = g.bleedMm * MM_TO_PT;
  const w = g.widthMm * pagesWide * MM_TO_PT + 2 * bleed;
  const h = g.heightMm * MM_TO_PT + 2 * bleed;
  for (const page of doc.getPages()) page.setMediaBox(0, 0, down(w), down(h));
  writeBoxes(doc, g, pagesWide);
}
