// Transparency anywhere: PDF/X-3:2002 is based on PDF 1.3, which has none, so a RIP may drop or misrender it.
import { PDFName } from 'pdf-lib';
import { allDicts, nameOf, numOf } from '../objects.ts';
import { fail, pass, type Check, type RuleContext } from '../types.ts';

export function checkTransparency(ctx: RuleContext): Check {
  const found = new Map<string, number>();
  const note = (k: string): void => void found.set(k, (found.get(k) ?? 0) + 1);
  for (const { dict } of allDicts(ctx.doc)) {
    const smask = dict.get(PDFName.of('SMask'));
    if (smask && nameOf(smask) !== 'None') note('soft mask');
    for (const k of ['CA', 'ca']) {
      const v = numOf(dict.lookup(PDFName.of(k)));
      if (Number.isFinite(v) && v < 1) note(`${k} ${v}`);
    }
    const bm = dict.lookup(PDFName.of('BM'));
    const mode = nameOf(bm);
    if (bm && mode !== 'Normal' && mode !== 'Compatible') note(`blend mode ${mode || 'array'}`);
    if (
      nameOf(dict.get(PDFName.of('S'))) === 'Transparency' &&
      nameOf(dict.get(PDFName.of('Type'))) !== 'Mask'
    )
      note('transparency group');
  }
  if (!found.size) return pass('pdfx.transparency', 'no transparency');
  return fail('pdfx.transparency', [...found].map(([k, n]) => `${n}× ${k}`).join(', '));
}
