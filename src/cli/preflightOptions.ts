// What `folio preflight` checks a PDF against: an edition's configuration, or the broadsheet defaults.
import { access } from 'node:fs/promises';
import { loadEditionSource } from '../content/load.ts';
import { outputSchema } from '../content/schema.ts';
import { PRESETS, resolveGeometry } from '../config/presets.ts';
import { FolioError } from '../errors/FolioError.ts';
import type { PreflightExpect, PreflightProfile } from '../preflight/index.ts';
import { expectFor } from '../preflight/expect.ts';

export async function preflightExpectations(
  pdf: string,
  editionDir?: string,
  profile: PreflightProfile = 'print',
): Promise<PreflightExpect> {
  await access(pdf).catch(() => {
    throw new FolioError('FileNotFound', { path: pdf }, { file: pdf, line: 0, column: 0 });
  });
  if (editionDir) {
    const source = await loadEditionSource(editionDir);
    const g = resolveGeometry(source.config);
    return expectFor(profile, source.config.output, g);
  }
  const g = PRESETS.broadsheet;
  return expectFor(profile, outputSchema.parse({}), g);
}
