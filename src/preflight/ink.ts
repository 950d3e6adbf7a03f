// Maximum total ink per page: Ghostscript renders CMYK at low resolution, Node sums the four channels.
// ink_cov only gives page averages; a 400% patch of a few square millimetres would vanish in them.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type RunOptions } from '../print/run.ts';
import { fail, pass, type Check, type PageValue } from './types.ts';

export interface InkPage {
  page: number;
  maxPct: number;
  meanPct: number;
}

/** Without anti-aliasing every painted pixel carries an exact colour, so the maximum is exact at `dpi`. */
export async function measureInk(pdf: string, o: RunOptions, dpi = 50): Promise<InkPage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-ink-'));
  try {
    await run(
      'gs',
      [
        '-q',
        '-dNOPAUSE',
        '-dBATCH',
        '-dSAFER',
        '-sDEVICE=pamcmyk32',
        `-r${dpi}`,
        '-dGraphicsAlphaBits=1',
        '-dTextAlphaBits=1',
        `-sOutputFile=${join(dir, 'p-%05d.pam')}`,
        pdf,
      ],
      o,
    );
    const files = (await readdir(dir)).filter((f) => f.endsWith('.pam')).sort();
    const pages: InkPage[] = [];
    for (const [i, f] of files.entries())
      pages.push({ page: i + 1, ...inkOfPam(await readFile(join(dir, f))) });
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function inkOfPam(buf: Buffer): { maxPct: number; meanPct: number } {
  const end = buf.indexOf('ENDHDR\n');
  if (end < 0) throw new Error('not a PAM file');
  const data = buf.subarray(end + 7);
  let max = 0;
  let sum = 0;
  const n = Math.floor(data.length / 4);
  for (let i = 0; i < n * 4; i += 4) {
    const t = data[i]! + data[i + 1]! + data[i + 2]! + data[i + 3]!;
    if (t > max) max = t;
    sum += t;
  }
  const pct = (v: number): number => Math.round((v / 255) * 1000) / 10;
  return { maxPct: pct(max), meanPct: n ? pct(sum / n) : 0 };
}

export async function checkInk(pdf: string, tac: number, o: RunOptions, dpi = 50): Promise<Check> {
  const pages = await measureInk(pdf, o, dpi);
  // One 8-bit step per channel of rounding slack.
  const values: PageValue[] = pages.map((p) => ({
    page: p.page,
    value: p.maxPct,
    ok: p.maxPct <= tac + 1.6,
  }));
  const worst = Math.max(0, ...pages.map((p) => p.maxPct));
  const mean = pages.map((p) => `p${p.page} mean ${p.meanPct}%`).join(', ');
  return values.some((v) => !v.ok)
    ? fail('gwg.tac', `maximum ${worst}% over the ${tac}% limit at ${dpi} dpi (${mean})`, values)
    : pass('gwg.tac', `maximum ${worst}% ≤ ${tac}% at ${dpi} dpi (${mean})`, values);
}
