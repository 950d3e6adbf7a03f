// Post-processes Chromium's PDF: correct page boxes, Chinese metadata, /Lang, outline.
import type { PDFDict } from 'pdf-lib';
import { PDFDocument, PDFName, PDFString, PDFBool } from 'pdf-lib';
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
  const created = new Date(`${meta.date}T00:00:00+08:00`);
  doc.setCreationDate(created);
  doc.setModificationDate(new Date());
  doc.setCreator('Folio');
  doc.setProducer(producer);
}
