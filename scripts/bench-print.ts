// Times each Ghostscript output on its own (the build runs them in parallel), for the main benchmark.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOutput, type DocMeta, type PageGeometry } from '../src/print/index.ts';
import { resolveOptions } from '../src/print/options.ts';

const benchMeta: DocMeta = {
  title: '基准测试',
  author: 'Folio',
  subject: 'benchmark',
  keywords: ['benchmark'],
  creationDate: new Date('2026-01-01T00:00:00Z'),
  lang: 'zh-CN',
};

/** Broadsheet 390 × 543 mm with 3 mm bleed unless the caller's PDF says otherwise. */
export async function benchPrint(
  rgbPdf: string,
  page: PageGeometry = { widthMm: 390, heightMm: 543, bleedMm: 3 },
): Promise<{ printMs: number; archiveMs: number; screenMs: number }> {
  const tmp = await mkdtemp(join(tmpdir(), 'folio-bench-print-'));
  const o = resolveOptions();
  const time = async (kind: 'print' | 'archive' | 'screen'): Promise<number> => {
    const t = performance.now();
    await makeOutput(kind, rgbPdf, tmp, benchMeta, page, o);
    return Math.round(performance.now() - t);
  };
  try {
    return { printMs: await time('print'), archiveMs: await time('archive'), screenMs: await time('screen') };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
