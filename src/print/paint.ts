// Walks a content stream and reports every painting use of a colour: text shown, area filled, line stroked.
// One walker serves both the print pass that rewrites inks (inks.ts) and the preflight rules that check
// them, so what the press file is made to obey is exactly what preflight measures.
import { operations, type Operation } from './content-tokens.ts';
import { ID, mul, type M } from '../pdf/matrix.ts';

export type Ink = 'gray' | 'cmyk' | 'rgb' | 'other';

export interface Colour {
  space: Ink;
  /** Gray: [level] (1 = white); CMYK: [c, m, y, k]; RGB: [r, g, b]; each 0–1. */
  values: number[];
  /** Source text of the operator that set it ('' for the initial black). */
  source: string;
}

export interface Paint {
  kind: 'text' | 'fill' | 'stroke';
  colour: Colour;
  /** Where the painted object starts (a path's first operator, or the text-showing operator) … */
  start: number;
  /** … and where its painting operator ends: an override colour goes before `start`, a restore after `end`. */
  end: number;
  /** Line width, or the thinner side of a rectangle-only fill, in points on the page; Infinity otherwise. */
  thicknessPt: number;
  /** Text: rendered font size in points. */
  sizePt: number;
}

const scale = (m: M): number => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

const FILL_OPS = new Set(['f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const STROKE_OPS = new Set(['S', 's', 'B', 'B*', 'b', 'b*']);
const PATH_OPS = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const SHOW_OPS = new Set(['Tj', 'TJ', "'", '"']);
const BLACK: Colour = { space: 'gray', values: [0], source: '' };

/** The colour an operator sets, or undefined when it sets none (pattern and named spaces are 'other'). */
export function colourOf(o: Operation, src: string): Colour | undefined {
  const n = o.operands.filter((t) => t.kind === 'num').map((t) => Number(t.value));
  const source = src.slice(o.start, o.end);
  switch (o.op) {
    case 'g':
    case 'G':
      return { space: 'gray', values: n, source };
    case 'k':
    case 'K':
      return { space: 'cmyk', values: n, source };
    case 'rg':
    case 'RG':
      return { space: 'rgb', values: n, source };
    case 'sc':
    case 'scn':
    case 'SC':
    case 'SCN':
      if (o.operands.some((t) => t.kind === 'name')) return { space: 'other', values: n, source };
      return { space: n.length === 4 ? 'cmyk' : n.length === 3 ? 'rgb' : 'gray', values: n, source };
    default:
      return undefined;
  }
}

interface G {
  fill: Colour;
  stroke: Colour;
  ctm: M;
  lineWidth: number;
}

export function* paints(src: string): Generator<Paint> {
  let g: G = { fill: BLACK, stroke: BLACK, ctm: ID, lineWidth: 1 };
  const stack: G[] = [];
  let pathStart = -1;
  let rectsOnly = true;
  let thinnest = Infinity;
  let size = 0;
  let tm: M = ID;
  let tlm: M = ID;
  let leading = 0;
  for (const o of operations(src)) {
    const n = o.operands.map((t) => Number(t.value));
    const c = colourOf(o, src);
    if (c) {
      if (o.op === o.op.toLowerCase()) g.fill = c;
      else g.stroke = c;
      continue;
    }
    if (PATH_OPS.has(o.op)) {
      if (pathStart < 0) [pathStart, rectsOnly, thinnest] = [o.start, true, Infinity];
      if (o.op === 're') thinnest = Math.min(thinnest, Math.min(Math.abs(n[2] ?? 0), Math.abs(n[3] ?? 0)));
      else rectsOnly = false;
      continue;
    }
    if (FILL_OPS.has(o.op) || STROKE_OPS.has(o.op) || o.op === 'n') {
      const start = pathStart < 0 ? o.start : pathStart;
      const s = scale(g.ctm);
      if (FILL_OPS.has(o.op))
        yield {
          kind: 'fill',
          colour: g.fill,
          start,
          end: o.end,
          thicknessPt: rectsOnly ? thinnest * s : Infinity,
          sizePt: 0,
        };
      if (STROKE_OPS.has(o.op))
        yield {
          kind: 'stroke',
          colour: g.stroke,
          start,
          end: o.end,
          thicknessPt: g.lineWidth * s,
          sizePt: 0,
        };
      pathStart = -1;
      continue;
    }
    switch (o.op) {
      case 'q':
        stack.push({ ...g });
        break;
      case 'Q':
        g = stack.pop() ?? g;
        break;
      case 'cm':
        g.ctm = mul(n as M, g.ctm);
        break;
      case 'w':
        g.lineWidth = n[0] ?? 1;
        break;
      case 'BT':
        tm = tlm = ID;
        break;
      case 'Tf':
        size = n[1] ?? 0;
        break;
      case 'TL':
        leading = n[0] ?? 0;
        break;
      case 'Tm':
        tm = tlm = n as M;
        break;
      case 'Td':
      case 'TD':
        if (o.op === 'TD') leading = -(n[1] ?? 0);
        tm = tlm = mul([1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0], tlm);
        break;
      case 'T*':
        tm = tlm = mul([1, 0, 0, 1, 0, -leading], tlm);
        break;
    }
    if (SHOW_OPS.has(o.op)) {
      if (o.op !== 'Tj' && o.op !== 'TJ') tm = tlm = mul([1, 0, 0, 1, 0, -leading], tlm);
      const m = mul(tm, g.ctm);
      const sizePt = Math.abs(size) * Math.hypot(m[2], m[3]);
      yield { kind: 'text', colour: g.fill, start: o.start, end: o.end, thicknessPt: Infinity, sizePt };
    }
  }
}

/** CMYK of a device colour (gray as K only; RGB by the naive complement, for classification only). */
export function asCmyk(c: Colour): [number, number, number, number] | undefined {
  const v = c.values;
  if (c.space === 'gray') return [0, 0, 0, 1 - (v[0] ?? 0)];
  if (c.space === 'cmyk') return [v[0] ?? 0, v[1] ?? 0, v[2] ?? 0, v[3] ?? 0];
  return undefined;
}

export const inkCount = (cmyk: number[], eps = 0.0005): number => cmyk.filter((v) => v > eps).length;
