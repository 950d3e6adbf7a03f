// Four-colour text below the minimum size: small type printed in several inks blurs with misregister.
// Walks content streams with just the state text size needs: CTM, text matrices, font size, fill colour.
import { PDFDict, PDFName, PDFStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import { operations } from '../print/content-tokens.ts';
import { decodeStream, latin1 } from '../print/streams.ts';
import { fail, pass, type Check, type PageValue } from './types.ts';
import { ID, mul, type M } from '../pdf/matrix.ts';

interface State {
  ctm: M;
  /** Inks the fill colour uses: 1 for K or gray, up to 4 for CMYK; RGB counts as 3. */
  inks: number;
}

/** Smallest text size drawn with two or more inks, per page (Infinity when there is none). */
export function smallestMultiInkText(doc: PDFDocument): number[] {
  return doc.getPages().map((p) => walk(doc, p.node, streamsOf(p), ID, 0));
}

function streamsOf(p: PDFPage): string {
  const c = p.node.Contents();
  const list = c ? ('asArray' in c ? c.asArray() : [c]) : [];
  return list
    .map((r) => {
      const s = p.doc.context.lookup(r);
      return s instanceof PDFStream ? latin1(decodeStream(s)) : '';
    })
    .join('\n');
}

function walk(doc: PDFDocument, owner: PDFDict, src: string, base: M, depth: number): number {
  let smallest = Infinity;
  const stack: State[] = [];
  let g: State = { ctm: base, inks: 1 };
  let tm: M = ID;
  let tlm: M = ID;
  let size = 0;
  let leading = 0;
  let mode = 0;
  const num = (t: { value: string } | undefined): number => Number(t?.value ?? 0);
  const resources = owner.lookupMaybe(PDFName.of('Resources'), PDFDict);
  for (const { op, operands: a } of operations(src)) {
    const n = a.map(num) as number[];
    switch (op) {
      case 'q':
        stack.push({ ...g });
        break;
      case 'Q':
        g = stack.pop() ?? g;
        break;
      case 'cm':
        g.ctm = mul(n as M, g.ctm);
        break;
      case 'g':
        g.inks = 1;
        break;
      case 'k':
        g.inks = Math.max(1, n.filter((v) => v > 0.005).length);
        break;
      case 'rg':
        g.inks = n.every((v) => v === n[0]) ? 1 : 3;
        break;
      case 'sc':
      case 'scn':
        g.inks = a.length === 4 ? Math.max(1, n.filter((v) => v > 0.005).length) : a.length === 3 ? 3 : 1;
        break;
      case 'BT':
        tm = tlm = ID;
        break;
      case 'Tf':
        size = (n[1] ?? 0) * type3Scale(doc, resources, a[0]?.value ?? '');
        break;
      case 'Tr':
        mode = n[0] ?? 0;
        break;
      case 'TL':
        leading = n[0] ?? 0;
        break;
      case 'Tm':
        tm = tlm = n as M;
        break;
      case 'Td':
      case 'TD':
        if (op === 'TD') leading = -(n[1] ?? 0);
        tm = tlm = mul([1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0], tlm);
        break;
      case 'T*':
        tm = tlm = mul([1, 0, 0, 1, 0, -leading], tlm);
        break;
      case "'":
      case '"':
        tm = tlm = mul([1, 0, 0, 1, 0, -leading], tlm);
        smallest = Math.min(smallest, shown(g, tm, size, mode));
        break;
      case 'Tj':
      case 'TJ':
        smallest = Math.min(smallest, shown(g, tm, size, mode));
        break;
      case 'Do': {
        const form = resources
          ?.lookupMaybe(PDFName.of('XObject'), PDFDict)
          ?.lookup(PDFName.of(a[0]?.value ?? ''));
        if (
          !(form instanceof PDFStream) ||
          form.dict.get(PDFName.of('Subtype')) !== PDFName.of('Form') ||
          depth > 8
        )
          break;
        const fm = matrixOf(doc, form);
        smallest = Math.min(
          smallest,
          walk(doc, form.dict, latin1(decodeStream(form)), mul(fm, g.ctm), depth + 1),
        );
        break;
      }
    }
  }
  return smallest;
}

/** Type 3 glyph space is set by its FontMatrix, not the usual 1/1000, so the nominal size must scale. */
function type3Scale(doc: PDFDocument, resources: PDFDict | undefined, name: string): number {
  const font = resources?.lookupMaybe(PDFName.of('Font'), PDFDict)?.lookup(PDFName.of(name));
  if (!(font instanceof PDFDict) || font.get(PDFName.of('Subtype')) !== PDFName.of('Type3')) return 1;
  const fm = doc.context.lookup(font.get(PDFName.of('FontMatrix')));
  const v =
    fm && 'asArray' in fm ? (fm as { asArray(): unknown[] }).asArray().map((x) => Number(String(x))) : [];
  return v.length === 6 ? Math.hypot(v[2] ?? 0, v[3] ?? 0) * 1000 : 1;
}

/** Rendered text height: font size scaled by the text matrix and CTM; invisible text (Tr 3/7) is skipped. */
function shown(g: State, tm: M, size: number, mode: number): number {
  if (mode === 3 || mode === 7 || g.inks < 2) return Infinity;
  const m = mul(tm, g.ctm);
  return Math.abs(size) * Math.hypot(m[2], m[3]);
}

function matrixOf(doc: PDFDocument, form: PDFStream): M {
  const arr = doc.context.lookup(form.dict.get(PDFName.of('Matrix')));
  if (!arr || !('asArray' in arr)) return ID;
  const v = (arr as { asArray(): unknown[] }).asArray().map((x) => Number(String(x)));
  return v.length === 6 ? (v as M) : ID;
}

export function checkSmallText(doc: PDFDocument, minPt: number): Check {
  const sizes = smallestMultiInkText(doc);
  const values: PageValue[] = sizes.map((s, i) => ({
    page: i + 1,
    value: Number.isFinite(s) ? Math.round(s * 10) / 10 : 'none',
    ok: !(s < minPt - 0.05),
  }));
  const bad = values.filter((v) => !v.ok);
  return bad.length
    ? fail(
        'small four-colour text',
        `${bad.length} page(s) with text under ${minPt} pt in several inks`,
        values,
      )
    : pass('small four-colour text', `no text under ${minPt} pt in more than one ink`, values);
}
