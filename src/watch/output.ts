// Watch mode's page previews: drawn after each PDF is written, and dropped when a newer PDF is coming.
import { resolve } from 'node:path';
import type { LaidOutEdition } from '../pipeline.ts';
import { stage } from '../output/atomic.ts';
import { renderPreviews } from '../output/previews.ts';

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
