// Object-level views of a PDF for the rules: every dictionary, every placed image with its effective
// resolution (XObjects through nested forms, and inline images), every font. Read from pdf-lib's objects,
// never from the columns of a tool's text output.
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFStream,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import { operations, type Token } from '../print/content-tokens.ts';
import { decodeStream, latin1 } from '../print/streams.ts';
import { mul, type M } from '../pdf/matrix.ts';

/** Every dictionary in the file: indirect objects, stream dictionaries and the direct dictionaries inside. */
export function* allDicts(doc: PDFDocument): Generator<{ dict: PDFDict; ref: PDFRef; stream?: PDFStream }> {
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    const stack: Array<{ o: PDFObject; depth: number }> = [{ o: obj, depth: 0 }];
    while (stack.length) {
      const { o, depth } = stack.pop()!;
      if (depth > 12) continue;
      const dict = o instanceof PDFStream ? o.dict : o instanceof PDFDict ? o : undefined;
      if (dict) {
        yield { dict, ref, ...(o instanceof PDFStream && depth === 0 ? { stream: o } : {}) };
        for (const [, v] of dict.entries())
          if (!(v instanceof PDFRef)) stack.push({ o: v, depth: depth + 1 });
      } else if (o instanceof PDFArray) {
        for (const v of o.asArray()) if (!(v instanceof PDFRef)) stack.push({ o: v, depth: depth + 1 });
      }
    }
  }
}

export const nameOf = (v: PDFObject | undefined): string => (v instanceof PDFName ? v.decodeText() : '');
export const numOf = (v: PDFObject | undefined): number => (v instanceof PDFNumber ? v.asNumber() : NaN);

export interface PlacedImage {
  page: number;
  /** Effective resolution at placed size: the lower of the two axes. */
  ppi: number;
  inline: boolean;
  /** The image's colour space: a name, an array, or a resource name resolved against `resources`. */
  colourSpace: PDFObject | undefined;
  resources: PDFDict | undefined;
  imageMask: boolean;
}

function ppiOf(w: number, h: number, m: M): number {
  const x = Math.hypot(m[0], m[1]) / 72;
  const y = Math.hypot(m[2], m[3]) / 72;
  return Math.round(Math.min(w / (x || 1e-9), h / (y || 1e-9)));
}

/** Inline image dictionary from the operands between BI and ID (abbreviated keys as in ISO 32000 §8.9.7). */
export function inlineDict(operands: Token[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < operands.length; i += 2) {
    const k = operands[i]!;
    const v = operands[i + 1]!;
    if (k.kind === 'name') out[k.value] = v.kind === 'name' ? `/${v.value}` : v.value;
  }
  return out;
}

function contentOf(doc: PDFDocument, contents: PDFObject | undefined): string {
  const c = contents ? doc.context.lookup(contents) : undefined;
  const list = c instanceof PDFArray ? c.asArray() : c ? [c] : [];
  return list
    .map((r) => {
      const s = doc.context.lookup(r);
      return s instanceof PDFStream ? latin1(decodeStream(s)) : '';
    })
    .join('\n');
}

export function placedImages(doc: PDFDocument): PlacedImage[] {
  const out: PlacedImage[] = [];
  const walk = (src: string, res: PDFDict | undefined, base: M, page: number, depth: number): void => {
    let ctm = base;
    const stack: M[] = [];
    for (const o of operations(src)) {
      const n = o.operands.map((t) => Number(t.value));
      if (o.op === 'q') stack.push(ctm);
      else if (o.op === 'Q') ctm = stack.pop() ?? ctm;
      else if (o.op === 'cm') ctm = mul(n as M, ctm);
      else if (o.op === 'ID') {
        const d = inlineDict(o.operands);
        const w = Number(d['W'] ?? d['Width']);
        const h = Number(d['H'] ?? d['Height']);
        const cs = d['CS'] ?? d['ColorSpace'];
        out.push({
          page,
          ppi: ppiOf(w, h, ctm),
          inline: true,
          colourSpace: cs ? PDFName.of(cs.replace(/^\//, '')) : undefined,
          resources: res,
          imageMask: d['IM'] === 'true' || d['ImageMask'] === 'true',
        });
      } else if (o.op === 'Do') {
        const x = res
          ?.lookupMaybe(PDFName.of('XObject'), PDFDict)
          ?.lookup(PDFName.of(o.operands[0]?.value ?? ''));
        if (!(x instanceof PDFStream)) continue;
        const sub = nameOf(x.dict.get(PDFName.of('Subtype')));
        if (sub === 'Image') {
          out.push({
            page,
            ppi: ppiOf(
              numOf(x.dict.lookup(PDFName.of('Width'))),
              numOf(x.dict.lookup(PDFName.of('Height'))),
              ctm,
            ),
            inline: false,
            colourSpace: x.dict.get(PDFName.of('ColorSpace')),
            resources: res,
            imageMask: x.dict.get(PDFName.of('ImageMask'))?.toString() === 'true',
          });
        } else if (sub === 'Form' && depth < 8) {
          const arr = x.dict.lookup(PDFName.of('Matrix'));
          const fm =
            arr instanceof PDFArray ? (arr.asArray().map((v) => numOf(v)) as M) : ([1, 0, 0, 1, 0, 0] as M);
          const fres = x.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? res;
          walk(latin1(decodeStream(x)), fres, mul(fm, ctm), page, depth + 1);
        }
      }
    }
  };
  doc.getPages().forEach((p, i) => {
    walk(
      contentOf(doc, p.node.get(PDFName.of('Contents'))),
      p.node.Resources(),
      [1, 0, 0, 1, 0, 0],
      i + 1,
      0,
    );
  });
  return out;
}

export interface FontInfo {
  name: string;
  subtype: string;
  embedded: boolean;
  toUnicode: boolean;
}

/** Every font dictionary; a Type 0 font reports its descendant's embedding. */
export function fonts(doc: PDFDocument): FontInfo[] {
  const out: FontInfo[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || nameOf(obj.get(PDFName.of('Type'))) !== 'Font') continue;
    const subtype = nameOf(obj.get(PDFName.of('Subtype')));
    if (subtype === 'CIDFontType0' || subtype === 'CIDFontType2') continue; // reported through their Type 0 parent
    let fd = obj.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    if (subtype === 'Type0') {
      const d = obj.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
      fd = d instanceof PDFDict ? d.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict) : undefined;
    }
    const embedded =
      subtype === 'Type3' ||
      ['FontFile', 'FontFile2', 'FontFile3'].some((k) => fd?.has(PDFName.of(k)) ?? false);
    out.push({
      name: nameOf(obj.get(PDFName.of('BaseFont'))) || '(unnamed)',
      subtype,
      embedded,
      toUnicode: obj.has(PDFName.of('ToUnicode')),
    });
  }
  return out;
}
