// The PDF/A archive written from the RGB page PDF with pdf-lib, not rewritten through Ghostscript.
// Why: Ghostscript's pdfwrite drops the structure tree (tags), and with it what makes an archive readable
// by assistive technology and reflowable; like WeasyPrint and Typst, Folio writes the PDF/A parts itself:
// an sRGB OutputIntent (ISO 19005-2 §6.2.3), XMP with pdfaid (§6.6.4), a trailer /ID (§6.1.3), and removes
// what PDF/A forbids (JavaScript and other actions, §6.5). Content streams, fonts, tags, /Lang and the
// outline stay exactly as Chromium and postprocess wrote them.
import { readFile } from 'node:fs/promises';
import { PDFDict, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

const FORBIDDEN_CATALOG = ['OpenAction', 'AA', 'AcroForm', 'OCProperties', 'Perms', 'Requirements'];

export async function addPdfaOutputIntent(doc: PDFDocument, srgbProfile: string): Promise<void> {
  const ctx = doc.context;
  const profile = ctx.flateStream(new Uint8Array(await readFile(srgbProfile)), { N: 3 });
  const intent = ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: ctx.register(profile),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(intent)]));
}

/** Drops catalog entries and page actions PDF/A does not allow; Chromium writes none, a re-used file might. */
export function stripForbidden(doc: PDFDocument): void {
  for (const k of FORBIDDEN_CATALOG) doc.catalog.delete(PDFName.of(k));
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  names?.delete(PDFName.of('JavaScript'));
  for (const p of doc.getPages()) p.node.delete(PDFName.of('AA'));
}
