// Injected defects, each of which preflight must catch in an otherwise clean print file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cmyk, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeOutputs } from '../../../src/print/index.ts';
import { preflight, runPreflightCommand, type PreflightExpect } from '../../../src/preflight/index.ts';
import { gradientPng, makeRgbPdf, meta, page } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'folio-defects-'));
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
    expect(await failing(pdf)).toEqual(['colour']);
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
    expect(await failing(pdf)).toEqual(['fonts']);
  });

  it('ink over the limit (a 400% rich black patch)', async () => {
    const pdf = await inject('ink', (doc) => {
      doc.getPage(0).drawRectangle({ x: 150, y: 20, width: 20, height: 20, color: cmyk(1, 1, 1, 1) });
    });
    const r = await preflight(pdf, 'print', expectPrint);
    const ink = r.checks.find((c) => c.name === 'total ink');
    expect(ink?.ok).toBe(false);
    expect(ink?.pages?.[0]?.value).toBe(400);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['total ink']);
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
    expect(await failing(pdf)).toEqual(['small four-colour text']);
  });

  it('a missing title (and runPreflightCommand exits non-zero with JSON)', async () => {
    const pdf = await inject('no-title', (doc) => {
      doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).delete(PDFName.of('Title'));
    });
    expect(await failing(pdf)).toEqual(['metadata']);
    let json = '';
    const code = await runPreflightCommand(pdf, {
      profile: 'print',
      expect: expectPrint,
      json: true,
      stdout: { write: (s: string) => (json += s) },
    });
    expect(code).toBe(1);
    const report = JSON.parse(json);
    expect(report.checks.find((c: { name: string }) => c.name === 'metadata').details).toMatch(/no Title/);
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
