// Builds both example editions in real Chromium and checks the PDFs with independent tools.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { box, pdffonts, pdfinfo, pdftext, run } from '../../helpers/tools.ts';

const MM = 72 / 25.4;
// Built once for the whole run by test/global-build.ts (the library's build(), in real Chromium).
const { outDir: out, results } = inject('built');

const cases = [
  { name: 'taiyuan-five-years', pages: 1, bleed: 0, title: '这五年，太原发生了哪些变化', author: '郝晓炜' },
  {
    name: 'taiyuan-work-report',
    pages: 2,
    bleed: 3,
    title: '推动党的建设和党的事业在太原阔步前行',
    author: '丁洁',
  },
];

describe.each(cases)('$name', (c) => {
  const result = () => results.find((r) => r.edition === c.name)!;
  const pdf = () => result().outputs['pdf']!;

  it('reports the edition, its pages and outputs', () => {
    expect(result().pages).toBe(c.pages);
    expect(pdf()).toBe(join(out, c.name, `${c.name}.pdf`));
    expect(JSON.parse(readFileSync(join(out, c.name, 'report.json'), 'utf8')).edition).toBe(c.name);
  });

  it('embeds every font as a real font, never Type 3', () => {
    const fonts = pdffonts(pdf());
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.type, f.name).not.toMatch(/Type 3/);
      expect(f.type, f.name).toMatch(/CID TrueType|TrueType|CID Type 0C|Type 1C/);
      expect(f.embedded, f.name).toBe(true);
    }
  });

  it('has MediaBox, BleedBox and TrimBox for the configured size and bleed', () => {
    const info = pdfinfo(pdf());
    const [w, h, b] = [390 * MM, 543 * MM, c.bleed * MM];
    const close = (actual: number[], expected: number[]) =>
      expected.forEach((v, i) => expect(actual[i], `${i}: ${actual.join(' ')}`).toBeCloseTo(v, 0));
    close(box(info, 'MediaBox'), [0, 0, w + 2 * b, h + 2 * b]);
    close(box(info, 'BleedBox'), [0, 0, w + 2 * b, h + 2 * b]);
    close(box(info, 'TrimBox'), [b, b, w + b, h + b]);
    expect(Number(info['Pages'])).toBe(c.pages);
  });

  it('draws nothing transparent (the PDF/X step would rasterise the page)', () => {
    const raw = readFileSync(pdf()).toString('latin1');
    expect(raw).not.toMatch(/\/(CA|ca) 0?\.\d/);
    expect(raw).not.toMatch(/\/SMask \d/);
  });

  it('carries Chinese metadata from the front matter, /Lang, tags and an outline', () => {
    const info = pdfinfo(pdf());
    expect(info['Title']).toBe(c.title);
    expect(info['Author']).toContain(c.author);
    expect(info['Subject']?.length).toBeGreaterThan(5);
    expect(info['Keywords']).toContain('太原日报');
    expect(info['CreationDate']).toMatch(/20(21|20)/);
    expect(info['Tagged']).toBe('yes');
    const raw = readFileSync(pdf()).toString('latin1');
    expect(raw).toMatch(/\/Lang \(zh-CN\)/);
    expect(raw).toMatch(/\/Outlines \d+ 0 R/);
  });

  it('prints every figure as rendered, and reports the pages it is on', () => {
    const text = pdftext(pdf()).replace(/\s+/g, '');
    const figures = Object.entries(result().figures);
    expect(figures.length).toBeGreaterThan(25);
    for (const [id, f] of figures) {
      expect(text, id).toContain(f.text.replace(/\s+/g, ''));
      expect(f.pages.length, id).toBeGreaterThan(0);
    }
  });
});

describe('press, archive and screen files of a full build', () => {
  const outputs = (name: string) => results.find((r) => r.edition === name)!.outputs;

  it.each(['print', 'archive', 'screen'])(
    '%s: live text in real fonts, Chinese title, correct trim box',
    (kind) => {
      const r = results.find((x) => x.edition === 'taiyuan-work-report')!;
      const pdf = r.outputs[kind]!;
      const fonts = pdffonts(pdf);
      // No fonts would mean Ghostscript rasterised the page (it does when it flattens transparency).
      expect(fonts.length, kind).toBeGreaterThan(0);
      for (const f of fonts) expect(f.type, `${kind} ${f.name}`).not.toMatch(/Type 3/);
      // The text layer survives Ghostscript: every figure still searches and copies as printed.
      const text = pdftext(pdf).replace(/\s+/g, '');
      for (const [id, f] of Object.entries(r.figures))
        expect(text, `${kind} ${id}`).toContain(f.text.replace(/\s+/g, ''));
      const info = pdfinfo(pdf);
      expect(info['Title']).toBe('推动党的建设和党的事业在太原阔步前行');
      const b = 3 * MM;
      const trim = box(info, 'TrimBox');
      expect(trim[2]! - trim[0]!).toBeCloseTo(390 * MM, 0);
      expect(trim[0]).toBeCloseTo(b, 0);
    },
  );

  it('archives the work report as PDF/A-3b with its sources attached', () => {
    const pdf = outputs('taiyuan-work-report')['archive']!;
    const xmp = run('exiftool', ['-XMP-pdfaid:all', '-s', '-s', '-s', pdf]);
    expect(xmp).toMatch(/^3\s*$/m);
    const files = run('pdfdetach', ['-list', pdf]);
    expect(files).toContain('report.md');
    expect(files).toContain('figures.yaml');
    expect(files).toContain('report.json');
    // The attached report names its files relative to the edition (an archive outlives this machine).
    const dir = mkdtempSync(join(tmpdir(), 'folio-detach-'));
    run('pdfdetach', ['-saveall', '-o', dir, pdf]);
    const attached = readFileSync(join(dir, 'report.json'), 'utf8');
    expect(JSON.parse(attached).outputs.pdf).toBe('taiyuan-work-report.pdf');
    expect(attached).not.toContain(out);
    expect(attached).not.toMatch(/"\/[^"]*\.md"/);
  });

  it('passes its own preflight on every press file', () => {
    for (const r of results)
      for (const p of r.preflight ?? []) expect(p.failed, `${r.edition} ${p.profile}`).toEqual([]);
    expect(results.every((r) => (r.preflight ?? []).length === 3)).toBe(true);
  });

  it('prints a spread as one double-width 跨版 page and as its two single pages', () => {
    const spread = outputs('taiyuan-work-report')['spread']!;
    const info = pdfinfo(spread);
    expect(Number(info['Pages'])).toBe(1);
    const trim = box(info, 'TrimBox');
    expect(trim[2]! - trim[0]!).toBeCloseTo(2 * 390 * MM, 0);
    // The single pages are the halves: the left holds section 1, the right section 6.
    const pdf = outputs('taiyuan-work-report')['pdf']!;
    const [left, right] = [1, 2].map((page) => pdftext(pdf, page).replace(/\s+/g, ''));
    expect(left).toContain('坚持学深悟透');
    expect(right).toContain('坚持民生优先');
    expect(left).not.toContain('坚持民生优先');
  });

  it('leaves no character of the spread head on the fold', () => {
    const spread = outputs('taiyuan-work-report')['spread']!;
    const info = pdfinfo(spread);
    const fold = (box(info, 'MediaBox')[2]! + box(info, 'MediaBox')[0]!) / 2;
    // pdftotext cuts words at a gap: a word across the fold is type set on it.
    const words = [
      ...run('pdftotext', ['-bbox', spread, '-']).matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]+)</g,
      ),
    ].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), text: m[4]! }));
    const head = words.filter((w) => w.y0 < 100 * MM);
    expect(head.map((w) => w.text).join('')).toContain('推动党的建设');
    const across = head.filter((w) => w.x0 < fold - 1 && w.x1 > fold + 1).map((w) => w.text);
    expect(across).toEqual([]);
    // Both halves of the headline keep clear of the fold by the gap (2 mm each side).
    for (const w of head.filter((x) => x.text.length > 3))
      expect(Math.min(Math.abs(w.x0 - fold), Math.abs(w.x1 - fold)), w.text).toBeGreaterThanOrEqual(1.5 * MM);
  });

  it('writes a PNG preview per page and a contact sheet', () => {
    const r = results.find((x) => x.edition === 'taiyuan-work-report')!;
    expect(readdirSync(r.outputs['previews']!).sort()).toEqual(['page-06.png', 'page-07.png']);
    expect(readFileSync(r.outputs['contactSheet']!).subarray(1, 4).toString()).toBe('PNG');
  });
});
