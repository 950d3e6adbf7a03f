// Rewrites neutral DeviceRGB colours (r = g = b) to DeviceGray before the print conversion.
// Why: Ghostscript maps DeviceGray to the K plate only (-dDeviceGrayToK, its default), while an RGB
// black goes through the ICC profile and becomes a four-colour rich black that misregisters on
// newsprint. Chromium writes every text and rule colour as `r g b rg/RG`, so this turns black and grey
// text and hairlines into K-only ink without touching images or coloured elements.
// (-dBlackText/-dBlackVector were not used: they force *all* text/vectors to black, red headlines too.)
import type { PDFDocument } from 'pdf-lib';
import { operations } from './content-tokens.ts';
import { contentStreams, decodeStream, fromLatin1, latin1, replaceStream } from './streams.ts';

const EPSILON = 0.5 / 255;

/** Returns the number of colour operators rewritten. */
export function neutralRgbToGray(doc: PDFDocument): number {
  let count = 0;
  for (const cs of contentStreams(doc)) {
    const src = latin1(decodeStream(cs.stream));
    const { text, changed } = rewrite(src);
    if (changed > 0) {
      replaceStream(doc, cs, fromLatin1(text));
      count += changed;
    }
  }
  return count;
}

export function rewrite(src: string): { text: string; changed: number } {
  const parts: string[] = [];
  let last = 0;
  let changed = 0;
  for (const o of operations(src)) {
    if ((o.op !== 'rg' && o.op !== 'RG') || o.operands.length !== 3) continue;
    const v = o.operands.map((t) => (t.kind === 'num' ? Number(t.value) : NaN));
    const [r = NaN, g = NaN, b = NaN] = v;
    if (!(Math.abs(r - g) <= EPSILON && Math.abs(g - b) <= EPSILON)) continue;
    parts.push(src.slice(last, o.start), `${round((r + g + b) / 3)} ${o.op === 'rg' ? 'g' : 'G'}`);
    last = o.end;
    changed++;
  }
  parts.push(src.slice(last));
  return { text: parts.join(''), changed };
}

function round(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}
