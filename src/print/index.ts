// Print (PDF/X-3, CMYK newsprint), archive (PDF/A-2b or -3b) and screen PDFs from the RGB build PDF.
// Print and screen go through Ghostscript; the archive is the RGB file itself, completed by pdf-lib.
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { FolioError } from '../errors/FolioError.ts';
import { attachSources } from './attach.ts';
import { addCropMarks, setBoxes } from './boxes.ts';
import { addPdfaOutputIntent, stripForbidden } from './archive.ts';
import { makeIccDir, printJob, screenJob, writeJobFiles, type GsJob } from './ghostscript.ts';
import { writeMetadata, type MetadataKind } from './metadata.ts';
import { applyInkRules } from './inks.ts';
import { neutralRgbToGray } from './neutral.ts';
import { resolveOptions, type DocMeta, type PageGeometry, type PrintOptions } from './options.ts';
import { run } from './run.ts';

export type { DocMeta, PageGeometry, PrintOptions } from './options.ts';
export { defaultPrintOptions } from './options.ts';

export interface Outputs {
  print: string;
  archive: string;
  screen: string;
}

const PRODUCER = 'GPL Ghostscript; pdf-lib (Folio)';
const ARCHIVE_PRODUCER = 'Chromium; pdf-lib (Folio)';

/**
 * Writes `<name>-print.pdf`, `<name>-archive.pdf` and `<name>-screen.pdf` into outDir. The three
 * Ghostscript runs go in parallel; nothing in outDir changes unless all three succeed.
 */
export async function makeOutputs(
  rgbPdf: string,
  outDir: string,
  meta: DocMeta,
  page: PageGeometry,
  options: Partial<PrintOptions> & { name?: string } = {},
): Promise<Outputs> {
  const o = resolveOptions(options);
  const name = options.name ?? basename(rgbPdf).replace(/\.pdf$/i, '');
  const tmp = await mkdtemp(join(tmpdir(), 'folio-print-'));
  try {
    const kinds = ['print', 'archive', 'screen'] as const;
    const made = await Promise.all(kinds.map((k) => makeOutput(k, rgbPdf, tmp, meta, page, o)));
    if (o.signal?.aborted) throw new FolioError('Aborted', {});
    const targets = kinds.map((k) => join(outDir, `${name}-${k}.pdf`));
    // Stage next to the targets so the final rename stays on one file system (atomic).
    const staged = targets.map((t) => `${t}.tmp-${process.pid}`);
    try {
      await Promise.all(made.map((bytes, i) => writeFile(staged[i] as string, bytes)));
      await Promise.all(staged.map((s, i) => rename(s, targets[i] as string)));
    } finally {
      await Promise.all(staged.map((s) => rm(s, { force: true })));
    }
    const [print = '', archive = '', screen = ''] = targets;
    return { print, archive, screen };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

export type OutputKind = 'print' | 'archive' | 'screen';

/** One output, as bytes: Ghostscript into `tmp`, then boxes and metadata with pdf-lib. */
export async function makeOutput(
  kind: OutputKind,
  rgbPdf: string,
  tmp: string,
  meta: DocMeta,
  page: PageGeometry,
  o: PrintOptions,
): Promise<Uint8Array> {
  const gsOut = join(tmp, `${kind}-gs.pdf`);
  let job: GsJob;
  let mk: MetadataKind = { producer: PRODUCER };
  if (kind === 'print') {
    const input = await prepareForPrint(await readFile(rgbPdf), join(tmp, 'print-in.pdf'));
    const iccDir = await makeIccDir(join(tmp, 'icc'), o.iccProfile);
    job = printJob(o, input, gsOut, tmp, iccDir);
    mk = { ...mk, pdfx: 'PDF/X-3:2002' };
  } else if (kind === 'archive') {
    const doc = await PDFDocument.load(await readFile(rgbPdf), { updateMetadata: false });
    stripForbidden(doc);
    await addPdfaOutputIntent(doc, o.srgbProfile);
    return finishDoc(doc, meta, page, o, {
      producer: ARCHIVE_PRODUCER,
      pdfa: { part: o.attachSources ? 3 : 2, conformance: 'B' },
    });
  } else {
    job = screenJob(o, rgbPdf, gsOut);
  }
  await writeJobFiles(job);
  await run('gs', job.args, { signal: o.signal, timeoutMs: o.timeoutMs });
  const bytes = await finish(gsOut, meta, page, o, mk);
  return kind === 'screen' ? linearize(bytes, tmp, o) : bytes;
}

/** The screen file is for the web: qpdf linearizes it (first page shows before the rest arrives). */
async function linearize(bytes: Uint8Array, tmp: string, o: PrintOptions): Promise<Uint8Array> {
  const [src, out] = [join(tmp, 'screen-fin.pdf'), join(tmp, 'screen-lin.pdf')];
  await writeFile(src, bytes);
  const args = [
    '--linearize',
    '--object-streams=generate',
    '--compress-streams=y',
    '--recompress-flate',
    src,
    out,
  ];
  // qpdf exits 3 when it only warns; the output is still written.
  await run('qpdf', args, { signal: o.signal, timeoutMs: o.timeoutMs, okCodes: [0, 3] });
  return new Uint8Array(await readFile(out));
}

async function prepareForPrint(source: Uint8Array, out: string): Promise<string> {
  const doc = await PDFDocument.load(source, { updateMetadata: false });
  neutralRgbToGray(doc);
  await writeFile(out, await doc.save({ useObjectStreams: false }));
  return out;
}

async function finish(
  gsOut: string,
  meta: DocMeta,
  page: PageGeometry,
  o: PrintOptions,
  kind: MetadataKind,
): Promise<Uint8Array> {
  return finishDoc(
    await PDFDocument.load(await readFile(gsOut), { updateMetadata: false }),
    meta,
    page,
    o,
    kind,
  );
}

async function finishDoc(
  doc: PDFDocument,
  meta: DocMeta,
  page: PageGeometry,
  o: PrintOptions,
  kind: MetadataKind,
): Promise<Uint8Array> {
  setBoxes(doc, page);
  if (kind.pdfx) applyInkRules(doc, o.inks);
  if (kind.pdfx && o.cropMarks) addCropMarks(doc, page, o.slugMm);
  writeMetadata(doc, meta, kind);
  if (kind.pdfa?.part === 3 && o.attachSources) await attachSources(doc, o.attachSources);
  // PDF/X-3 is based on PDF 1.3, which has no object streams; PDF/A validators prefer none either.
  const bytes = await doc.save({ useObjectStreams: !kind.pdfx && !kind.pdfa });
  // pdf-lib always writes a 1.7 header; PDF/X-3:2002 wants 1.3. Same length, so xref offsets hold.
  if (kind.pdfx) bytes.set(new TextEncoder().encode('%PDF-1.3'), 0);
  return bytes;
}
