// Metadata and output-intent checks: title in Info and XMP agree, /Lang and a document ID exist,
// and the file declares what it claims (PDF/X intent with a CMYK profile, PDF/A part and intent).
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFStream, PDFString, type PDFDocument } from 'pdf-lib';
import { decodeStream } from '../print/streams.ts';
import { fail, pass, type Check, type PreflightProfile } from './types.ts';

function text(v: unknown): string {
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '';
}

export function readXmp(doc: PDFDocument): string {
  const s = doc.catalog.lookup(PDFName.of('Metadata'));
  return s instanceof PDFStream ? new TextDecoder().decode(decodeStream(s)) : '';
}

function xmpValue(xmp: string, tag: string): string {
  const m = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(xmp);
  const inner = m?.[1] ?? '';
  const li = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(inner);
  return unescape(li ? (li[1] ?? '') : inner).trim();
}

function unescape(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function checkMetadata(doc: PDFDocument, profile: PreflightProfile): Check {
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  const get = (k: string): string => (info instanceof PDFDict ? text(info.lookup(PDFName.of(k))) : '');
  const xmp = readXmp(doc);
  const problems: string[] = [];
  const title = get('Title');
  if (!title) problems.push('no Title in Info');
  if (!xmp) problems.push('no XMP metadata');
  else {
    if (xmpValue(xmp, 'dc:title') !== title) problems.push('XMP dc:title differs from Info Title');
    if (xmpValue(xmp, 'dc:creator') !== get('Author'))
      problems.push('XMP dc:creator differs from Info Author');
    if (!/<xmpMM:DocumentID>/.test(xmp)) problems.push('no xmpMM:DocumentID');
    if (profile === 'archive' && !/<pdfaid:part>[23]<\/pdfaid:part>/.test(xmp))
      problems.push('no pdfaid:part');
  }
  if (!text(doc.catalog.lookup(PDFName.of('Lang')))) problems.push('no /Lang');
  if (!doc.context.trailerInfo.ID) problems.push('no document /ID');
  return problems.length
    ? fail('metadata', problems.join('; '))
    : pass('metadata', `title "${title}", author "${get('Author')}", Info and XMP agree`);
}

/** The OutputIntent a print (GTS_PDFX, CMYK profile) or archive (GTS_PDFA1, RGB) file must carry. */
export function checkOutputIntent(doc: PDFDocument, profile: PreflightProfile): Check {
  if (profile === 'screen') return pass('output intent', 'not required for screen files');
  const want = profile === 'print' ? { s: 'GTS_PDFX', n: '4' } : { s: 'GTS_PDFA1', n: '3' };
  const intents = doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  for (const ref of intents?.asArray() ?? []) {
    const oi = doc.context.lookup(ref);
    if (!(oi instanceof PDFDict) || oi.get(PDFName.of('S')) !== PDFName.of(want.s)) continue;
    const prof = oi.lookup(PDFName.of('DestOutputProfile'));
    const n = prof instanceof PDFStream ? prof.dict.get(PDFName.of('N'))?.toString() : undefined;
    const id = text(oi.lookup(PDFName.of('OutputConditionIdentifier')));
    if (n === want.n) return pass('output intent', `${want.s} "${id}" with an embedded ${n}-channel profile`);
    return fail('output intent', `${want.s} profile has ${n ?? 'no'} channels, want ${want.n}`);
  }
  return fail('output intent', `no ${want.s} OutputIntent`);
}
