// Ghostscript command lines for the print and screen outputs, and the PostScript prologue PDF/X needs.
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrintOptions } from './options.ts';

/** Where Ghostscript's own default profiles live (Debian). */
export const GS_ICC_DIR = '/usr/share/color/icc/ghostscript';

// -dNEWPDF=false: Ghostscript 10.0's new PDF interpreter rewrites the ToUnicode maps of Chromium's CID
// TrueType fonts wrongly (太 extracts as "z"), so the print, archive and screen files would not search or
// copy right. The legacy interpreter keeps them; it warns that it is deprecated, which is expected.
const common = ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-dNEWPDF=false', '-sDEVICE=pdfwrite'];

/** A PostScript string literal: escape the three characters the syntax reserves. */
export function psString(s: string): string {
  return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/**
 * Ghostscript 10.0's pdfwrite ignores -sOutputICCProfile when converting colours (checked: identical
 * CMYK values with and without it), but it does convert through the `default_cmyk.icc` it finds in
 * -sICCProfilesDir. So the print run gets a private profiles dir: Ghostscript's defaults, with
 * default_cmyk.icc replaced by the newsprint profile.
 */
export async function makeIccDir(dir: string, cmykProfile: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(GS_ICC_DIR)) {
    if (f.endsWith('.icc')) await copyFile(join(GS_ICC_DIR, f), join(dir, f));
  }
  await copyFile(cmykProfile, join(dir, 'default_cmyk.icc'));
  return dir + '/';
}

/** PDF/X-3 prologue: version key, an ASCII placeholder title (the real one is written afterwards), intent. */
export function pdfxDef(o: PrintOptions): string {
  return `%!PS
[ /GTS_PDFXVersion (PDF/X-3:2002) /Title (Folio) /Trapped /False /DOCINFO pdfmark
[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark
[{icc_PDFX} << /N 4 >> /PUT pdfmark
[{icc_PDFX} ${psString(o.iccProfile)} (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX
  /OutputCondition ${psString(ascii(o.outputCondition))}
  /OutputConditionIdentifier ${psString(ascii(o.outputConditionIdentifier))}
  /Info ${psString(ascii(o.outputCondition))}
  /RegistryName (http://www.color.org) /DestOutputProfile {icc_PDFX} >> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
`;
}

function ascii(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}

export interface GsJob {
  args: string[];
  /** Files the prologue must be allowed to read under -dSAFER. */
  files: Record<string, string>;
}

/**
 * Print: PDF/X-3 (-dPDFX; Ghostscript 10.0 rejects -dPDFX=3), everything converted to CMYK through the
 * newsprint profile. DeviceGray stays gray (K only). -dPDFX also flattens transparency, which PDF/X-3
 * forbids. Fonts: /prepress embeds and subsets everything.
 */
export function printJob(o: PrintOptions, input: string, output: string, tmp: string, iccDir: string): GsJob {
  const def = join(tmp, 'pdfx_def.ps');
  return {
    files: { [def]: pdfxDef(o) },
    args: [
      ...common,
      `--permit-file-read=${o.iccProfile}`,
      `--permit-file-read=${iccDir}`,
      '-dPDFX',
      '-dPDFSETTINGS=/prepress',
      // PDF/X-3:2002 is based on PDF 1.3; /prepress alone would write a 1.7 header.
      '-dCompatibilityLevel=1.3',
      // pdfwrite only accepts a CMYK device profile when the process model is CMYK too.
      '-dProcessColorModel=/DeviceCMYK',
      '-sColorConversionStrategy=CMYK',
      `-sICCProfilesDir=${iccDir}`,
      '-dDeviceGrayToK=true',
      '-dRenderIntent=0',
      '-dAutoRotatePages=/None',
      `-sOutputFile=${output}`,
      def,
      input,
    ],
  };
}

/** Screen: small RGB file; /ebook downsamples images to 150 ppi, fonts stay embedded and subset. */
export function screenJob(o: PrintOptions, input: string, output: string): GsJob {
  return {
    files: {},
    args: [
      ...common,
      `-dPDFSETTINGS=${o.screenPreset}`,
      '-sColorConversionStrategy=RGB',
      '-dEmbedAllFonts=true',
      '-dSubsetFonts=true',
      '-dDetectDuplicateImages=true',
      '-dAutoRotatePages=/None',
      `-sOutputFile=${output}`,
      input,
    ],
  };
}

export async function writeJobFiles(job: GsJob): Promise<void> {
  for (const [path, text] of Object.entries(job.files)) await writeFile(path, text);
}
