// Writes watch mode's PDF and report.json together (atomically), as a build does for its RGB PDF.
import { resolve } from 'node:path';
import type { Warning } from '../errors/FolioError.ts';
import { formatFigure } from '../figures/format.ts';
import type { Measurement } from '../paginate/measure.ts';
import type { LaidOutEdition } from '../pipeline.ts';
import { stage } from '../output/atomic.ts';
import { buildReport, type BuildResult } from '../output/report.ts';

/**
 * pipeline's writeOutputs may grow slow print/archive steps (Ghostscript); a re-render must stay
 * well under a second, so watch mode writes only the proof PDF and the report that describes it.
 */
export async function writeProof(
  e: LaidOutEdition,
  pdf: Uint8Array,
  measurement: Measurement,
  fitWarnings: Warning[],
  outDir: string,
): Promise<BuildResult> {
  const name = e.source.name;
  const out = await stage(resolve(outDir, name));
  try {
    const pdfPath = await out.write(`${name}.pdf`, pdf);
    const result = buildReport(
      e,
      measurement,
      [...e.warnings, ...fitWarnings],
      { pdf: pdfPath },
      formatFigure,
    );
    await out.write('report.json', JSON.stringify(result, null, 2) + '\n');
    await out.commit();
    return result;
  } catch (err) {
    await out.discard();
    throw err;
  }
}
