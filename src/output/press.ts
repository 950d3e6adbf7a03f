// The press and archive files of an edition (print PDF/X, archive PDF/A, screen) and their preflight.
import { basename, join } from 'node:path';
import type { EditionSource } from '../content/load.ts';
import type { PageGeometry } from '../config/presets.ts';
import type { Warning } from '../errors/FolioError.ts';
import type { DocumentMeta } from '../render/viewModel.ts';
import { makeOutputs, type Outputs } from '../print/index.ts';
import { preflight, type PreflightReport } from '../preflight/index.ts';
import { ROOT } from '../check.ts';
import { resolveIccProfile } from '../security/icc.ts';
import { editionDate } from '../pdf/dates.ts';
import { expectFor } from '../preflight/expect.ts';

export interface PressResult {
  outputs: Outputs;
  preflight: PreflightReport[];
  warnings: Warning[];
}

/** `attachments`: files carried by a PDF/A-3 archive so it can be rendered again years later. */
export async function makePressOutputs(
  rgbPdf: string,
  dir: string,
  source: EditionSource,
  meta: DocumentMeta,
  geometry: PageGeometry,
  attachments: string[],
  /** Where the files end up after staging: reports and warnings name them there. */
  finalDir: string,
  signal?: AbortSignal,
): Promise<PressResult> {
  const o = source.config.output;
  const iccProfile = await resolveIccProfile(source, ROOT);
  const page = { widthMm: geometry.widthMm, heightMm: geometry.heightMm, bleedMm: geometry.bleedMm };
  const outputs = await makeOutputs(rgbPdf, dir, { ...meta, creationDate: editionDate(meta.date) }, page, {
    name: source.name,
    tac: o.tac,
    cropMarks: o.cropMarks,
    ...(iccProfile ? { iccProfile } : {}),
    attachSources: o.archive === 'pdfa-3b' ? attachments.map((path) => ({ path })) : false,
    signal,
  });
  const reports = await Promise.all(
    (['print', 'archive', 'screen'] as const).map((k) =>
      preflight(outputs[k], k, expectFor(k, o, page), { signal }),
    ),
  );
  for (const r of reports) r.file = join(finalDir, basename(r.file));
  const warnings = reports.flatMap((r) =>
    r.checks
      .filter((c) => !c.ok)
      .map((c) => ({
        code: 'Preflight' as const,
        message: `preflight (${r.profile}): ${c.name}: ${c.details}`,
        file: r.file,
      })),
  );
  return { outputs, preflight: reports, warnings };
}

export const pressFileNames = (name: string) =>
  ['print', 'archive', 'screen'].map((k) => join(`${name}-${k}.pdf`));
