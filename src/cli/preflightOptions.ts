// What `folio preflight` checks a PDF against: an edition's configuration, or the broadsheet defaults.
import { access } from 'node:fs/promises';
import { loadEditionSource } from '../content/load.ts';
import { outputSchema } from '../content/schema.ts';
import { PRESETS, resolveGeometry } from '../config/presets.ts';
import { FolioError } from '../errors/FolioError.ts';
import type { PreflightExpect } from '../preflight/index.ts';

export async function preflightExpectations(pdf: string, editionDir?: string): Promise<PreflightExpect> {
  await access(pdf).catch(() => {
    throw new FolioError('FileNotFound', { path: pdf }, { file: pdf, line: 0, column: 0 });
  });
  if (editionDir) {
    const source = await loadEditionSource(editionDir);
    const g = resolveGeometry(source.config);
    const o = source.config.output;
    return {
      page: { widthMm: g.widthMm, heightMm: g.heightMm, bleedMm: g.bleedMm },
      minTextPt: o.minTextPt,
      tac: o.tac,
      minPpi: o.minPpi,
    };
  }
  const g = PRESETS.broadsheet;
  const o = outputSchema.parse({});
  return {
    page: { widthMm: g.widthMm, heightMm: g.heightMm, bleedMm: g.bleedMm },
    minTextPt: o.minTextPt,
    tac: o.tac,
    minPpi: o.minPpi,
  };
}
