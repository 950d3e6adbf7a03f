// Finds and decodes the content streams of a PDF (page contents and form XObjects) with pdf-lib.
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFDocument,
} from 'pdf-lib';

export interface ContentStream {
  ref: PDFRef;
  stream: PDFStream;
  /** 1-based page number for page contents; 0 for a form XObject. */
  page: number;
}

export function decodeStream(stream: PDFStream): Uint8Array {
  if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  return stream.getContents();
}

/** Every content stream: each page's /Contents (stream or array), then every form XObject. */
export function contentStreams(doc: PDFDocument): ContentStream[] {
  const out: ContentStream[] = [];
  const seen = new Set<string>();
  const add = (ref: unknown, page: number): void => {
    if (!(ref instanceof PDFRef) || seen.has(ref.toString())) return;
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFStream)) return;
    seen.add(ref.toString());
    out.push({ ref, stream, page });
  };
  doc.getPages().forEach((p, i) => {
    const contents = p.node.get(PDFName.of('Contents'));
    if (contents instanceof PDFArray) contents.asArray().forEach((r) => add(r, i + 1));
    else add(contents, i + 1);
  });
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFStream && obj.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) add(ref, 0);
  }
  return out;
}

/** Replace a stream's data, keeping its dictionary apart from the encoding keys. */
export function replaceStream(doc: PDFDocument, cs: ContentStream, bytes: Uint8Array): void {
  const dict: Record<string, unknown> = {};
  for (const [k, v] of cs.stream.dict.entries()) {
    const key = k.asString().slice(1);
    if (key !== 'Filter' && key !== 'DecodeParms' && key !== 'Length') dict[key] = v;
  }
  const next = doc.context.flateStream(bytes, dict as Record<string, never>);
  doc.context.assign(cs.ref, next);
}

export function asDict(v: unknown): PDFDict | undefined {
  return v instanceof PDFDict ? v : undefined;
}

export const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
export const fromLatin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
