// Print (PDF/X-3, CMYK newsprint), archive (PDF/A-2b or -3b) and screen PDFs from the RGB build PDF.
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { FolioError } from '../errors/FolioError.ts';
import { attachSources } from './attach.ts';
import { addCropMarks, setBoxes } from './boxes.ts';
import { archiveJob, makeIccDir, printJob, screenJob, writeJobFiles, type GsJob } from './ghostscript.ts';
import { writeMetadata, type MetadataKind } from './metadata.ts';
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
  const gs = (job: GsJob): Promise<unknown> =>
    writeJobFiles(job).then(() => run('gs', job.args, { signal: o.signal, timeoutMs: o.timeoutMs }));
  try {
    const source = await readFile(rgbPdf);
    const archivePart = o.attachSources ? 3 : 2;
    const made = await Promise.all([
      (async () => {
        const input = await prepareForPrint(source, join(tmp, 'print-in.pdf'));
        const iccDir = await makeIccDir(join(tmp, 'icc'), o.iccProfile);
        await gs(printJob(o, input, join(tmp, 'print-gs.pdf'), tmp, iccDir));
        return finish(join(tmp, 'print-gs.pdf'), meta, page, o, { producer: PRODUCER, pdfx: 'PDF/X-3:2002' });
      })(),
      gs(archiveJob(o, rgbPdf, join(tmp, 'archive-gs.pdf'), tmp)).then(() =>
        finish(join(tmp, 'archive-gs.pdf'), meta, page, o, {
          producer: PRODUCER,
          pdfa: { part: archivePart, conformance: 'B' },
        }),
      ),
      gs(screenJob(o, rgbPdf, join(tmp, 'screen-gs.pdf'))).then(() =>
        finish(join(tmp, 'screen-gs.pdf'), meta, page, o, { producer: PRODUCER }),
      ),
    ]);
    if (o.signal?.aborted) throw new FolioError('Aborted', {});
    const targets = ['print', 'archive', 'screen'].map((k) => join(outDir, `${name}-${k}.pdf`));
    // Stage next to the targets so the final rename stays on one file system (atomic).
    const staged = targets.map((t) => `${t}.tmp-${process.pid}`);
    await Promise.all(made.map((bytes, i) => writeFile(staged[i] as string, bytes)));
    await Promise.all(staged.map((s, i) => rename(s, targets[i] as string)));
    const [print = '', archive = '', screen = ''] = targets;
    return { print, archive, screen };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
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
  const doc = await PDFDocument.load(await readFile(gsOut), { updateMetadata: false });
  setBoxes(doc, page);
  if (kind.pdfx && o.cropMarks) addCropMarks(doc, page, o.slugMm);
  writeMetadata(doc, meta, kind);
  if (kind.pdfa?.part === 3 && o.attachSources) await attachSources(doc, o.attachSources);
  // PDF/X-3 is based on PDF 1.3, which has no object streams; PDF/A validators prefer none either.
  const bytes = await doc.save({ useObjectStreams: !kind.pdfx && !kind.pdfa });
  // pdf-lib always writes a 1.7 header; PDF/X-3:2002 wants 1.3. Same length, so xref offsets hold.
  if (kind.pdfx) bytes.set(new TextEncoder().encode('%PDF-1.3'), 0);
  return bytes;
}
