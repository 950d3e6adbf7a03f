// Re-sets TrimBox/BleedBox from the configured geometry (Ghostscript rewrites them) and draws crop marks.
import { cmyk, type PDFDocument, type PDFPage } from 'pdf-lib';
import { writeBoxes } from '../pdf/boxes.ts';
import { MM, type PageGeometry } from './options.ts';

/** Ghostscript keeps the MediaBox's size (rounded to two decimals) but drops or resets TrimBox/BleedBox. */
export function setBoxes(doc: PDFDocument, page: PageGeometry): void {
  writeBoxes(doc, page);
}

/**
 * Crop marks in a slug outside the bleed: the MediaBox grows by `slugMm` on every side and each trim
 * corner gets two 0.25 pt K-only lines that start `bleed` away from the trim, so no mark prints inside
 * the bleed. K-only: registration colour (all four inks) would break the TAC and spot-colour checks.
 */
export function addCropMarks(doc: PDFDocument, page: PageGeometry, slugMm: number): void {
  const s = slugMm * MM;
  const b = page.bleedMm * MM;
  const gap = Math.max(b, 3 * MM);
  const len = Math.max(0, s + b - gap - 1 * MM);
  if (len <= 0) return;
  for (const p of doc.getPages()) {
    const m = p.getMediaBox();
    // Grown outward to whole hundredths, so the boxes inside stay inside.
    const x0 = Math.floor((m.x - s) * 100) / 100;
    const y0 = Math.floor((m.y - s) * 100) / 100;
    const w = Math.ceil((m.x + m.width + s) * 100) / 100 - x0;
    const h = Math.ceil((m.y + m.height + s) * 100) / 100 - y0;
    p.setMediaBox(x0, y0, w, h);
    p.setCropBox(x0, y0, w, h);
    const t = p.getTrimBox();
    for (const x of [t.x, t.x + t.width]) {
      for (const y of [t.y, t.y + t.height])
        drawCorner(p, x, y, x === t.x ? -1 : 1, y === t.y ? -1 : 1, gap, len);
    }
  }
}

function drawCorner(
  p: PDFPage,
  x: number,
  y: number,
  dx: number,
  dy: number,
  gap: number,
  len: number,
): void {
  const line = { thickness: 0.25, color: cmyk(0, 0, 0, 1) };
  p.drawLine({ ...line, start: { x: x + dx * gap, y }, end: { x: x + dx * (gap + len), y } });
  p.drawLine({ ...line, start: { x, y: y + dy * gap }, end: { x, y: y + dy * (gap + len) } });
}
