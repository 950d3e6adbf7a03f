// Writes Info, XMP, /Lang and the document ID after Ghostscript, which drops non-Latin DOCINFO.
import { createHash, randomUUID } from 'node:crypto';
import { PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument } from 'pdf-lib';
import { DEFAULT_UTC_OFFSET, pdfDate, setTrailerId } from '../pdf/dates.ts';
import type { DocMeta } from './options.ts';
import { buildXmp, type XmpFields } from './xmp.ts';

export const CREATOR_TOOL = 'Folio (Chromium, Paged.js, Ghostscript, pdf-lib)';

/** Same edition metadata → same DocumentID in every output and every rebuild. */
export function documentUuid(meta: DocMeta): string {
  const h = createHash('sha256').update(`${meta.title}\n${meta.creationDate.toISOString()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface MetadataKind {
  producer: string;
  pdfa?: XmpFields['pdfa'];
  pdfx?: string;
}

export function writeMetadata(doc: PDFDocument, meta: DocMeta, kind: MetadataKind, now = new Date()): void {
  const documentId = documentUuid(meta);
  const instanceId = randomUUID();
  // pdf-lib writes these as UTF-16BE hex strings with a BOM, so Chinese text survives.
  // DisplayDocTitle is a PDF 1.4 key; the PDF/X-3 file is PDF 1.3.
  doc.setTitle(meta.title, { showInWindowTitleBar: !kind.pdfx });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator(CREATOR_TOOL);
  doc.setProducer(kind.producer);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  // Written in the edition's time zone (pdf-lib would write UTC: the evening before, for China).
  const offset = meta.utcOffset ?? DEFAULT_UTC_OFFSET;
  info.set(PDFName.of('CreationDate'), PDFString.of(pdfDate(meta.creationDate, offset)));
  info.set(PDFName.of('ModDate'), PDFString.of(pdfDate(now, offset)));
  // pdf-lib's setKeywords joins with spaces; XMP pdf:Keywords must be the identical string.
  info.set(PDFName.of('Keywords'), PDFHexString.fromText(meta.keywords.join(', ')));
  if (kind.pdfx) {
    info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of(kind.pdfx));
    info.set(PDFName.of('Trapped'), PDFName.of('False'));
  }
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));

  const xmp = buildXmp({
    meta,
    producer: kind.producer,
    creatorTool: CREATOR_TOOL,
    modifyDate: now,
    documentId: `uuid:${documentId}`,
    instanceId: `uuid:${instanceId}`,
    ...(kind.pdfa ? { pdfa: kind.pdfa } : {}),
    ...(kind.pdfx ? { pdfx: kind.pdfx } : {}),
  });
  // Uncompressed and UTF-8, as PDF/A wants it: context.stream() does not add a filter.
  // Ghostscript's own packet ("Untitled", its pdfaid) would otherwise stay behind as an orphan object.
  const old = doc.catalog.get(PDFName.of('Metadata'));
  if (old instanceof PDFRef) doc.context.delete(old);
  const stream = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));

  // The trailer ID: permanent part from the DocumentID, changing part from this instance.
  setTrailerId(doc, documentId, instanceId);
}
