// Page previews: poppler rasterises the finished PDF (the truth, not the DOM); sharp writes the PNGs
// and lays them side by side as the edition's contact sheet.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { FolioError } from '../errors/FolioError.ts';

const run = promisify(execFile);

export interface PreviewOptions {
  dpi: number;
  /** Printed page numbers, in PDF page order, for file names and labels. */
  pageNumbers: number[];
  signal?: AbortSignal;
}

/** Renders every page to `pages/page-NN.png` and a `contact-sheet.png`; returns the PNG buffers by name. */
export async function renderPreviews(pdf: string, opts: PreviewOptions): Promise<Map<string, Buffer>> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-preview-'));
  try {
    await run('pdftoppm', ['-r', String(opts.dpi), '-png', pdf, join(dir, 'p')], {
      signal: opts.signal,
    }).catch((e: Error & { stderr?: string }) => {
      throw new FolioError(
        'ToolFailed',
        { tool: 'pdftoppm', detail: (e.stderr || e.message).trim() },
        undefined,
        {
          cause: e,
        },
      );
    });
    const files = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const out = new Map<string, Buffer>();
    const pages: Buffer[] = [];
    for (const [i, f] of files.entries()) {
      const png = await sharp(join(dir, f)).png({ compressionLevel: 9, palette: true }).toBuffer();
      const label = String(opts.pageNumbers[i] ?? i + 1).padStart(2, '0');
      out.set(`pages/page-${label}.png`, png);
      pages.push(png);
    }
    out.set('contact-sheet.png', await contactSheet(pages, opts.pageNumbers));
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Pages in a row at a fixed height, each with its page number under it, on a neutral ground. */
async function contactSheet(pages: Buffer[], numbers: number[]): Promise<Buffer> {
  const height = 420;
  const gap = 24;
  const labelH = 28;
  const scaled = await Promise.all(
    pages.map((p) => sharp(p).resize({ height }).png().toBuffer({ resolveWithObject: true })),
  );
  const width = scaled.reduce((w, s) => w + s.info.width, 0) + gap * (scaled.length + 1);
  let x = gap;
  const layers: sharp.OverlayOptions[] = [];
  scaled.forEach((s, i) => {
    layers.push({ input: s.data, left: x, top: gap });
    const label = String(numbers[i] ?? i + 1).padStart(2, '0');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${s.info.width}" height="${labelH}"><text x="50%" y="20" text-anchor="middle" font-family="sans-serif" font-size="16" fill="#333">${label}</text></svg>`;
    layers.push({ input: Buffer.from(svg), left: x, top: gap + height + 4 });
    x += s.info.width + gap;
  });
  return sharp({ create: { width, height: height + 2 * gap + labelH, channels: 3, background: '#d9d9d9' } })
    .composite(layers)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** Writes the previews into a staging area; returns their output paths for the report. */
export async function writePreviews(
  out: { path(name: string): string; write(name: string, data: Uint8Array): Promise<string> },
  pdfName: string,
  pageNumbers: number[],
): Promise<Record<string, string>> {
  const previews = await renderPreviews(out.path(pdfName), { dpi: 60, pageNumbers });
  const written: string[] = [];
  for (const [file, png] of previews) written.push(await out.write(file, png));
  const sheet = written.find((f) => f.endsWith('contact-sheet.png'))!;
  return { previews: sheet.replace(/contact-sheet\.png$/, 'pages'), contactSheet: sheet };
}
