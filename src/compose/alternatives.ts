// `folio layout`: the composer's alternatives for an edition, each laid out in Chromium, measured and drawn
// as a thumbnail with its scores, plus a contact sheet; the best measured one as edition.yaml text.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { checkEdition, layOut, paginateEdition, type LaidOutEdition } from '../pipeline.ts';
import { prepareFonts } from '../fonts/prepare.ts';
import { launchBrowser } from '../paginate/browser.ts';
import { planLayout } from './index.ts';
import { collectModules } from '../render/compose.ts';
import { resolveGeometry } from '../config/presets.ts';
import { composeSchema } from './schema.ts';

const run = promisify(execFile);

export interface MeasuredAlternative {
  rank: number;
  /** The composer's estimated cost (lower is better). */
  cost: number;
  /** Measured in Chromium before fitting: total overset of all modules, in mm. */
  oversetMm: number;
  yaml: string;
  thumbnail: string;
}

export interface LayoutResult {
  edition: string;
  /** Whether edition.yaml has its own grid (which a build would use instead). */
  handWritten: boolean;
  best: MeasuredAlternative;
  alternatives: MeasuredAlternative[];
  contactSheet: string;
  search: { evaluations: number; bounded: boolean; ms: number; candidates: number };
}

export async function layoutAlternatives(
  dir: string,
  opts: { alternatives: number; outDir: string; timeoutMs: number; signal?: AbortSignal },
): Promise<LayoutResult> {
  const checked = await checkEdition(dir);
  const config = checked.source.config;
  const compose = { ...(config.compose ?? composeSchema.parse({})), alternatives: opts.alternatives };
  // The composer ignores a hand-written grid here, so the desk can compare its grid with the proposals.
  const source = { ...checked.source, config: { ...config, grid: undefined, rows: undefined, compose } };
  const unaided = { ...checked, source };
  // Laid out first so the plan is made from prepared photos (their real proportions), as a build makes it.
  const first = await layOut(unaided, 1);
  const plan = planLayout(source, collectModules(first.articles), resolveGeometry(source.config));
  const laid: LaidOutEdition[] = [first];
  for (const a of plan.alternatives.slice(1)) laid.push(await layOut(unaided, a.rank));
  const fonts = await prepareFonts({ chars: laid.map((e) => e.html).join(''), signal: opts.signal });
  const browser = await launchBrowser({ fontconfigFile: fonts.fontconfigFile, timeoutMs: opts.timeoutMs });
  const outDir = resolve(opts.outDir, source.name, 'layouts');
  await mkdir(outDir, { recursive: true });
  const measured: MeasuredAlternative[] = [];
  try {
    for (const [i, e] of laid.entries()) {
      const a = plan.alternatives[i]!;
      const paged = await paginateEdition(e, browser, opts, e.spreadHtml ?? e.html);
      try {
        const oversetMm = paged.measurement.overset.reduce((s, o) => s + o.overflowMm, 0);
        const thumbnail = join(outDir, `alternative-${a.rank}.png`);
        await writeFile(thumbnail, await thumbnailOf(await paged.pdf()));
        measured.push({
          rank: a.rank,
          cost: a.cost,
          oversetMm: Math.round(oversetMm * 10) / 10,
          yaml: a.yaml,
          thumbnail,
        });
      } finally {
        await paged.close();
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  // Measured overset first, then the estimate: the same rule a build follows.
  const best = [...measured].sort((a, b) => a.oversetMm - b.oversetMm || a.rank - b.rank)[0]!;
  const contactSheet = join(outDir, 'contact-sheet.png');
  await writeFile(contactSheet, await sheetOf(measured, best.rank));
  return {
    edition: source.name,
    handWritten: Boolean(config.grid),
    best,
    alternatives: measured,
    contactSheet,
    search: plan.stats,
  };
}

/** The first page of a PDF at 40 dpi (a spread prints as one double page). */
async function thumbnailOf(pdf: Uint8Array): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-layout-'));
  try {
    await writeFile(join(dir, 'a.pdf'), pdf);
    await run('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', join(dir, 'a.pdf'), join(dir, 'p')]);
    const png = (await readdir(dir)).find((f) => f.endsWith('.png'))!;
    return await sharp(join(dir, png)).png({ compressionLevel: 9, palette: true }).toBuffer();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Thumbnails in a row, each labelled with its rank and scores; the chosen one marked. */
async function sheetOf(list: MeasuredAlternative[], chosen: number): Promise<Buffer> {
  const height = 360;
  const gap = 24;
  const labelH = 44;
  const scaled = await Promise.all(
    list.map((a) => sharp(a.thumbnail).resize({ height }).png().toBuffer({ resolveWithObject: true })),
  );
  const width = scaled.reduce((w, s) => w + s.info.width, 0) + gap * (scaled.length + 1);
  const layers: sharp.OverlayOptions[] = [];
  let x = gap;
  scaled.forEach((s, i) => {
    const a = list[i]!;
    layers.push({ input: s.data, left: x, top: gap });
    const mark = a.rank === chosen ? ' ★' : '';
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${s.info.width}" height="${labelH}">` +
      `<text x="50%" y="18" text-anchor="middle" font-family="sans-serif" font-size="15" fill="#222">#${a.rank}${mark}</text>` +
      `<text x="50%" y="37" text-anchor="middle" font-family="sans-serif" font-size="12" fill="#444">cost ${a.cost} · overset ${a.oversetMm} mm</text></svg>`;
    layers.push({ input: Buffer.from(svg), left: x, top: gap + height + 2 });
    x += s.info.width + gap;
  });
  return sharp({ create: { width, height: height + 2 * gap + labelH, channels: 3, background: '#d9d9d9' } })
    .composite(layers)
    .png({ compressionLevel: 9 })
    .toBuffer();
}
