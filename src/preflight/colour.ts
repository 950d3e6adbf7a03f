// Colour-space scan with pdf-lib: a print file may hold only DeviceCMYK, DeviceGray and CMYK ICC
// colour, no RGB and no spot colours (Separation/DeviceN other than process inks, /All or /None).
import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';
import { allDicts, nameOf, placedImages } from './objects.ts';
import { operations } from '../print/content-tokens.ts';
import { contentStreams, decodeStream, latin1 } from '../print/streams.ts';
import { fail, pass, type Check, type PageValue } from './types.ts';

const PROCESS = new Set(['Cyan', 'Magenta', 'Yellow', 'Black', 'All', 'None']);

/** Classify a colour space: 'rgb', 'spot', 'lab' (device-independent, not press-ready) or 'ok'. */
export function classify(doc: PDFDocument, cs: PDFObject | undefined, depth = 0): string {
  const v = cs ? doc.context.lookup(cs) : undefined;
  if (v instanceof PDFName) {
    const n = v.decodeText();
    return n === 'DeviceRGB' || n === 'RGB' ? 'rgb' : 'ok';
  }
  if (!(v instanceof PDFArray) || depth > 4) return 'ok';
  const family = doc.context.lookup(v.get(0));
  const f = family instanceof PDFName ? family.decodeText() : '';
  if (f === 'ICCBased') {
    const s = doc.context.lookup(v.get(1));
    const nObj = s instanceof PDFStream ? s.dict.get(PDFName.of('N')) : undefined;
    return nObj?.toString() === '3' ? 'rgb' : 'ok';
  }
  if (f === 'CalRGB') return 'rgb';
  if (f === 'Lab') return 'lab';
  if (f === 'Indexed' || f === 'Pattern') return classify(doc, v.get(1), depth + 1);
  if (f === 'Separation' || f === 'DeviceN') {
    const names = doc.context.lookup(v.get(1));
    const list = names instanceof PDFArray ? names.asArray() : [names];
    const spot = list.some((n) => n instanceof PDFName && !PROCESS.has(n.decodeText()));
    return spot ? 'spot' : 'ok';
  }
  return 'ok';
}

export function checkColour(doc: PDFDocument): Check {
  const found = new Map<string, number>();
  const note = (kind: string): void => void found.set(kind, (found.get(kind) ?? 0) + 1);
  // Every dictionary, direct ones too: a page's /Resources is usually written inside the page object.
  for (const { dict } of allDicts(doc)) {
    // Images and shadings carry /ColorSpace; transparency groups carry /CS.
    for (const key of ['ColorSpace', 'CS']) {
      const cs = dict.get(PDFName.of(key));
      const resolved = cs ? doc.context.lookup(cs) : undefined;
      // A resource dictionary's /ColorSpace maps names to spaces; an image's is the space itself.
      if (resolved instanceof PDFDict && key === 'ColorSpace') {
        for (const [, v] of resolved.entries()) tally(classify(doc, v), 'resource', note);
      } else if (resolved) tally(classify(doc, resolved), isImage(dict) ? 'image' : 'object', note);
    }
  }
  const pages = new Map<number, number>();
  for (const img of placedImages(doc)) {
    if (!img.inline || img.imageMask) continue;
    const n = nameOf(img.colourSpace);
    // Inline images abbreviate device spaces (ISO 32000 §8.9.7); other names are resource colour spaces.
    const named = img.resources?.lookupMaybe(PDFName.of('ColorSpace'), PDFDict)?.get(PDFName.of(n));
    const kind = n === 'RGB' || n === 'DeviceRGB' ? 'rgb' : named ? classify(doc, named) : 'ok';
    if (kind !== 'ok') {
      note(`${kind} inline image`);
      pages.set(img.page, (pages.get(img.page) ?? 0) + 1);
    }
  }
  for (const cs of contentStreams(doc)) {
    for (const o of operations(latin1(decodeStream(cs.stream)))) {
      const rgb =
        o.op === 'rg' ||
        o.op === 'RG' ||
        ((o.op === 'cs' || o.op === 'CS') && o.operands[0]?.value === 'DeviceRGB');
      if (!rgb) continue;
      note('rgb operator');
      pages.set(cs.page, (pages.get(cs.page) ?? 0) + 1);
    }
  }
  const values: PageValue[] = [...pages].map(([page, n]) => ({
    page,
    value: `${n} RGB colour operators or images`,
    ok: false,
  }));
  if (!found.size) return pass('pdfx.colour', 'CMYK and gray only, no spot colours');
  const list = [...found].map(([k, n]) => `${n}× ${k}`).join(', ');
  return fail('pdfx.colour', `not press-ready colour: ${list}`, values);
}

function tally(kind: string, where: string, note: (k: string) => void): void {
  if (kind !== 'ok') note(`${kind} ${where}`);
}

function isImage(d: PDFDict): boolean {
  return d.get(PDFName.of('Subtype')) === PDFName.of('Image');
}
