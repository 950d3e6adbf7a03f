// PDF/A-2/3 rules Folio's archive must meet (ISO 19005-2/-3), read from the objects.
import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFStream, PDFString, type PDFDocument } from 'pdf-lib';
import { parsePdfDate } from '../../pdf/dates.ts';
import { decodeStream } from '../../print/streams.ts';
import { readXmp } from '../metadata.ts';
import { allDicts, nameOf } from '../objects.ts';
import { fail, pass, type Check, type RuleContext } from '../types.ts';

const text = (v: unknown): string =>
  v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '';
const info = (doc: PDFDocument): PDFDict | undefined => {
  const i = doc.context.trailerInfo.Info ? doc.context.lookup(doc.context.trailerInfo.Info) : undefined;
  return i instanceof PDFDict ? i : undefined;
};

export function xmpTag(xmp: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xmp);
  if (!m) return undefined;
  const li = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(m[1] ?? '');
  return (li ? li[1] : m[1])?.trim().replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)));
}

/** §6.1.3: a trailer /ID, no encryption. */
export function checkId(ctx: RuleContext): Check {
  if (ctx.doc.context.trailerInfo.Encrypt) return fail('pdfa.id', 'the file is encrypted');
  return ctx.doc.context.trailerInfo.ID
    ? pass('pdfa.id', 'trailer /ID present')
    : fail('pdfa.id', 'no trailer /ID');
}

/** §6.6.2.1 and §6.6.4: one XMP packet, identifying the part it claims; no stray packets left behind. */
export async function checkXmp(ctx: RuleContext): Promise<Check> {
  const xmp = readXmp(ctx.doc);
  if (!xmp) return fail('pdfa.xmp', 'no XMP metadata stream in the catalog');
  const problems: string[] = [];
  const part = xmpTag(xmp, 'pdfaid:part');
  const conf = xmpTag(xmp, 'pdfaid:conformance');
  if (part !== '2' && part !== '3') problems.push(`pdfaid:part ${part ?? 'missing'}`);
  if (!conf) problems.push('no pdfaid:conformance');
  // Counted in the file as written: the plain copy rules read has lost unreferenced objects.
  const packets = (await readFile(ctx.pdf)).toString('latin1').split('<?xpacket begin=').length - 1;
  if (packets > 1) problems.push(`${packets - 1} stray XMP packet(s) besides the catalog's`);
  return problems.length
    ? fail('pdfa.xmp', problems.join('; '))
    : pass('pdfa.xmp', `PDF/A-${part}${conf} identified in XMP`);
}

/** §6.6.3: the Info entries that have an XMP equivalent say the same thing there. */
export function checkInfoXmp(ctx: RuleContext): Check {
  const xmp = readXmp(ctx.doc);
  const i = info(ctx.doc);
  if (!xmp || !i) return fail('pdfa.info-xmp', !xmp ? 'no XMP' : 'no Info dictionary');
  const get = (k: string): string => text(i.lookup(PDFName.of(k)));
  const problems: string[] = [];
  const pairs: Array<[string, string]> = [
    ['Title', 'dc:title'],
    ['Author', 'dc:creator'],
    ['Subject', 'dc:description'],
    ['Keywords', 'pdf:Keywords'],
    ['Producer', 'pdf:Producer'],
    ['Creator', 'xmp:CreatorTool'],
  ];
  for (const [k, tag] of pairs) {
    const a = get(k);
    const b = xmpTag(xmp, tag);
    if (a && b !== a) problems.push(`Info ${k} "${a}" ≠ XMP ${tag} "${b ?? ''}"`);
  }
  for (const [k, tag] of [
    ['CreationDate', 'xmp:CreateDate'],
    ['ModDate', 'xmp:ModifyDate'],
  ] as const) {
    const a = parsePdfDate(get(k));
    const raw = xmpTag(xmp, tag);
    const b = raw ? new Date(raw) : undefined;
    if (get(k) && (!a || !b || Math.abs(a.getTime() - b.getTime()) >= 1000))
      problems.push(`Info ${k} ${get(k)} ≠ XMP ${tag} ${raw ?? 'missing'}`);
  }
  return problems.length
    ? fail('pdfa.info-xmp', problems.join('; '))
    : pass('pdfa.info-xmp', 'Info and XMP agree');
}

const FORBIDDEN = new Set([
  'Launch',
  'Sound',
  'Movie',
  'ResetForm',
  'ImportData',
  'JavaScript',
  'Hide',
  'SetOCGState',
  'Rendition',
  'Trans',
  'GoTo3DView',
]);

/** §6.5.1/§6.5.2: no JavaScript or other forbidden actions, no additional-actions dictionaries. */
export function checkActions(ctx: RuleContext): Check {
  const found: string[] = [];
  if (ctx.doc.catalog.has(PDFName.of('AA'))) found.push('catalog /AA');
  if (ctx.doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.has(PDFName.of('JavaScript')))
    found.push('document JavaScript');
  for (const { dict } of allDicts(ctx.doc)) {
    const s = nameOf(dict.get(PDFName.of('S')));
    if (FORBIDDEN.has(s)) found.push(`${s} action`);
    if (nameOf(dict.get(PDFName.of('Type'))) === 'Page' && dict.has(PDFName.of('AA'))) found.push('page /AA');
  }
  return found.length
    ? fail('pdfa.actions', [...new Set(found)].join(', '))
    : pass('pdfa.actions', 'no forbidden actions');
}

interface Embedded {
  name: string;
  pdfa: boolean;
  relationship: string;
  mime: string;
}

function embeddedFiles(doc: PDFDocument): Embedded[] {
  const out: Embedded[] = [];
  for (const { dict } of allDicts(doc)) {
    if (nameOf(dict.get(PDFName.of('Type'))) !== 'Filespec' && !dict.has(PDFName.of('EF'))) continue;
    const ef = dict.lookupMaybe(PDFName.of('EF'), PDFDict);
    const file = ef?.lookup(PDFName.of('F')) ?? ef?.lookup(PDFName.of('UF'));
    if (!(file instanceof PDFStream)) continue;
    const bytes = Buffer.from(decodeStream(file));
    const head = bytes.subarray(0, 5).toString('latin1');
    out.push({
      name: text(dict.lookup(PDFName.of('UF'))) || text(dict.lookup(PDFName.of('F'))),
      pdfa: head === '%PDF-' && /pdfaid:part/.test(bytes.toString('latin1')),
      relationship: nameOf(dict.get(PDFName.of('AFRelationship'))),
      mime: nameOf(file.dict.get(PDFName.of('Subtype'))),
    });
  }
  return out;
}

/** PDF/A-2 §6.8: attachments must be PDF/A themselves; PDF/A-3 §6.8: any file, with AFRelationship and a MIME type. */
export function checkEmbeddedFiles(ctx: RuleContext): Check {
  const files = embeddedFiles(ctx.doc);
  if (!files.length) return pass('pdfa.embedded-files', 'no embedded files');
  const part = xmpTag(readXmp(ctx.doc), 'pdfaid:part');
  const af = ctx.doc.catalog.lookupMaybe(PDFName.of('AF'), PDFArray)?.size() ?? 0;
  const problems: string[] = [];
  for (const f of files) {
    if (part !== '3' && !f.pdfa)
      problems.push(`${f.name} is not PDF/A (PDF/A-${part ?? '?'} allows only PDF/A attachments)`);
    if (part === '3' && !f.relationship) problems.push(`${f.name} has no AFRelationship`);
    if (part === '3' && !f.mime) problems.push(`${f.name} has no MIME Subtype`);
  }
  if (part === '3' && af < files.length) problems.push(`catalog /AF lists ${af} of ${files.length} files`);
  return problems.length
    ? fail('pdfa.embedded-files', problems.join('; '))
    : pass('pdfa.embedded-files', `${files.length} file(s): ${files.map((f) => f.name).join(', ')}`);
}

/** Folio's archive keeps its logical structure (PDF/A-2 level A, §6.7), /Lang and outline. */
export function checkStructure(ctx: RuleContext): Check {
  const c = ctx.doc.catalog;
  const missing: string[] = [];
  if (!c.has(PDFName.of('StructTreeRoot'))) missing.push('structure tree');
  const mark = c.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  if (mark?.get(PDFName.of('Marked'))?.toString() !== 'true') missing.push('MarkInfo Marked true');
  if (!text(c.lookup(PDFName.of('Lang')))) missing.push('/Lang');
  if (!c.has(PDFName.of('Outlines'))) missing.push('outline');
  return missing.length
    ? fail('archive.tagged', `missing ${missing.join(', ')}`)
    : pass('archive.tagged', 'tagged, with /Lang and an outline');
}
