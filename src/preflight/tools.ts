// Checks that only need a poppler or qpdf call: fonts, page boxes, image resolution, syntax.
import { run, type RunOptions } from '../print/run.ts';
import { MM } from '../print/options.ts';
import { fail, pass, type Check, type PageValue, type PreflightExpect } from './types.ts';

/** pdffonts: every font embedded, none Type 3 (bitmap/procedure fonts RIPs reject or degrade). */
export async function checkFonts(pdf: string, o: RunOptions): Promise<Check> {
  const { stdout } = await run('pdffonts', [pdf], o);
  const lines = stdout.split('\n');
  const rule = lines[1] ?? '';
  // Column widths come from the dashed rule under the header, since font names may contain spaces.
  const cols: [number, number][] = [];
  for (const m of rule.matchAll(/-+/g)) cols.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const bad: string[] = [];
  let count = 0;
  for (const line of lines.slice(2).filter((l) => l.trim())) {
    const [name = '', type = '', , emb = ''] = cols.map(([a, b]) => line.slice(a, b + 1).trim());
    count++;
    if (type.startsWith('Type 3')) bad.push(`${name} is Type 3`);
    if (emb !== 'yes') bad.push(`${name} (${type}) not embedded`);
  }
  // Chromium can write dozens of unnamed Type 3 fonts; name each problem once, with a count.
  const grouped = [...new Set(bad)].map((b) => {
    const n = bad.filter((x) => x === b).length;
    return n > 1 ? `${n}× ${b}` : b;
  });
  return bad.length
    ? fail('fonts', grouped.join('; '))
    : pass('fonts', `${count} fonts, all embedded, no Type 3`);
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** pdfinfo -box: TrimBox is the configured page, BleedBox trim + bleed, MediaBox contains the bleed. */
export async function checkBoxes(pdf: string, e: PreflightExpect, o: RunOptions): Promise<Check> {
  const { stdout } = await run('pdfinfo', ['-box', '-f', '1', '-l', '100000', pdf], o);
  const pages = new Map<number, Record<string, Box>>();
  for (const m of stdout.matchAll(
    /^Page\s+(\d+)\s+(\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)/gm,
  )) {
    const n = Number(m[1]);
    const boxes = pages.get(n) ?? {};
    boxes[m[2] as string] = { x0: +m[3]!, y0: +m[4]!, x1: +m[5]!, y1: +m[6]! };
    pages.set(n, boxes);
  }
  const tol = 0.5;
  const w = e.page.widthMm * MM;
  const h = e.page.heightMm * MM;
  const b = e.page.bleedMm * MM;
  const values: PageValue[] = [];
  for (const [n, bx] of pages) {
    const { TrimBox: t, BleedBox: bl, MediaBox: md } = bx;
    const problems: string[] = [];
    if (!t || !bl || !md) problems.push('box missing');
    else {
      if (Math.abs(t.x1 - t.x0 - w) > tol || Math.abs(t.y1 - t.y0 - h) > tol)
        problems.push(
          `trim ${(t.x1 - t.x0).toFixed(2)}×${(t.y1 - t.y0).toFixed(2)} pt, want ${w.toFixed(2)}×${h.toFixed(2)}`,
        );
      const sides = [t.x0 - bl.x0, t.y0 - bl.y0, bl.x1 - t.x1, bl.y1 - t.y1];
      if (sides.some((s) => Math.abs(s - b) > tol))
        problems.push(`bleed ${sides.map((s) => s.toFixed(2)).join('/')} pt, want ${b.toFixed(2)}`);
      if (md.x0 > bl.x0 + tol || md.y0 > bl.y0 + tol || md.x1 < bl.x1 - tol || md.y1 < bl.y1 - tol)
        problems.push('MediaBox smaller than BleedBox');
    }
    values.push({ page: n, value: problems.join('; ') || 'ok', ok: problems.length === 0 });
  }
  const bad = values.filter((v) => !v.ok);
  const want = `trim ${e.page.widthMm}×${e.page.heightMm} mm, bleed ${e.page.bleedMm} mm`;
  return bad.length
    ? fail('page boxes', `${bad.length} page(s) differ from ${want}`, values)
    : pass('page boxes', want, values);
}

/** pdfimages -list: effective resolution of every placed image (not its masks). */
export async function checkImages(pdf: string, e: PreflightExpect, o: RunOptions): Promise<Check> {
  const { stdout } = await run('pdfimages', ['-list', pdf], o);
  const values: PageValue[] = [];
  for (const line of stdout.split('\n').slice(2)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 14 || f[2] !== 'image') continue;
    const ppi = Math.min(Number(f[12]), Number(f[13]));
    values.push({ page: Number(f[0]), value: ppi, ok: ppi >= e.minPpi });
  }
  const low = values.filter((v) => !v.ok);
  if (!values.length) return pass('image resolution', 'no images');
  const min = Math.min(...values.map((v) => Number(v.value)));
  return low.length
    ? fail('image resolution', `${low.length} image(s) below ${e.minPpi} ppi (lowest ${min})`, values)
    : pass('image resolution', `${values.length} image(s), lowest ${min} ppi ≥ ${e.minPpi}`, values);
}

/** qpdf --check: exit 2 is damage; 3 is warnings only (reported, not a defect). */
export async function checkSyntax(pdf: string, o: RunOptions): Promise<Check> {
  const r = await run('qpdf', ['--check', pdf], { ...o, okCodes: [0, 2, 3] });
  const warnings = (r.stdout + r.stderr)
    .split('\n')
    .filter((l) => /WARNING|error/i.test(l) && !/cannot detect/.test(l));
  if (r.code === 2) return fail('PDF syntax', warnings.slice(0, 5).join('; ') || 'qpdf found errors');
  return pass(
    'PDF syntax',
    r.code === 3 ? `warnings: ${warnings.slice(0, 3).join('; ')}` : 'qpdf --check clean',
  );
}
