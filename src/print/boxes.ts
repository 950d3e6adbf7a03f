// Re-sets TrimBox/BleedBox from the configured geometry (Ghostscript rewrites them) and draws crop marks.
import { cmyk, type PDFDocument, type PDFPage } from 'pdf-lib';
import { MM, type PageGeometry } from './options.ts';

/**
 * The MediaBox is trim + bleed on each side. Ghostscript keeps its size but may move its origin and drops
 * or resets TrimBox/BleedBox, so both are derived here from the MediaBox origin and the configuration.
 */
export function setBoxes(doc: PDFDocument, page: PageGeometry): void {
  const w = page.widthMm * MM;
  const h = page.heightMm * MM;
  const b = page.bleedMm * MM;
  for (const p of doc.getPages()) {
    const m = p.getMediaBox();
    p.setBleedBox(m.x, m.y, w + 2 * b, h + 2 * b);
    p.setTrimBox(m.x + b, m.y + b, w, h);
    // CropBox = MediaBox so viewers show the bleed; Ghostscript may have written one already.
    p.setCropBox(m.x, m.y, m.width, m.height);
  }
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
    p.setMediaBox(m.x - s, m.y - s, m.width + 2 * s, m.height + 2 * s);
    p.setCropBox(m.x - s, m.y - s, m.width + 2 * s, m.height + 2 * s);
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
