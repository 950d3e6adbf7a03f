// Writes watch mode's PDFs and report.json together (atomically); page previews follow separately.
import { resolve } from 'node:path';
import type { Warning } from '../errors/FolioError.ts';
import { formatFigure } from '../figures/format.ts';
import type { Measurement } from '../paginate/measure.ts';
import type { LaidOutEdition } from '../pipeline.ts';
import { stage } from '../output/atomic.ts';
import { renderPreviews } from '../output/previews.ts';
import { buildReport, type BuildResult } from '../output/report.ts';
import type { Pdfs } from './views.ts';

/**
 * pipeline's writeOutputs also rasterises every page (and may grow print/archive steps); a re-render
 * must stay well under a second, so the PDFs and their report go first and previews after.
 */
export async function writeProof(
  e: LaidOutEdition,
  pdfs: Pdfs,
  measurement: Measurement,
  fitWarnings: Warning[],
  outDir: string,
): Promise<BuildResult> {
  const name = e.source.name;
  const dir = resolve(outDir, name);
  const out = await stage(dir);
  try {
    const outputs: Record<string, string> = {};
    if (pdfs.pdf) outputs['pdf'] = await out.write(`${name}.pdf`, pdfs.pdf);
    if (pdfs.spreadPdf) outputs['spread'] = await out.write(`${name}-spread.pdf`, pdfs.spreadPdf);
    outputs['previews'] = resolve(dir, 'pages');
    outputs['contactSheet'] = resolve(dir, 'contact-sheet.png');
    const result = buildReport(e, measurement, [...e.warnings, ...fitWarnings], outputs, formatFigure);
    await out.write('report.json', JSON.stringify(result, null, 2) + '\n');
    await out.commit();
    return result;
  } catch (err) {
    await out.discard();
    throw err;
  }
}

/** The page PNGs and contact sheet of the PDF just written, as a build makes them. */
export async function writePreviews(e: LaidOutEdition, outDir: string, signal?: AbortSignal): Promise<void> {
  const name = e.source.name;
  const dir = resolve(outDir, name);
  const previews = await renderPreviews(resolve(dir, `${name}.pdf`), {
    dpi: 60,
    pageNumbers: e.source.config.pages,
    signal,
  });
  if (signal?.aborted) return; // a newer PDF is on its way; its previews replace these
  const out = await stage(dir);
  try {
    for (const [file, png] of previews) await out.write(file, png);
    if (signal?.aborted) return out.discard();
    await out.commit();
  } catch (err) {
    await out.discard();
    throw err;
  }
}
