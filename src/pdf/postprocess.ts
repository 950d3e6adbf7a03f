// Post-processes Chromium's PDF: correct page boxes, Chinese metadata, /Lang, outline.
import { createHash, randomUUID } from 'node:crypto';
import { PDFDict, PDFDocument, PDFName, PDFString, PDFBool } from 'pdf-lib';
import { editionDate, pdfDate, setTrailerId } from './dates.ts';
import type { PageGeometry } from '../config/presets.ts';
import type { DocumentMeta } from '../render/viewModel.ts';
import { setPageBoxes } from './boxes.ts';
import { setOutline, type OutlineEntry } from './outline.ts';

export interface PostprocessInput {
  pdf: Uint8Array;
  meta: DocumentMeta;
  geometry: PageGeometry;
  outline: OutlineEntry[];
  /** 2 for a 跨版 page that spans two newspaper pages. */
  pagesWide?: number;
  producer: string;
}

export async function postprocess(input: PostprocessInput): Promise<Uint8Array> {
  const doc = await PDFDocument.load(input.pdf, { updateMetadata: false });
  finishDocument(doc, input);
  return doc.save({ useObjectStreams: false });
}

/** The same fixes on an already loaded document (watch mode splices pages into a new one). */
export function finishDocument(doc: PDFDocument, input: Omit<PostprocessInput, 'pdf'>): void {
  setPageBoxes(doc, input.geometry, input.pagesWide ?? 1);
  setInfo(doc, input.meta, input.producer);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(input.meta.lang));
  const prefs = doc.context.obj({}) as PDFDict;
  prefs.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  doc.catalog.set(PDFName.of('ViewerPreferences'), prefs);
  setOutline(doc, input.outline);
}

function setInfo(doc: PDFDocument, meta: DocumentMeta, producer: string): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  // The edition's date, so a rebuild of the same edition carries the same creation date.
  doc.setCreator('Folio');
  doc.setProducer(producer);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('CreationDate'), PDFString.of(pdfDate(editionDate(meta.date))));
  info.set(PDFName.of('ModDate'), PDFString.of(pdfDate(new Date())));
  // A trailer /ID (ISO 32000-1 §14.4): the same permanent part for every rebuild of this edition.
  const id = createHash('sha256').update(`${meta.title}\n${meta.date}`).digest('hex').slice(0, 32);
  setTrailerId(doc, id, randomUUID());
}
