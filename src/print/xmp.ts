// Builds the XMP metadata packet that mirrors the Info dictionary (PDF/A requires the two to agree).
import { DEFAULT_UTC_OFFSET, xmpDate } from '../pdf/dates.ts';
import type { DocMeta } from './options.ts';

export interface XmpFields {
  meta: DocMeta;
  producer: string;
  creatorTool: string;
  modifyDate: Date;
  documentId: string;
  instanceId: string;
  /** PDF/A identification, e.g. { part: 2, conformance: 'B' }. */
  pdfa?: { part: 2 | 3; conformance: 'B' };
  /** PDF/X identification, e.g. 'PDF/X-3:2002'. */
  pdfx?: string;
}

export function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const alt = (s: string, lang: string): string =>
  `<rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(s)}</rdf:li><rdf:li xml:lang="${xmlEscape(lang)}">${xmlEscape(s)}</rdf:li></rdf:Alt>`;

export function buildXmp(f: XmpFields): string {
  const m = f.meta;
  const keywords = m.keywords.join(', ');
  const tz = m.utcOffset ?? DEFAULT_UTC_OFFSET;
  const props = [
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(m.title, m.lang)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xmlEscape(m.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description>${alt(m.subject, m.lang)}</dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${xmlEscape(m.lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<dc:subject><rdf:Bag>${m.keywords.map((k) => `<rdf:li>${xmlEscape(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
    `<pdf:Keywords>${xmlEscape(keywords)}</pdf:Keywords>`,
    `<pdf:Producer>${xmlEscape(f.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xmlEscape(f.creatorTool)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${xmpDate(m.creationDate, tz)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(f.modifyDate, tz)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(f.modifyDate, tz)}</xmp:MetadataDate>`,
    `<xmpMM:DocumentID>${f.documentId}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${f.instanceId}</xmpMM:InstanceID>`,
  ];
  if (f.pdfa)
    props.push(
      `<pdfaid:part>${f.pdfa.part}</pdfaid:part>`,
      `<pdfaid:conformance>${f.pdfa.conformance}</pdfaid:conformance>`,
    );
  if (f.pdfx)
    props.push(
      `<pdfxid:GTS_PDFXVersion>${f.pdfx}</pdfxid:GTS_PDFXVersion>`,
      `<pdf:Trapped>False</pdf:Trapped>`,
    );
  // The 2 KB of padding lets other tools edit the packet in place, as the XMP spec recommends.
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
${props.join('\n')}
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
${' '.repeat(2048)}
<?xpacket end="w"?>`;
}
