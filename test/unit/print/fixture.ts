// Builds the RGB input the print tests start from: the Chromium output's shape without Chromium.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { PNG } from 'pngjs';
import type { DocMeta, PageGeometry } from '../../../src/print/index.ts';
import { setOutline } from '../../../src/pdf/outline.ts';

export const page: PageGeometry = { widthMm: 100, heightMm: 80, bleedMm: 3 };

export const meta: DocMeta = {
  title: '人民日报 2026年3月6日 第1版',
  author: '人民日报社',
  subject: '政府工作报告要点',
  keywords: ['政府工作报告', '经济', '就业'],
  creationDate: new Date('2026-03-06T08:00:00Z'),
  lang: 'zh-CN',
};

const PS = new URL('../../fixtures/print/page.ps', import.meta.url).pathname;

/** A 240 × 240 px RGB gradient: 240 ppi when placed at 1 inch, over the 170 ppi newspaper floor. */
export function gradientPng(size = 240): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 2 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      png.data[i] = Math.round((255 * x) / size);
      png.data[i + 1] = Math.round((255 * y) / size);
      png.data[i + 2] = 128;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
}

/** Ghostscript draws the text (so the fonts are embedded), pdf-lib adds image, boxes and metadata. */
export async function makeRgbPdf(dir: string): Promise<string> {
  const base = join(dir, 'base.pdf');
  execFileSync('gs', [
    '-q',
    '-dNOPAUSE',
    '-dBATCH',
    '-dSAFER',
    '-sDEVICE=pdfwrite',
    '-dPDFSETTINGS=/prepress',
    '-sColorConversionStrategy=LeaveColorUnchanged',
    `-sOutputFile=${base}`,
    PS,
  ]);
  const doc = await PDFDocument.load(readFileSync(base), { updateMetadata: false });
  const p = doc.getPage(0);
  const img = await doc.embedPng(gradientPng());
  p.drawImage(img, { x: 20, y: 40, width: 72, height: 72 });
  const mm = 72 / 25.4;
  const b = page.bleedMm * mm;
  p.setBleedBox(0, 0, p.getWidth(), p.getHeight());
  p.setTrimBox(b, b, page.widthMm * mm, page.heightMm * mm);
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreationDate(meta.creationDate);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  // Chromium's output is tagged and Folio adds an outline: the archive must keep both.
  doc.catalog.set(
    PDFName.of('StructTreeRoot'),
    doc.context.register(doc.context.obj({ Type: 'StructTreeRoot' })),
  );
  doc.catalog.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: true }));
  setOutline(doc, [{ title: '政府工作报告', level: 1, page: 0, topPt: 20 }]);
  const out = join(dir, 'edition.pdf');
  writeFileSync(out, await doc.save());
  return out;
}
