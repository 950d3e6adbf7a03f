// Press inks after the CMYK conversion: solid black text, no unprintable pale tints, hairlines in one ink.
// Why after Ghostscript: only then are the values the plates will carry known. Images and shadings are
// left alone; only vector colour operators (g/G/k/K) are rewritten, in page contents and form XObjects.
import type { PDFDocument } from 'pdf-lib';
import { asCmyk, paints, type Colour, type Paint } from './paint.ts';
import { operations } from './content-tokens.ts';
import { contentStreams, decodeStream, fromLatin1, latin1, replaceStream } from './streams.ts';

export interface InkRules {
  /** Smallest printable tint per ink (0–1): newsprint loses dots under ~5 %. */
  minInk: number;
  /** Neutral text at or above this K prints solid (100 % K). */
  solidTextK: number;
  /** Lines (and rectangle fills) this thin or thinner print in one ink, in points. */
  hairlinePt: number;
}

export const defaultInkRules: InkRules = { minInk: 0.05, solidTextK: 0.5, hairlinePt: 1 };

type Cmyk = [number, number, number, number];

/** Each ink 0 or at least `min`: under half the minimum drops out, the rest rises to it. */
export function quantize(v: Cmyk, min: number): Cmyk {
  return v.map((x) => (x < min / 2 ? 0 : x < min ? min : Math.min(1, x))) as Cmyk;
}

/** One ink for a hairline: K when K leads (neutral rules), otherwise the strongest ink. */
export function singleInk(v: Cmyk, min: number): Cmyk {
  const i = v[3] >= Math.max(v[0], v[1], v[2]) ? 3 : v.indexOf(Math.max(v[0], v[1], v[2]));
  const out: Cmyk = [0, 0, 0, 0];
  out[i] = Math.max(min, v[i] ?? 0);
  return out;
}

/** What a paint should print as under the rules (the colour's own quantized value when no rule applies). */
export function pressColour(p: Paint, r: InkRules): Cmyk | undefined {
  const v = asCmyk(p.colour);
  if (!v) return undefined;
  const q = quantize(v, r.minInk);
  const neutral = q[0] === 0 && q[1] === 0 && q[2] === 0;
  if (p.kind === 'text' && neutral && q[3] >= r.solidTextK) return [0, 0, 0, 1];
  const inks = q.filter((x) => x > 0).length;
  if (p.kind !== 'text' && p.thicknessPt <= r.hairlinePt && inks > 1) return singleInk(q, r.minInk);
  return q;
}

const num = (x: number): string => String(Math.round(x * 10000) / 10000);

/** The operator text for a CMYK value, as gray when the source was gray and the value is K-only. */
export function colourText(v: Cmyk, stroke: boolean, wasGray: boolean): string {
  if (wasGray && v[0] === 0 && v[1] === 0 && v[2] === 0) return `${num(1 - v[3])} ${stroke ? 'G' : 'g'}`;
  return `${v.map(num).join(' ')} ${stroke ? 'K' : 'k'}`;
}

const same = (a: Cmyk, b: Cmyk): boolean => a.every((x, i) => Math.abs(x - (b[i] ?? 0)) < 0.00005);

/** Rewrites one content stream; returns the new text and how many colours changed. */
export function rewriteInks(src: string, r: InkRules = defaultInkRules): { text: string; changed: number } {
  const edits: Array<{ at: number; end: number; text: string }> = [];
  // 1. Every colour operator in place: its quantized value (the value each of its uses starts from).
  for (const o of operations(src)) {
    if (!['g', 'G', 'k', 'K'].includes(o.op)) continue;
    const stroke = o.op === 'G' || o.op === 'K';
    const n = o.operands.map((t) => Number(t.value));
    const c: Colour = { space: o.op.toLowerCase() === 'g' ? 'gray' : 'cmyk', values: n, source: '' };
    const v = asCmyk(c);
    if (!v || n.some((x) => !Number.isFinite(x))) continue;
    const q = quantize(v, r.minInk);
    if (!same(q, v)) edits.push({ at: o.start, end: o.end, text: colourText(q, stroke, c.space === 'gray') });
  }
  // 2. Uses that need more than the quantized value: override before, restore after.
  for (const p of paints(src)) {
    const v = asCmyk(p.colour);
    const want = pressColour(p, r);
    if (!v || !want || p.colour.space === 'other') continue;
    const q = quantize(v, r.minInk);
    if (same(want, q)) continue;
    const stroke = p.kind === 'stroke';
    const gray = p.colour.space === 'gray';
    edits.push({ at: p.start, end: p.start, text: `\n${colourText(want, stroke, gray)}\n` });
    edits.push({ at: p.end, end: p.end, text: `\n${colourText(q, stroke, gray)}\n` });
  }
  if (!edits.length) return { text: src, changed: 0 };
  edits.sort((a, b) => a.at - b.at || a.end - b.end);
  const parts: string[] = [];
  let last = 0;
  for (const e of edits) {
    parts.push(src.slice(last, e.at), e.text);
    last = Math.max(last, e.end);
  }
  parts.push(src.slice(last));
  return { text: parts.join(''), changed: edits.length };
}

/** The print pass over every content stream of a document. */
export function applyInkRules(doc: PDFDocument, r: InkRules = defaultInkRules): number {
  let changed = 0;
  for (const cs of contentStreams(doc)) {
    const { text, changed: n } = rewriteInks(latin1(decodeStream(cs.stream)), r);
    if (n) replaceStream(doc, cs, fromLatin1(text));
    changed += n;
  }
  return changed;
}
