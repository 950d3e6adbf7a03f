// Stage 3½: every photo in an edition prepared for its placed width and linked into the HTML.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PageGeometry } from '../config/presets.ts';
import type { CheckedEdition } from '../check.ts';
import { FolioError, throwIfAny, type Warning } from '../errors/FolioError.ts';
import type { SourcePosition } from '../errors/catalogue.ts';
import { realFileInside } from '../security/paths.ts';
import { encodeImage } from './encode.ts';
import { findRequests, replaceRequests, type FoundRequest } from './request.ts';
import { parseRatio, placedWidthMm } from './size.ts';

export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.cache/images', import.meta.url));

export interface PrepareOptions {
  /** Where prepared files are kept between builds; default <project>/.cache/images. */
  cacheDir?: string;
}

/** Prepares the pictures the photo blocks asked for and puts their files and sizes into the HTML. */
export async function prepareImages(
  e: CheckedEdition,
  geometry: PageGeometry,
  opts: PrepareOptions = {},
): Promise<CheckedEdition> {
  const ctx = {
    dir: e.source.dir,
    geometry,
    ppi: e.source.config.output.imagePpi,
    minPpi: e.source.config.output.minPpi,
    cacheDir: opts.cacheDir ?? DEFAULT_CACHE_DIR,
  };
  const errors: FolioError[] = [];
  const warnings: Warning[] = [];
  const articles = [];
  for (const a of e.articles) {
    // One directive per line, so the line names a request within its article.
    const attrs = new Map<number, string>();
    for (const r of a.sections.flatMap((s) => findRequests(s.graphicsHtml + s.html))) {
      const where = { file: a.file, line: r.line, column: 1 };
      try {
        const p = await prepareOne(r, where, ctx);
        attrs.set(r.line, p.attrs);
        if (p.warning) warnings.push(p.warning);
      } catch (err) {
        if (err instanceof FolioError) errors.push(err);
        else throw err;
      }
    }
    const fill = (html: string) => replaceRequests(html, (r) => attrs.get(r.line) ?? '');
    const sections = a.sections.map((s) => ({
      ...s,
      graphicsHtml: fill(s.graphicsHtml),
      html: fill(s.html),
    }));
    articles.push({ ...a, sections });
  }
  throwIfAny(errors);
  return { ...e, articles, warnings: [...e.warnings, ...warnings] };
}

interface Context {
  dir: string;
  geometry: PageGeometry;
  ppi: number;
  minPpi: number;
  cacheDir: string;
}

async function prepareOne(
  r: FoundRequest,
  where: SourcePosition,
  ctx: Context,
): Promise<{ attrs: string; warning?: Warning }> {
  const bad = (detail: string, cause?: unknown) =>
    new FolioError('BadBlock', { block: 'photo', detail }, where, { cause });
  if (r.cols > ctx.geometry.columns)
    throw bad(`cols=${r.cols} is wider than the page's ${ctx.geometry.columns} columns`);
  const bytes = await readFile(await editionImage(ctx.dir, r.file, where));
  const placedMm = placedWidthMm(ctx.geometry, r.cols);
  const ratio = r.ratio ? parseRatio(r.ratio) : undefined;
  const out = await encodeImage(bytes, { placedMm, ppi: ctx.ppi, ratio }, ctx.cacheDir).catch(
    (cause: unknown) => {
      throw bad(`${r.file} is not an image Folio can read (JPEG, PNG, WebP, TIFF): ${String(cause)}`, cause);
    },
  );
  // Inline, not a file:// URL: Paged.js sets the HTML into an about:blank page, and Chromium refuses
  // local files to it ("Not allowed to load local resource"); the live preview serves it over http.
  const src = `data:${out.mime};base64,${out.bytes.toString('base64')}`;
  // width/height give the box its proportions before the image decodes, so the layout is final at once.
  const attrs =
    `src="${src}" width="${out.width}" height="${out.height}" style="width:${round(placedMm)}mm" ` +
    `data-file="${r.file}" data-prepared="${pathToFileURL(out.path).href}"`;
  if (out.effectivePpi >= ctx.minPpi) return { attrs };
  const message =
    `${r.file} is ${Math.floor(out.effectivePpi)} ppi at its placed width of ${round(placedMm)} mm ` +
    `(needs ${ctx.minPpi}) — use a larger original`;
  return { attrs, warning: { code: 'ImageResolution', message, ...where } };
}

/** The real file behind a photo path: a symlink that leads out of the edition folder is refused. */
export async function editionImage(dir: string, file: string, where: SourcePosition): Promise<string> {
  const path = resolve(dir, file);
  const found = await realFileInside(path, [dir]);
  if ('real' in found) return found.real;
  if (found.reason === 'missing') throw new FolioError('FileNotFound', { path }, where);
  const detail =
    found.reason === 'outside'
      ? `${file} is a link to a file outside the edition folder; copy the picture in instead`
      : `${file} is not a file`;
  throw new FolioError('BadBlock', { block: 'photo', detail }, where);
}

function round(mm: number): number {
  return Math.round(mm * 100) / 100;
}
