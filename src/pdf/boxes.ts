// Sets MediaBox, BleedBox and TrimBox from the configured geometry (pagedjs-cli's TrimBox is wrong).
import type { PDFDocument } from 'pdf-lib';
import { MM_TO_PT, type PageGeometry } from '../config/presets.ts';

export function setPageBoxes(doc: PDFDocument, g: PageGeometry, pagesWide = 1): void {
  const bleed = g.bleedMm * MM_TO_PT;
  const trimW = g.widthMm * pagesWide * MM_TO_PT;
  const trimH = g.heightMm * MM_TO_PT;
  for (const page of doc.getPages()) {
    // Chromium sizes the media as trim + bleed on every side; set it exactly so rounding cannot drift.
    page.setMediaBox(0, 0, trimW + 2 * bleed, trimH + 2 * bleed);
    page.setCropBox(0, 0, trimW + 2 * bleed, trimH + 2 * bleed);
    page.setBleedBox(0, 0, trimW + 2 * bleed, trimH + 2 * bleed);
    // pdf-lib takes x, y, width, height here (pagedjs-cli passed corner coordinates).
    page.setTrimBox(bleed, bleed, trimW, trimH);
  }
}
