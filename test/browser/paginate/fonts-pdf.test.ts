// Real Chromium: text in Folio's prepared fonts lands in the PDF as embedded CID TrueType, never Type 3.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { prepareFonts } from '../../../src/fonts/prepare.ts';
import { launchBrowser } from '../../../src/paginate/browser.ts';
import { withTimeout } from '../../../src/paginate/timeout.ts';

// Kept between runs (test/.tmp is git-ignored) so a re-run hits the font cache.
const OUT = fileURLToPath(new URL('../../.tmp/fonts-pdf', import.meta.url));
const SERIF_TEXT = '城镇累计新增就业47.65万人，失业率控制在4%以内。';
const SANS_TEXT = '这五年，太原发生了哪些变化';

const HTML = `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><style>
  @page { size: 120mm 60mm; margin: 8mm; }
  body { font-family: 'Folio Serif SC'; font-size: 14pt; }
  h1 { font-family: 'Folio Sans SC'; font-weight: 700; font-size: 20pt; margin: 0 0 4mm; }
</style></head>
<body><h1>${SANS_TEXT}</h1><p>${SERIF_TEXT}</p></body></html>`;

interface PdfFont {
  name: string;
  type: string;
  emb: string;
  uni: string;
}

/** Parses `pdffonts` using the column widths of its dashed header line (types contain spaces). */
function pdffonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n');
  const dashes = lines[1] ?? '';
  const cols: [number, number][] = [];
  for (const m of dashes.matchAll(/-+/g)) cols.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const cell = (line: string, i: number): string => line.slice(cols[i]?.[0], cols[i]?.[1]).trim();
  return lines
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => ({ name: cell(l, 0), type: cell(l, 1), emb: cell(l, 3), uni: cell(l, 5) }));
}

describe('fonts in a Chromium PDF', () => {
  let browser: Browser | undefined;
  let pdfFile = '';

  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    const fonts = await prepareFonts({ chars: SERIF_TEXT + SANS_TEXT, cacheDir: path.join(OUT, 'cache') });
    browser = await launchBrowser({ fontconfigFile: fonts.fontconfigFile, timeoutMs: 20_000 });
    const page = await browser.newPage();
    await withTimeout(page.setContent(HTML, { waitUntil: 'load' }), 10_000, 'load test page');
    const pdf = await withTimeout(page.pdf({ preferCSSPageSize: true }), 10_000, 'print test page');
    pdfFile = path.join(OUT, 'fonts.pdf');
    await writeFile(pdfFile, pdf);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('embeds every font as TrueType with a ToUnicode map, and no Type 3', () => {
    const fonts = pdffonts(pdfFile);
    expect(fonts.length, 'pdffonts found no fonts at all').toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.type, `${f.name} is ${f.type}: CJK text must not be Type 3`).toMatch(
        /^(CID TrueType|TrueType)/,
      );
      expect(f.emb, `${f.name} is not embedded`).toBe('yes');
      expect(f.uni, `${f.name} has no ToUnicode map (text not searchable)`).toBe('yes');
    }
    const names = fonts.map((f) => f.name).join(' ');
    expect(names, 'the body must be set in Folio Serif SC').toMatch(/\+FolioSerifSC-Regular\b/);
    expect(names, 'the bold heading must use the Bold file, not synthetic bold').toMatch(
      /\+FolioSansSC-Bold\b/,
    );
  });

  it('gives the Chinese text back through pdftotext', () => {
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(SANS_TEXT);
    expect(text).toContain(SERIF_TEXT);
  });

  it('removes its temporary profile when closed', async () => {
    const b = await launchBrowser({ fontconfigFile: '/etc/fonts/fonts.conf' });
    const arg = b.process()?.spawnargs.find((a) => a.startsWith('--user-data-dir='));
    const profile = arg?.slice('--user-data-dir='.length) ?? '';
    expect(profile && existsSync(profile), 'Chromium must run with a fresh --user-data-dir').toBeTruthy();
    await b.close();
    expect(existsSync(profile), `${profile} was left behind`).toBe(false);
  }, 20_000);
});

describe('browser errors', () => {
  it('names a missing Chromium as BrowserMissing', async () => {
    const saved = process.env.FOLIO_CHROMIUM;
    process.env.FOLIO_CHROMIUM = '/nonexistent/chromium';
    try {
      const error = await launchBrowser({ fontconfigFile: '/etc/fonts/fonts.conf' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FolioError);
      expect((error as FolioError).code).toBe('BrowserMissing');
    } finally {
      if (saved === undefined) delete process.env.FOLIO_CHROMIUM;
      else process.env.FOLIO_CHROMIUM = saved;
    }
  });

  it('withTimeout rejects with BrowserTimeout naming the step, or Aborted on abort', async () => {
    const never = new Promise<never>(() => undefined);
    const late = (await withTimeout(never, 20, 'render page 3').catch((e: unknown) => e)) as FolioError;
    expect(late.code).toBe('BrowserTimeout');
    expect(late.message).toContain('render page 3');
    await expect(withTimeout(Promise.resolve(7), 1000, 'fast')).resolves.toBe(7);
    const controller = new AbortController();
    const stopped = withTimeout(never, 10_000, 'x', controller.signal).catch((e: unknown) => e);
    controller.abort();
    expect(((await stopped) as FolioError).code).toBe('Aborted');
  });
});
