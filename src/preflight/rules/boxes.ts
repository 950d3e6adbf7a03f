// Page boxes read from each page dictionary (pdfinfo would print the CropBox for a missing TrimBox).
import { PDFArray, PDFName, type PDFPage } from 'pdf-lib';
import { MM } from '../../print/options.ts';
import { numOf } from '../objects.ts';
import { fail, pass, type Check, type PageValue, type RuleContext } from '../types.ts';

type Box = [number, number, number, number];

function own(p: PDFPage, key: string): Box | undefined {
  // MediaBox and CropBox may be inherited from the page tree; TrimBox and BleedBox may not (ISO 32000 §14.11.2).
  const v =
    key === 'MediaBox' || key === 'CropBox'
      ? p.node.getInheritableAttribute(PDFName.of(key))
      : p.node.get(PDFName.of(key));
  const a = v ? p.doc.context.lookup(v) : undefined;
  if (!(a instanceof PDFArray) || a.size() !== 4) return undefined;
  const [x0, y0, x1, y1] = a.asArray().map((n) => numOf(p.doc.context.lookup(n)));
  return [Math.min(x0!, x1!), Math.min(y0!, y1!), Math.max(x0!, x1!), Math.max(y0!, y1!)];
}

const inside = (a: Box, b: Box): boolean => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];

export function checkBoxes(ctx: RuleContext): Check {
  const { page: g } = ctx.expect;
  const [w, h, b] = [g.widthMm * MM, g.heightMm * MM, g.bleedMm * MM];
  const tol = 0.5;
  const values: PageValue[] = ctx.doc.getPages().map((p, i) => {
    const media = own(p, 'MediaBox');
    const crop = own(p, 'CropBox') ?? media;
    const bleed = own(p, 'BleedBox') ?? crop;
    const trim = own(p, 'TrimBox');
    const art = own(p, 'ArtBox');
    const problems: string[] = [];
    if (!media) problems.push('no MediaBox');
    if (!trim) problems.push(art ? 'ArtBox instead of a TrimBox' : 'no TrimBox');
    if (trim && art) problems.push('both TrimBox and ArtBox');
    if (media && trim && bleed && crop) {
      // Exact comparisons: a strict validator allows no tolerance.
      if (!inside(trim, bleed)) problems.push('TrimBox sticks out of the BleedBox');
      if (!inside(trim, crop)) problems.push('TrimBox sticks out of the CropBox');
      if (!inside(bleed, media)) problems.push('BleedBox sticks out of the MediaBox');
      const [tw, th] = [trim[2] - trim[0], trim[3] - trim[1]];
      // A 跨版 spread file is two pages wide.
      const wide = Math.round(tw / w) || 1;
      if (Math.abs(tw - w * wide) > tol || Math.abs(th - h) > tol)
        problems.push(
          `trim ${tw.toFixed(2)}×${th.toFixed(2)} pt, want ${(w * wide).toFixed(2)}×${h.toFixed(2)}`,
        );
      const sides = [trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]];
      if (sides.some((s) => Math.abs(s - b) > tol))
        problems.push(`bleed ${sides.map((s) => s.toFixed(2)).join('/')} pt, want ${b.toFixed(2)}`);
    }
    return { page: i + 1, value: problems.join('; ') || 'ok', ok: problems.length === 0 };
  });
  const bad = values.filter((v) => !v.ok);
  const want = `trim ${g.widthMm}×${g.heightMm} mm, bleed ${g.bleedMm} mm, boxes nested`;
  return bad.length
    ? fail('pdfx.boxes', `${bad.length} page(s): ${bad[0]?.value}`, values)
    : pass('pdfx.boxes', want, values);
}
