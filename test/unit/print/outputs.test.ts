// makeOutputs end to end: each output checked with independent tools (poppler, qpdf, Ghostscript, exiftool).
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeOutputs, type Outputs } from '../../../src/print/index.ts';
import { preflight } from '../../../src/preflight/index.ts';
import { makeRgbPdf, meta, page } from './fixture.ts';
import { inkcov, pdfinfo, sh } from './sh.ts';

const dir = mkdtempSync(join(tmpdir(), 'folio-print-test-'));
let rgb = '';
let out: Outputs;
let ms = 0;

beforeAll(async () => {
  rgb = await makeRgbPdf(dir);
  const t = Date.now();
  out = await makeOutputs(rgb, dir, meta, page);
  ms = Date.now() - t;
  console.info(`makeOutputs: ${ms} ms`);
});

describe('makeOutputs', () => {
  it('writes three files atomically and leaves no temp files', () => {
    const names = readdirSync(dir);
    expect(names).toEqual(
      expect.arrayContaining(['edition-print.pdf', 'edition-archive.pdf', 'edition-screen.pdf']),
    );
    expect(names.filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it.each(['print', 'archive', 'screen'] as const)('%s keeps the Chinese metadata, boxes and fonts', (k) => {
    const info = pdfinfo(out[k]);
    expect(info.Title).toBe(meta.title);
    expect(info.Author).toBe(meta.author);
    expect(info.Subject).toBe(meta.subject);
    expect(info.Keywords).toBe('政府工作报告, 经济, 就业');
    expect(info.CreationDate).toMatch(/Mar\s+6 08:00:00 2026 UTC/);
    const boxes = pdfinfo(out[k], '-box');
    expect(boxes.TrimBox).toMatch(/^8\.51\s+8\.51\s+291\.96\s+235\.27$/);
    expect(boxes.BleedBox).toMatch(/^0\.00\s+0\.00\s+300\.47\s+243\.78$/);
    const fonts = sh('pdffonts', out[k]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBe(2);
    for (const f of fonts) expect(f).toMatch(/Type 1C\s+\S+\s+yes/);
    expect(sh('qpdf', '--check', out[k])).toMatch(/No syntax or stream encoding errors/);
    const xmp = JSON.parse(sh('exiftool', '-j', '-XMP:all', out[k]))[0];
    expect(xmp.Title).toBe(meta.title);
    expect(xmp.Creator).toBe(meta.author);
    expect(xmp.DocumentID).toMatch(/^uuid:/);
  });

  it('print is PDF/X-3, CMYK only, black text K-only, under the ink limit', async () => {
    const info = pdfinfo(out.print);
    expect(info['PDF subtype']).toBe('PDF/X-3:2002');
    expect(info['PDF version']).toBe('1.3');
    const [c, m, y, k] = inkcov(out.print)[0]!;
    expect(k).toBeGreaterThan(0);
    expect(c! + m! + y!).toBeGreaterThan(0);
    // Black and grey Chromium-style RGB text must have become DeviceGray (K plate only).
    const qdf = sh('qpdf', '--qdf', '--object-streams=disable', out.print, '-');
    expect(qdf).toMatch(/^0 g$/m);
    expect(qdf).toMatch(/^0\.333\d* g$/m);
    expect(qdf).not.toMatch(/ rg$|DeviceRGB/m);
    const report = await preflight(out.print, 'print', { page, minTextPt: 10, tac: 240, minPpi: 170 });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('archive is PDF/A-2b with an sRGB intent', async () => {
    const xmp = JSON.parse(sh('exiftool', '-j', '-XMP-pdfaid:all', out.archive))[0];
    expect(xmp.Part).toBe(2);
    expect(xmp.Conformance).toBe('B');
    const report = await preflight(out.archive, 'archive', { page, minTextPt: 10, tac: 240, minPpi: 170 });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('screen is smaller than the archive and passes the screen profile', async () => {
    const report = await preflight(out.screen, 'screen', { page, minTextPt: 10, tac: 240, minPpi: 100 });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(Number(pdfinfo(out.screen)['File size']?.split(' ')[0])).toBeLessThan(
      Number(pdfinfo(out.archive)['File size']?.split(' ')[0]),
    );
  });

  it('PDF/A-3b carries the sources as AFRelationship Source; crop marks sit outside the bleed', async () => {
    const d2 = mkdtempSync(join(tmpdir(), 'folio-print-a3-'));
    const md = join(d2, 'article.md');
    const report = join(d2, 'report.json');
    writeFileSync(md, '# 标题\n\n正文。\n');
    writeFileSync(report, '{"ok":true}\n');
    const r = await makeOutputs(rgb, d2, meta, page, {
      attachSources: [{ path: md }, { path: report }],
      cropMarks: true,
    });
    expect(JSON.parse(sh('exiftool', '-j', '-XMP-pdfaid:all', r.archive))[0].Part).toBe(3);
    expect(sh('pdfdetach', '-list', r.archive)).toMatch(
      /2 embedded files[\s\S]*article\.md[\s\S]*report\.json/,
    );
    const qdf = sh('qpdf', '--qdf', '--object-streams=disable', r.archive, '-');
    expect(qdf.match(/\/AFRelationship \/Source/g)?.length).toBe(2);
    expect(qdf).toMatch(/\/AF \d+ 0 R/);
    const boxes = pdfinfo(r.print, '-box');
    expect(boxes.MediaBox).toMatch(/^-28\.35\s+-28\.35\s+328\.82\s+272\.13$/);
    expect(boxes.TrimBox).toMatch(/^8\.51\s+8\.51\s+291\.96\s+235\.27$/);
  });
});
