// Properties of formatting over every schema-valid figure: it never throws, keeps the unit, reads back.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatFigure, formatParts, parseFormatted, VARIANTS } from '../../../src/figures/format.ts';
import { figureSchema, KINDS, QUALIFIERS, type FigureData } from '../../../src/figures/schema.ts';

// Units a newspaper prints; none starts with a character that could be read as part of the number.
const UNITS = ['人', '万人', '元', '亿元', '万元', '%', '个百分点', '张', '所', '项', '户', '个', '次', '场'];
const MORE_UNITS = [
  '名',
  '起',
  '天',
  '家',
  '万套',
  '架',
  '万亩',
  '万吨',
  '公里',
  '座',
  '期',
  '位',
  '连冠',
  '成',
  '',
];
const VERBS: [string, string][] = [
  ['增长', '下降'],
  ['增加', '减少'],
  ['上升', '回落'],
];
const SCALE = { 万: 1e4, 亿: 1e8 } as const;

const value = fc.oneof(
  fc.integer({ min: -100000, max: 100000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => Math.round(x * 100) / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

function figures(
  unit: fc.Arbitrary<string>,
  verbs: fc.Arbitrary<[string, string]>,
): fc.Arbitrary<FigureData> {
  return fc
    .record({
      value,
      unit,
      kind: opt(fc.constantFrom(...KINDS)),
      qualifier: opt(fc.constantFrom(...QUALIFIERS)),
      decimals: opt(fc.integer({ min: 0, max: 6 })),
      numerals: opt(fc.constantFrom('arabic' as const, 'hanzi' as const)),
      scale: opt(fc.constantFrom('万' as const, '亿' as const)),
      verbs: opt(verbs),
      label: fc.string({ minLength: 1 }),
    })
    .map((input) => figureSchema.safeParse(input))
    .filter((r) => r.success)
    .map((r) => r.data!);
}

/** Anything the schema accepts, including odd units and verbs. */
const anyFigure = figures(fc.string({ maxLength: 12 }), fc.tuple(fc.string(), fc.string()));
/** Figures as editors write them: the number can be found again in the printed text. */
const printedFigure = figures(fc.constantFrom(...UNITS, ...MORE_UNITS), fc.constantFrom(...VERBS));

function expectClose(actual: number, expected: number, decimals: number | undefined, factor = 1) {
  if (actual === expected) return; // also when 万/亿 carry a huge value past the largest double
  // The printed number is rounded to `decimals` (at most 20 digits when not given).
  const tolerance = (0.5 * 10 ** -(decimals ?? 20) * (1 + 1e-9) + 1e-12 * Math.abs(expected)) * factor;
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

describe('formatFigure properties', () => {
  test('never throws for a schema-valid figure, in any variant', () => {
    fc.assert(
      fc.property(anyFigure, (f) => {
        for (const v of VARIANTS) expect(typeof formatFigure(f, v)).toBe('string');
        expect(typeof formatParts(f).number).toBe('string');
      }),
    );
  });

  test('full text is the parts joined, and contains the unit', () => {
    fc.assert(
      fc.property(anyFigure, (f) => {
        const full = formatFigure(f);
        const p = formatParts(f);
        expect(full).toBe(p.prefix + p.number + p.unit + p.suffix);
        // 余/多 go between a leading 万/亿 and the rest of the unit (2.5万余人), so check the rest.
        expect(full).toContain(f.unit.replace(/^[万亿]/, ''));
        if (f.qualifier !== '余' && f.qualifier !== '多') expect(full).toContain((f.scale ?? '') + f.unit);
      }),
    );
  });

  test('the value variant parses back to the value (after scale; a change prints its size)', () => {
    fc.assert(
      fc.property(printedFigure, (f) => {
        const scaled = f.scale ? f.value / SCALE[f.scale] : f.value;
        const expected = f.kind === 'change' ? Math.abs(scaled) : scaled;
        expectClose(parseFormatted(formatFigure(f, 'value')), expected, f.decimals);
      }),
    );
  });

  test('the full text parses back to the quantity, 万/亿 included', () => {
    fc.assert(
      fc.property(printedFigure, (f) => {
        const magnitude = [...(/^[万亿]*/.exec((f.scale ?? '') + f.unit)?.[0] ?? '')];
        const factor = magnitude.reduce((m, c) => m * SCALE[c as '万' | '亿'], 1);
        const scaled = f.scale ? f.value / SCALE[f.scale] : f.value;
        const expected = (f.kind === 'change' ? Math.abs(scaled) : scaled) * factor;
        expectClose(parseFormatted(formatFigure(f)), expected, f.decimals, factor);
      }),
    );
  });

  test('hanzi numerals read as a reader would say them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (n) => {
        const text = formatFigure(figureSchema.parse({ value: n, unit: '', label: 'x', numerals: 'hanzi' }));
        expect(text).not.toMatch(/〇/);
        expect(parseFormatted(text)).toBe(n);
      }),
    );
  });
});
