// Real Chromium: a page Folio paginates loads nothing from outside and runs only Folio's own scripts.
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { prepareFonts } from '../../../src/fonts/prepare.ts';
import { launchBrowser } from '../../../src/paginate/browser.ts';
import { paginate } from '../../../src/paginate/paged.ts';
import { cspMeta, PRINT_POLICY } from '../../../src/security/csp.ts';
import { startSpy, type Spy } from '../../helpers/spy.ts';

/** Every way a page can reach out: CSS @import and url(), <img>, <link>, <iframe>, and script. */
function hostile(origin: string, csp: boolean, link = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8">${csp ? cspMeta(PRINT_POLICY) : ''}
<style>@import url(${origin}/import.css); @page { size: 100mm 60mm; }
body { background: url(${origin}/bg.png); } @font-face { font-family: X; src: url(${origin}/font.ttf); }
p { font-family: X; }</style>
${link}</head>
<body><p>正文</p><img src="${origin}/img.png"><iframe src="${origin}/frame.html"></iframe>
<script>document.body.dataset.ran = 'yes'; fetch('${origin}/fetch'); new Image().src = '${origin}/js.png';</script>
</body></html>`;
}

describe('the renderer is sealed', () => {
  let browser: Browser;
  let spy: Spy;
  beforeAll(async () => {
    spy = await startSpy();
    const fonts = await prepareFonts({ chars: '正文' });
    browser = await launchBrowser({ fontconfigFile: fonts.fontconfigFile });
  });
  afterAll(async () => {
    await browser?.close();
    await spy?.close();
  });

  it('runs Paged.js but no script from the content, and makes no request', async () => {
    const paged = await paginate(browser, hostile(spy.origin, true), {
      baseUrl: `${spy.origin}/`,
      timeoutMs: 20_000,
    });
    const ran = await paged.page.evaluate(() => document.body.dataset['ran'] ?? 'no');
    const pages = await paged.page.evaluate(() => document.querySelectorAll('.pagedjs_page').length);
    await paged.close();
    expect(pages).toBeGreaterThan(0); // Paged.js, Folio's own script, did run
    expect(ran).toBe('no');
    expect(spy.requests).toEqual([]);
  });

  it('blocks every request even where a page carries no policy', async () => {
    const paged = await paginate(browser, hostile(spy.origin, false), {
      baseUrl: `${spy.origin}/`,
      timeoutMs: 20_000,
    });
    const ran = await paged.page.evaluate(() => document.body.dataset['ran'] ?? 'no');
    await paged.close();
    expect(ran).toBe('yes'); // the script ran here, so only request blocking kept it in
    expect(spy.requests).toEqual([]);
  });

  it('names the refused load when a stylesheet link stops Paged.js', async () => {
    const link = `<link rel="stylesheet" href="${spy.origin}/link.css">`;
    const html = hostile(spy.origin, true, link);
    const err = await paginate(browser, html, { baseUrl: `${spy.origin}/`, timeoutMs: 20_000 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FolioError);
    expect((err as FolioError).code).toBe('ResourceBlocked');
    expect((err as FolioError).message).toContain(`${spy.origin}/`);
    expect(spy.requests).toEqual([]);
  });
});
