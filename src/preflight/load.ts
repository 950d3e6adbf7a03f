// Loads a PDF for the object-level rules: qpdf first writes a plain copy (no linearization, no object
// streams), because pdf-lib misreads the trailer of linearized files (the screen file is one).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { run, type RunOptions } from '../print/run.ts';

export async function loadPlain(pdf: string, o: RunOptions): Promise<PDFDocument> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-preflight-'));
  try {
    const plain = join(dir, 'plain.pdf');
    // Exit 3: warnings only, the copy is written; damage is the syntax rule's to report.
    await run('qpdf', ['--object-streams=disable', pdf, plain], { ...o, okCodes: [0, 3] });
    return await PDFDocument.load(await readFile(plain), {
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
