// PDF/X-3:2002 identification and the screen file's web readiness.
import { readFile } from 'node:fs/promises';
import { PDFDict, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { readXmp } from '../metadata.ts';
import { nameOf } from '../objects.ts';
import { xmpTag } from './archive.ts';
import { fail, pass, type Check, type RuleContext } from '../types.ts';

const text = (v: unknown): string =>
  v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '';

/** Info GTS_PDFXVersion and Trapped (True or False, not Unknown), Title and dates; XMP says the same. */
export function checkPdfxVersion(ctx: RuleContext): Check {
  const i = ctx.doc.context.trailerInfo.Info
    ? ctx.doc.context.lookup(ctx.doc.context.trailerInfo.Info)
    : undefined;
  const d = i instanceof PDFDict ? i : undefined;
  const problems: string[] = [];
  const version = text(d?.lookup(PDFName.of('GTS_PDFXVersion')));
  if (version !== 'PDF/X-3:2002') problems.push(`GTS_PDFXVersion ${version || 'missing'}`);
  const trapped = nameOf(d?.lookup(PDFName.of('Trapped')));
  if (trapped !== 'True' && trapped !== 'False') problems.push(`Trapped ${trapped || 'missing'}`);
  for (const k of ['Title', 'CreationDate', 'ModDate'])
    if (!text(d?.lookup(PDFName.of(k)))) problems.push(`no ${k}`);
  const xmp = readXmp(ctx.doc);
  if (xmp && xmpTag(xmp, 'pdfxid:GTS_PDFXVersion') !== version) problems.push('XMP GTS_PDFXVersion differs');
  return problems.length
    ? fail('pdfx.version', problems.join('; '))
    : pass('pdfx.version', `${version}, Trapped ${trapped}`);
}

/** The screen file is linearized, so a browser shows page 1 before the rest has arrived. */
export async function checkLinearized(ctx: RuleContext): Promise<Check> {
  const head = (await readFile(ctx.pdf)).subarray(0, 1024).toString('latin1');
  return /\/Linearized\s/.test(head)
    ? pass('screen.linearized', 'linearized for the web')
    : fail('screen.linearized', 'not linearized (no /Linearized dictionary at the start)');
}
