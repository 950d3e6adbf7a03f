// The line fitter on the example editions (the shared global build), checked from the fit report and
// from the printed PDF: no 孤字 and no lone line at a column break is left, what is left of loose lines
// is a warning naming its Markdown line, and opening marks at a line start are set half-width.
import { describe, expect, inject, it } from 'vitest';
import { run } from '../../helpers/tools.ts';

const { results } = inject('built');

describe.each(results.map((r) => ({ edition: r.edition, r })))('$edition', ({ r }) => {
  it('leaves no 孤字 and no lone line, and warns of each loose line left with its file:line', () => {
    const issues = r.fit!.pages.flatMap((p) => p.modules.flatMap((m) => m.looseLines));
    expect(issues.filter((i) => i.kind !== 'loose')).toEqual([]);
    // A loose line is one justified over 0.1 em between characters, never a paragraph's last line.
    for (const i of issues) expect(i.em, i.text).toBeGreaterThan(0.1);
    const warned = r.warnings.filter((w) => w.code === 'LooseLine');
    expect(warned.length > 0).toBe(issues.length > 0);
    for (const w of warned) {
      expect(w.file).toMatch(/\.md$/);
      expect(w.line).toBeGreaterThan(0);
    }
    const lines = r.fit!.pages.reduce((n, p) => n + p.looseLines, 0);
    expect(lines).toBe(issues.length);
  });
});

describe('punctuation compression in the PDF', () => {
  it('sets “ 《 （ at the start of a line half-width: that line starts 0.5 em left of its column', () => {
    const pdf = results.find((r) => r.edition === 'taiyuan-five-years')!.outputs['pdf']!;
    const xml = run('pdftotext', ['-bbox-layout', pdf, '-']);
    const rows = [
      ...xml.matchAll(
        /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
      ),
    ].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      right: Number(m[3]),
      h: Number(m[4]) - Number(m[2]),
      text: m[5]!.replace(/<[^>]+>|\s/g, ''),
    }));
    // Body lines: 9–12 pt type (pdftotext's line box is about 1.44 em tall); a column's edge: the most
    // common start of the lines just above and below.
    const mode = (xs: number[]) =>
      [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<number, number>())].sort(
        (a, b) => b[1] - a[1],
      )[0]![0];
    const body = rows.filter((r) => r.h > 12.5 && r.h < 17.5);
    const opening = body.filter((r) => /^[“《（]/.test(r.text));
    expect(opening.length).toBeGreaterThan(0);
    let trimmed = 0;
    // pdftotext may cut a line after a 》 whose 《 follows it: then the mark does not start the line.
    const starts = opening.filter(
      (o) => !body.some((b) => Math.abs(b.y - o.y) < 1 && b.x < o.x && b.right > o.x - o.h),
    );
    for (const o of starts) {
      const em = o.h / 1.44;
      const near = body.filter(
        (b) => b !== o && Math.abs(b.y - o.y) < 8 * em && Math.abs(b.x - o.x) < 1.5 * em,
      );
      if (near.length < 2) continue;
      const edge = mode(near.map((b) => Math.round(b.x * 4) / 4));
      const off = (edge - o.x) / em;
      // A paragraph's first line is indented (2 em) and keeps its mark full-width.
      if (off < -1) continue;
      expect(off, `${o.text} starts ${off.toFixed(2)} em left of its column`).toBeGreaterThan(0.35);
      trimmed++;
    }
    expect(trimmed).toBeGreaterThan(0);
  });
});
