// The press ink pass on content streams: solid black text, no sub-minimum tints, one-ink hairlines, dates.
import { describe, expect, it } from 'vitest';
import { editionDate, parsePdfDate, pdfDate, xmpDate } from '../../../src/pdf/dates.ts';
import { defaultInkRules, quantize, rewriteInks } from '../../../src/print/inks.ts';
import { asCmyk, paints } from '../../../src/print/paint.ts';

/** The colour each text, fill and stroke is painted with, after the pass. */
const painted = (src: string) =>
  [...paints(rewriteInks(src).text)].map((p) => ({ kind: p.kind, cmyk: asCmyk(p.colour) }));

describe('press inks', () => {
  it('prints body text (#1a1a1a → 0.102 g) and muted text (65 % K) as solid K, leaving grey panels alone', () => {
    const src =
      '0.102051 g BT /F1 10 Tf 10 10 Td (a) Tj ET 0.352783 g BT /F1 8 Tf (b) Tj ET 0 0 100 100 re f';
    const p = painted(src);
    expect(p[0]).toEqual({ kind: 'text', cmyk: [0, 0, 0, 1] });
    expect(p[1]).toEqual({ kind: 'text', cmyk: [0, 0, 0, 1] });
    // The fill after the text keeps its own 65 % grey: the override is restored after the text.
    expect(p[2]?.cmyk?.[3]).toBeCloseTo(0.6472, 3);
  });

  it('drops or raises pale tints to the minimum ink, so a near-white panel becomes a K-only tint', () => {
    expect(quantize([0, 0.012, 0.012, 0.035], 0.05)).toEqual([0, 0, 0, 0.05]);
    expect(quantize([0.004, 0.043, 0.02, 0.043], 0.05)).toEqual([0, 0.05, 0, 0.05]);
    const { text } = rewriteInks('0 0.012 0.012 0.035 k 0 0 100 100 re f');
    expect(text).toContain('0 0 0 0.05 k');
  });

  it('draws hairlines and thin rules in one ink, thick areas keep theirs', () => {
    const p = painted(
      '0.85 w 0.004 0.071 0.027 0.051 K 0 0 m 100 0 l S 0 0.9 0.7 0.3 k 0 0 100 0.5 re f 0 0 100 40 re f',
    );
    expect(p[0]).toEqual({ kind: 'stroke', cmyk: [0, 0.071, 0, 0] });
    expect(p[1]).toEqual({ kind: 'fill', cmyk: [0, 0.9, 0, 0] });
    expect(p[2]).toEqual({ kind: 'fill', cmyk: [0, 0.9, 0.7, 0.3] });
    // Line widths are measured on the page: 0.15 pt under a 10× matrix is a 1.5 pt line, not a hairline.
    const scaled = painted('q 10 0 0 10 0 0 cm 0.15 w 0.5 0.5 0 0 K 0 0 m 10 0 l S Q');
    expect(scaled[0]?.cmyk).toEqual([0.5, 0.5, 0, 0]);
  });

  it('keeps every operator delimited (a restore right before T* or [ stays parseable)', () => {
    const { text } = rewriteInks('0.1 g BT /F1 9 Tf 12 TL T*[(a)]TJ T*(b)Tj ET');
    expect(text).not.toMatch(/T\*0|\dg\[/);
    expect([...paints(text)].filter((p) => p.kind === 'text').every((p) => asCmyk(p.colour)?.[3] === 1)).toBe(
      true,
    );
  });

  it('changes nothing in a stream that already obeys the rules', () => {
    const src = '0 g BT /F1 9 Tf (a) Tj ET 0 0 0 0.3 k 0 0 50 50 re f';
    expect(rewriteInks(src, defaultInkRules)).toEqual({ text: src, changed: 0 });
  });
});

describe('dates in the edition’s time zone', () => {
  it('writes 2021-09-27 as 2021-09-27, in Info and XMP alike', () => {
    const d = editionDate('2021-09-27');
    expect(pdfDate(d)).toBe("D:20210927000000+08'00'");
    expect(xmpDate(d)).toBe('2021-09-27T00:00:00+08:00');
    expect(parsePdfDate(pdfDate(d))?.getTime()).toBe(d.getTime());
    expect(parsePdfDate('D:20210926160000Z')?.getTime()).toBe(d.getTime());
  });
});
