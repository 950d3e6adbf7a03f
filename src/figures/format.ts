// Chinese newspaper number formatting: a figure's kind, scale and qualifier decide how it is printed.
import type { FigureData, Qualifier } from './schema.ts';

export const VARIANTS = ['full', 'value', 'unit', 'label'] as const;
/**
 * full: everything as printed in running text ("下降7.5%", "2.5万余人", "第二届").
 * value: the number alone as printed ("47.65", "九", "7.5" — no verb, 第, qualifier or 万/亿).
 * unit: 万/亿 and the unit as printed ("万人"), without qualifiers — for table headers and axes.
 * label: the figure's caption.
 */
export type Variant = (typeof VARIANTS)[number];

/** A figure split for big-number callouts: big `number`, small `prefix`/`unit`/`suffix`. */
export interface FigureParts {
  prefix: string;
  number: string;
  unit: string;
  suffix: string;
}

const BEFORE_NUMBER: ReadonlySet<Qualifier> = new Set(['近', '约', '超过', '逾']);
const AFTER_NUMBER: ReadonlySet<Qualifier> = new Set(['余', '多']);
const SCALE = { 万: 1e4, 亿: 1e8 } as const;
const DEFAULT_VERBS = ['增长', '下降'] as const;
/** Kinds that count things: a lone 2 reads 两 before a measure word (两项, 两成), not 二. */
const COUNTING = new Set(['count', 'money', 'ratio', 'percentagePoint']);
const HANZI_DIGITS = '〇一二三四五六七八九';
const PLACES = ['', '十', '百', '千'];

export function formatFigure(f: FigureData, variant: Variant = 'full'): string {
  switch (variant) {
    case 'label':
      return f.label;
    case 'value':
      return printedNumber(f);
    case 'unit':
      return printedUnit(f);
    case 'full': {
      const p = formatParts(f);
      return p.prefix + p.number + p.unit + p.suffix;
    }
  }
}

export function formatParts(f: FigureData): FigureParts {
  const q = f.qualifier;
  let prefix = f.kind === 'change' ? changeVerb(f) : '';
  if (q && BEFORE_NUMBER.has(q)) prefix += q;
  if (f.kind === 'rank' || f.kind === 'ordinal') prefix += '第';
  let unit = printedUnit(f);
  let suffix = '';
  if (q && AFTER_NUMBER.has(q)) {
    // 余/多 follow the whole number, and 万/亿 are part of the number: 2.5万余人, 3万多亿元.
    const magnitude = /^[万亿]/.test(unit) ? 1 : 0;
    unit = unit.slice(0, magnitude) + q + unit.slice(magnitude);
  } else if (q && !BEFORE_NUMBER.has(q)) {
    suffix = q; // 以上/以内/以下/左右 qualify the whole quantity: 95%以上
  }
  return { prefix, number: printedNumber(f), unit, suffix };
}

function changeVerb(f: FigureData): string {
  const [up, down] = f.verbs ?? DEFAULT_VERBS;
  return f.value < 0 ? down : up;
}

function printedUnit(f: FigureData): string {
  return (f.scale ?? '') + f.unit;
}

function printedNumber(f: FigureData): string {
  let n = f.scale ? f.value / SCALE[f.scale] : f.value;
  if (f.kind === 'change') n = Math.abs(n); // the verb carries the sign
  const hanzi = (f.numerals ?? (f.kind === 'streak' ? 'hanzi' : 'arabic')) === 'hanzi';
  const text = numberFormat(hanzi ? 'hanidec' : 'latn', f.decimals).format(n);
  if (!hanzi) return text;
  const read = readHanzi(text);
  return read === '二' && COUNTING.has(f.kind) ? '两' : read;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(numbering: 'latn' | 'hanidec', decimals: number | undefined): Intl.NumberFormat {
  const key = `${numbering}${decimals ?? ''}`;
  let nf = formatters.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(`zh-Hans-CN-u-nu-${numbering}`, {
      useGrouping: false, // newspapers print 38329元, never 38,329元
      signDisplay: 'negative', // a value that rounds to zero prints 0, not -0
      // Without `decimals`, ICU prints the shortest digits that round-trip (47.65 stays 47.65);
      // 20 is the most V8 allows.
      minimumFractionDigits: decimals ?? 0,
      maximumFractionDigits: decimals ?? 20,
    });
    formatters.set(key, nf);
  }
  return nf;
}

/** 二〇.五 (Intl hanidec, digit by digit) → 二十点五: whole parts under 10000 read with 十百千. */
function readHanzi(digitByDigit: string): string {
  const m = /^(-?)([^.]+)(?:\.(.*))?$/.exec(digitByDigit);
  if (!m) return digitByDigit;
  const [, sign = '', whole = '', fraction] = m;
  const digits = [...whole].map((c) => HANZI_DIGITS.indexOf(c));
  const read = digits.length <= 4 && digits.every((d) => d >= 0) ? placeReading(digits) : whole;
  return (sign ? '负' : '') + read + (fraction === undefined ? '' : '点' + fraction);
}

function placeReading(digits: number[]): string {
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== ''; // 一千零五: one 零 for any run of zeros between non-zero digits
      return;
    }
    out += (zero ? '零' : '') + HANZI_DIGITS[d] + PLACES[digits.length - 1 - i];
    zero = false;
  });
  if (out === '') return '零';
  return out.startsWith('一十') ? out.slice(1) : out; // 十二, not 一十二
}

const HANZI_NUMBER = '[〇零一二两三四五六七八九十百千]+(?:点[〇一二三四五六七八九]+)?';
const NUMBER_RE = new RegExp(`(-|负)?(\\d+(?:\\.\\d+)?|${HANZI_NUMBER})([余多万亿]*)`);

/**
 * Reads the first number in printed text back as a quantity: "47.65万人" → 476500, "九连冠" → 9,
 * "2.5万余人" → 25000. A change's sign is in its verb, so "下降7.5%" reads as 7.5. NaN if none.
 */
export function parseFormatted(text: string): number {
  const m = NUMBER_RE.exec(text);
  if (!m) return NaN;
  const [, sign, digits = '', after = ''] = m;
  let n = /^\d/.test(digits) ? Number(digits) : parseHanzi(digits);
  for (const c of after) n *= c === '万' ? 1e4 : c === '亿' ? 1e8 : 1;
  return sign ? -n : n;
}

function parseHanzi(text: string): number {
  const [whole = '', fraction] = text.split('点');
  let digits = [...whole].map(hanziDigit).join('');
  if (/[十百千]/.test(whole)) {
    let n = 0;
    let digit = 0;
    for (const c of whole) {
      const place = PLACES.indexOf(c);
      if (place > 0) {
        n += (digit || 1) * 10 ** place; // 十二: a place with no digit before it means one
        digit = 0;
      } else if (c !== '零') digit = hanziDigit(c);
    }
    digits = String(n + digit);
  }
  return Number(fraction === undefined ? digits : `${digits}.${[...fraction].map(hanziDigit).join('')}`);
}

function hanziDigit(c: string): number {
  return c === '两' ? 2 : c === '零' ? 0 : HANZI_DIGITS.indexOf(c);
}
