// Injected defects, each of which preflight must catch in an otherwise clean print file (scripted fixtures).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cmyk, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeOutputs } from '../../../src/print/index.ts';
import { preflight, runPreflightCommand, type PreflightExpect } from '../../../src/preflight/index.ts';
import { gradientPng, makeRgbPdf, meta, page } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'folio-defects-'));
const SRGB = '/usr/share/color/icc/ghostscript/srgb.icc';
const expectPrint: PreflightExpect = { page, minTextPt: 10, tac: 240, minPpi: 170 };
let clean = '';

beforeAll(async () => {
  clean = (await makeOutputs(await makeRgbPdf(dir), dir, meta, page)).print;
});

/** Copy the clean print file through an edit and return the path of the damaged copy. */
async function inject(name: string, edit: (doc: PDFDocument) => Promise<void> | void): Promise<string> {
  const doc = await PDFDocument.load(readFileSync(clean), { updateMetadata: false });
  await edit(doc);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await doc.save({ useObjectStreams: false }));
  return path;
}

async function failing(pdf: string): Promise<string[]> {
  const r = await preflight(pdf, 'print', expectPrint);
  return r.checks.filter((c) => !c.ok).map((c) => c.name);
}

describe('preflight catches', () => {
  it('an RGB image in a print file', async () => {
    const pdf = await inject('rgb-image', async (doc) => {
      const img = await doc.embedPng(gradientPng());
      doc.getPage(0).drawImage(img, { x: 150, y: 100, width: 72, height: 72 });
    });
    expect(await failing(pdf)).toEqual(['pdfx.colour']);
  });

  it('a Type 3 font', async () => {
    const pdf = await inject('type3', (doc) => {
      const ctx = doc.context;
      const glyph = ctx.register(ctx.stream('1000 0 0 0 750 750 d1 0 0 750 750 re f'));
      const font = ctx.register(
        ctx.obj({
          Type: 'Font',
          Subtype: 'Type3',
          FontBBox: [0, 0, 750, 750],
          FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
          CharProcs: { a: glyph },
          Encoding: { Type: 'Encoding', Differences: [97, PDFName.of('a')] },
          FirstChar: 97,
          LastChar: 97,
          Widths: [1000],
          Resources: {},
        }),
      );
      const p = doc.getPage(0);
      p.node.setFontDictionary(PDFName.of('T3'), font);
      p.node.addContentStream(ctx.register(ctx.stream('BT /T3 12 Tf 0 g 40 60 Td (a) Tj ET')));
    });
    // A Type 3 font without ToUnicode is two defects: its glyphs, and text that cannot be extracted.
    expect(await failing(pdf)).toEqual(['fonts.no-type3', 'fonts.tounicode']);
  });

  it('ink over the limit (a 400% rich black patch)', async () => {
    const pdf = await inject('ink', (doc) => {
      doc.getPage(0).drawRectangle({ x: 150, y: 20, width: 20, height: 20, color: cmyk(1, 1, 1, 1) });
    });
    const r = await preflight(pdf, 'print', expectPrint);
    const ink = r.checks.find((c) => c.name === 'gwg.tac');
    expect(ink?.ok).toBe(false);
    expect(ink?.pages?.[0]?.value).toBe(400);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['gwg.tac']);
  });

  it('four-colour text under the minimum size', async () => {
    const pdf = await inject('small-text', (doc) => {
      const p = doc.getPage(0);
      const ctx = doc.context;
      const fonts = p.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
      const name = fonts?.keys()[0]?.asString() ?? '/F0';
      p.node.addContentStream(
        ctx.register(ctx.stream(`BT ${name} 7 Tf 0.5 0.4 0 0 k 40 30 Td (tiny) Tj ET`)),
      );
    });
    expect(await failing(pdf)).toEqual(['gwg.text.small-multi-ink']);
  });

  it('RGB through a named and an ICCBased resource colour space', async () => {
    const pdf = await inject('rgb-resource', (doc) => {
      const ctx = doc.context;
      const icc = ctx.register(ctx.stream(readFileSync(SRGB), { N: 3 }));
      const p = doc.getPage(0);
      const res = p.node.Resources()!;
      res.set(
        PDFName.of('ColorSpace'),
        ctx.obj({ CSi: [PDFName.of('ICCBased'), icc], CSd: PDFName.of('DeviceRGB') }),
      );
      addContent(doc, '/CSi cs 1 0 0 sc 150 20 10 10 re f /CSd cs 0 1 0 sc 170 20 10 10 re f');
    });
    const r = await preflight(pdf, 'print', expectPrint);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['pdfx.colour']);
    expect(r.checks.find((c) => c.name === 'pdfx.colour')?.details).toMatch(/2× rgb resource/);
  });

  it('an inline RGB image, with its resolution read (not NaN)', async () => {
    const pdf = await inject('inline', (doc) => {
      const px = 'ff0000'.repeat(4 * 4);
      // 4 × 4 px over 1/10 inch: 40 ppi.
      addContent(doc, `q 7.2 0 0 7.2 150 20 cm BI /W 4 /H 4 /CS /RGB /BPC 8 /F /AHx ID ${px}> EI Q`);
    });
    const r = await preflight(pdf, 'print', expectPrint);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['pdfx.colour', 'image.resolution']);
    expect(r.checks.find((c) => c.name === 'image.resolution')?.pages?.map((v) => v.value)).toContain(40);
  });

  it('transparency (constant alpha in an ExtGState)', async () => {
    const pdf = await inject('alpha', (doc) => {
      doc
        .getPage(0)
        .node.Resources()!
        .set(PDFName.of('ExtGState'), doc.context.obj({ GSa: { ca: 0.5 } }));
      addContent(doc, 'q /GSa gs 0 0 0 1 k 150 20 10 10 re f Q');
    });
    expect(await failing(pdf)).toEqual(['pdfx.transparency']);
  });

  it.each(['GTS_PDFXVersion', 'Trapped'])('a missing %s', async (key) => {
    const pdf = await inject(`no-${key}`, (doc) => {
      doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).delete(PDFName.of(key));
    });
    expect(await failing(pdf)).toEqual(['pdfx.version']);
  });

  it('a deleted TrimBox (which pdfinfo -box would report as the CropBox)', async () => {
    const pdf = await inject('no-trim', (doc) => void doc.getPage(0).node.delete(PDFName.of('TrimBox')));
    expect(await failing(pdf)).toEqual(['pdfx.boxes']);
  });

  it.each([
    ['rich black', '0.3 0.3 0.3 1 k'],
    ['CMY-only black', '0.6 0.55 0.55 0 k'],
    ['screened black', '0.15 g'],
  ])('%s body text under the ink limit', async (_kind, colour) => {
    const pdf = await inject('black-text', (doc) =>
      addContent(doc, `BT ${fontName(doc)} 12 Tf ${colour} 40 30 Td (body) Tj ET`),
    );
    expect(await failing(pdf)).toEqual(['gwg.text.black']);
  });

  it('400% detail inside a 300 ppi image (ink measured at the image resolution)', async () => {
    const pdf = await inject('image-detail', (doc) => {
      const n = 300;
      const px = new Uint8Array(n * n * 4);
      for (let i = 0; i < n * n; i++) px[i * 4 + 3] = 128; // 50 % K everywhere …
      for (const at of [150 * n + 150, 150 * n + 151, 151 * n + 150, 151 * n + 151])
        px.fill(255, at * 4, at * 4 + 4); // … and 2 × 2 px of 400 %
      const img = doc.context.register(
        doc.context.flateStream(px, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: n,
          Height: n,
          ColorSpace: 'DeviceCMYK',
          BitsPerComponent: 8,
        }),
      );
      doc.getPage(0).node.setXObject(PDFName.of('ImD'), img);
      addContent(doc, 'q 72 0 0 72 150 40 cm /ImD Do Q');
    });
    const r = await preflight(pdf, 'print', expectPrint);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['gwg.tac']);
    expect(r.checks.find((c) => c.name === 'gwg.tac')?.details).toMatch(/at 300 dpi/);
  });

  it('a pale tint under the minimum ink', async () => {
    const pdf = await inject('pale', (doc) => addContent(doc, '0.02 0 0 0.3 k 150 20 20 20 re f'));
    expect(await failing(pdf)).toEqual(['gwg.ink.min-tint']);
  });

  it('a hairline in four inks', async () => {
    const pdf = await inject('hairline', (doc) =>
      addContent(doc, '0.5 w 0.2 0.3 0.3 0.1 K 150 20 m 200 20 l S'),
    );
    expect(await failing(pdf)).toEqual(['gwg.line.single-ink']);
  });

  it('a missing title (and runPreflightCommand exits non-zero with JSON)', async () => {
    const pdf = await inject('no-title', (doc) => {
      doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).delete(PDFName.of('Title'));
    });
    expect(await failing(pdf)).toEqual(['meta.basic', 'pdfx.version']);
    let json = '';
    const code = await runPreflightCommand(pdf, {
      profile: 'print',
      expect: expectPrint,
      json: true,
      stdout: { write: (s: string) => (json += s) },
    });
    expect(code).toBe(1);
    const report = JSON.parse(json);
    expect(report.checks.find((c: { name: string }) => c.name === 'meta.basic').details).toMatch(/no Title/);
  });

  it('nothing in the clean file (table on stderr, exit 0)', async () => {
    let table = '';
    const code = await runPreflightCommand(clean, {
      profile: 'print',
      expect: expectPrint,
      stderr: { write: (s: string) => (table += s) },
    });
    expect(table).toMatch(/no defects/);
    expect(code).toBe(0);
  });
});

/** Appends a content stream to page 1 of an injected copy. */
function addContent(doc: PDFDocument, ops: string): void {
  doc.getPage(0).node.addContentStream(doc.context.register(doc.context.stream(ops)));
}

function fontName(doc: PDFDocument): string {
  return doc.getPage(0).node.Resources()?.lookup(PDFName.of('Font'), PDFDict)?.keys()[0]?.asString() ?? '/F0';
}
