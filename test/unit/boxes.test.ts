// Page boxes from the configured geometry: trim inside the bleed, for a page and for a 跨版 spread.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { setPageBoxes } from '../../src/pdf/boxes.ts';
import { PRESETS, resolveGeometry } from '../../src/config/presets.ts';
import { editionSchema } from '../../src/content/schema.ts';

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
      actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 2));
    expectBox(rect(page.getMediaBox()), [0, 0, w + 2 * b, h + 2 * b]);
    expectBox(rect(page.getBleedBox()), [0, 0, w + 2 * b, h + 2 * b]);
    expectBox(rect(page.getTrimBox()), [b, b, w + b, h + b]);
  });
});

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
