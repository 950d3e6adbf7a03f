// Page boxes from the configured geometry: trim inside the bleed, for a page and for a 跨版 spread.
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { boxesFor, setPageBoxes } from '../../../src/pdf/boxes.ts';
import { PRESETS, resolveGeometry } from '../../../src/config/presets.ts';
import { editionSchema } from '../../../src/content/schema.ts';

const MM = 72 / 25.4;
const rect = (r: { x: number; y: number; width: number; height: number }) => [
  r.x,
  r.y,
  r.x + r.width,
  r.y + r.height,
];

describe('setPageBoxes', () => {
  it.each([
    [1, 3],
    [2, 3],
    [1, 0],
  ])('pages wide %i, bleed %i mm', async (wide, bleedMm) => {
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]);
    setPageBoxes(doc, { ...PRESETS.broadsheet, bleedMm }, wide);
    const page = doc.getPage(0);
    const [w, h, b] = [390 * wide * MM, 543 * MM, bleedMm * MM];
    const expectBox = (actual: number[], expected: number[]) =>
      actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 1));
    expectBox(rect(page.getMediaBox()), [0, 0, w + 2 * b, h + 2 * b]);
    expectBox(rect(page.getBleedBox()), [0, 0, w + 2 * b, h + 2 * b]);
    expectBox(rect(page.getTrimBox()), [b, b, w + b, h + b]);
    expectNested(page);
  });

  // Ghostscript writes the MediaBox with two decimals; the boxes written after it must still nest.
  it.each([0, 3, 5])(
    'nests Trim in Bleed in Media/Crop after two-decimal rounding (bleed %i mm)',
    (bleedMm) => {
      const g = { ...PRESETS.broadsheet, bleedMm };
      const [w, h] = [(390 + 2 * bleedMm) * MM, (543 + 2 * bleedMm) * MM];
      for (const round of [Math.round, Math.floor, Math.ceil]) {
        const media = { x0: 0, y0: 0, x1: round(w * 100) / 100, y1: round(h * 100) / 100 };
        const { bleed, trim } = boxesFor(media, g);
        for (const [inner, outer] of [
          [trim, bleed],
          [bleed, media],
        ] as const) {
          expect(inner.x0).toBeGreaterThanOrEqual(outer.x0);
          expect(inner.y0).toBeGreaterThanOrEqual(outer.y0);
          expect(inner.x1).toBeLessThanOrEqual(outer.x1);
          expect(inner.y1).toBeLessThanOrEqual(outer.y1);
        }
        expect(trim.x1 - trim.x0).toBeCloseTo(390 * MM, 1);
      }
    },
  );
});

function expectNested(page: PDFPage): void {
  const [m, c, bl, t] = [page.getMediaBox(), page.getCropBox(), page.getBleedBox(), page.getTrimBox()].map(
    rect,
  );
  for (const [inner, outer] of [
    [t, bl],
    [bl, m],
    [t, c],
  ]) {
    expect(inner![0]).toBeGreaterThanOrEqual(outer![0]!);
    expect(inner![1]).toBeGreaterThanOrEqual(outer![1]!);
    expect(inner![2]).toBeLessThanOrEqual(outer![2]!);
    expect(inner![3]).toBeLessThanOrEqual(outer![3]!);
  }
}

describe('presets', () => {
  it('sizes a tabloid (四开) edition and lets the edition override parts', () => {
    const config = editionSchema.parse({
      newspaper: 'N',
      date: '2021-01-01',
      pages: [1],
      section: 'S',
      preset: 'tabloid',
      page: { columns: 6 },
    });
    expect(resolveGeometry(config)).toMatchObject({ widthMm: 270, heightMm: 390, columns: 6, gutterMm: 4 });
  });
});
