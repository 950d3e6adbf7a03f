// Folio's own press files from the shared global build: checked from outside (poppler, qpdf, exiftool, gs),
// and archive defects injected into them by script, each caught by the named preflight rule.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, inject, it } from 'vitest';
import { outputSchema } from '../../../src/content/schema.ts';
import { expectFor } from '../../../src/preflight/expect.ts';
import { preflight, RULES, type PreflightProfile } from '../../../src/preflight/index.ts';
import { pdfinfo, sh } from '../../unit/print/sh.ts';

const { results } = inject('built');
const file = (edition: string, kind: string): string =>
  results.find((r) => r.edition === edition)!.outputs[kind]!;
const dir = mkdtempSync(join(tmpdir(), 'folio-own-'));
const geometry = { widthMm: 390, heightMm: 543, bleedMm: 0 };
const expectArchive = expectFor('archive', outputSchema.parse({}), geometry);

describe('Folio’s own files, checked from outside', () => {
  it('the archive keeps its tags, /Lang and outline, one XMP packet and the edition’s local date', () => {
    for (const edition of ['taiyuan-five-years', 'taiyuan-work-report']) {
      const pdf = file(edition, 'archive');
      expect(pdfinfo(pdf)['Tagged']).toBe('yes');
      const raw = readFileSync(pdf, 'latin1');
      expect(raw.split('<?xpacket begin=').length - 1).toBe(1);
      expect(raw).not.toContain('Untitled');
      const xmp = JSON.parse(sh('exiftool', '-j', '-XMP:all', '-d', '%Y-%m-%d', pdf))[0];
      const day = edition === 'taiyuan-five-years' ? '2021-09-27' : '2021-01-15';
      expect(xmp.CreateDate).toBe(day);
      expect(raw).toContain(`/CreationDate (D:${day.replace(/-/g, '')}000000+08'00')`);
      const json = JSON.parse(sh('qpdf', '--json', '--json-key=outlines', pdf));
      expect(json.outlines.length).toBeGreaterThan(0);
    }
    // PDF/A-3b says part 3 and nothing else; the 2b file says 2.
    expect(sh('exiftool', '-s3', '-XMP-pdfaid:Part', file('taiyuan-work-report', 'archive')).trim()).toBe(
      '3',
    );
    expect(sh('exiftool', '-s3', '-XMP-pdfaid:Part', file('taiyuan-five-years', 'archive')).trim()).toBe('2');
  });

  it('the screen file is linearized and the RGB PDF has a trailer /ID', () => {
    for (const edition of ['taiyuan-five-years', 'taiyuan-work-report']) {
      expect(sh('qpdf', '--check-linearization', file(edition, 'screen'))).toMatch(/no linearization errors/);
      const trailer = JSON.parse(sh('qpdf', '--json', '--json-key=qpdf', file(edition, 'pdf'))).qpdf[1]
        .trailer.value;
      expect(trailer['/ID']).toHaveLength(2);
    }
  });

  it('the print file has no box outside another and solid black text', () => {
    for (const edition of ['taiyuan-five-years', 'taiyuan-work-report']) {
      const pdf = file(edition, 'print');
      const objects = JSON.parse(sh('qpdf', '--json', '--json-key=qpdf', pdf)).qpdf[1] as Record<
        string,
        { value?: unknown }
      >;
      const boxes = Object.values(objects)
        .map((o) => o.value)
        .filter((o): o is Record<string, number[]> => typeof o === 'object' && o !== null && '/TrimBox' in o);
      expect(boxes.length).toBeGreaterThan(0);
      for (const p of boxes) {
        const [m, t, b] = [p['/MediaBox']!, p['/TrimBox']!, p['/BleedBox']!];
        for (const [inner, outer] of [
          [t, b],
          [b, m],
        ] as const) {
          expect(inner[0]).toBeGreaterThanOrEqual(outer[0]!);
          expect(inner[2]).toBeLessThanOrEqual(outer[2]!);
          expect(inner[3]).toBeLessThanOrEqual(outer[3]!);
        }
      }
      // Body text was #1a1a1a (0.102 g, an 89.8 % K screen): after the ink rules it is 0 g where it is shown.
      const qdf = sh('qpdf', '--qdf', '--object-streams=disable', pdf, '-');
      expect(qdf).toMatch(/^0 g$/m);
    }
  });
});

async function injectInto(
  src: string,
  name: string,
  edit: (doc: PDFDocument) => void | Promise<void>,
): Promise<string> {
  const doc = await PDFDocument.load(readFileSync(src), { updateMetadata: false });
  await edit(doc);
  const out = join(dir, `${name}.pdf`);
  writeFileSync(out, await doc.save({ useObjectStreams: false }));
  return out;
}

async function failing(pdf: string, profile: PreflightProfile = 'archive'): Promise<string[]> {
  const r = await preflight(pdf, profile, expectArchive);
  return r.checks.filter((c) => !c.ok).map((c) => c.name);
}

describe('preflight catches in Folio’s own archive', () => {
  const a2 = () => file('taiyuan-five-years', 'archive');

  it('accepts the archive as built, with every archive rule run', async () => {
    const r = await preflight(a2(), 'archive', expectArchive);
    expect(r.checks.map((c) => c.name)).toEqual(
      RULES.filter((x) => x.profiles.includes('archive')).map((x) => x.id),
    );
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('a JavaScript OpenAction', async () => {
    const pdf = await injectInto(a2(), 'js', (doc) => {
      doc.catalog.set(
        PDFName.of('OpenAction'),
        doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
      );
    });
    expect(await failing(pdf)).toEqual(['pdfa.actions']);
  });

  it('a non-PDF/A file embedded in a PDF/A-2b file', async () => {
    const pdf = await injectInto(a2(), 'attached', (doc) =>
      doc.attach(new TextEncoder().encode('notes'), 'notes.txt', { mimeType: 'text/plain' }),
    );
    expect(await failing(pdf)).toEqual(['pdfa.embedded-files']);
  });

  it('Info CreationDate differing from XMP CreateDate', async () => {
    const pdf = await injectInto(a2(), 'dates', (doc) => {
      doc.context
        .lookup(doc.context.trailerInfo.Info, PDFDict)
        .set(PDFName.of('CreationDate'), PDFString.of("D:20210926000000+08'00'"));
    });
    const r = await preflight(pdf, 'archive', expectArchive);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['pdfa.info-xmp']);
    expect(r.checks.find((c) => c.name === 'pdfa.info-xmp')?.details).toMatch(/CreationDate/);
  });

  it('ToUnicode removed from the fonts', async () => {
    const pdf = await injectInto(a2(), 'tounicode', (doc) => {
      for (const [, o] of doc.context.enumerateIndirectObjects())
        if (o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Font'))
          o.delete(PDFName.of('ToUnicode'));
    });
    expect(await failing(pdf)).toEqual(['fonts.tounicode']);
  });

  it('an orphan XMP packet left behind', async () => {
    const pdf = await injectInto(a2(), 'orphan', (doc) => {
      const xmp =
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"/><?xpacket end="w"?>';
      doc.context.register(doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' }));
    });
    expect(await failing(pdf)).toEqual(['pdfa.xmp']);
  });

  it('a structure tree dropped (as Ghostscript does)', async () => {
    const pdf = await injectInto(
      a2(),
      'untagged',
      (doc) => void doc.catalog.delete(PDFName.of('StructTreeRoot')),
    );
    expect(await failing(pdf)).toEqual(['archive.tagged']);
  });
});
