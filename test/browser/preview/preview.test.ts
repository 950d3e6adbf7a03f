// The live preview in a real browser: Paged.js pages appear, and a figure edit shows up after a reload.
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../../src/preview/server.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';

let dir: string;
let server: PreviewServer;
let browser: Browser;
let page: Page;

/** Polls the page's text; a live reload in between destroys the context, which just means "again". */
async function waitForText(p: Page, want: string, ms = 45_000): Promise<string> {
  const until = Date.now() + ms;
  let text = '';
  while (Date.now() < until) {
    text = await p
      .evaluate(() => (document.querySelector('.pagedjs_pages') ? document.body.innerText : ''))
      .catch(() => '');
    if (text.replace(/\s+/g, '').includes(want)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`"${want}" did not appear; page text starts: ${text.slice(0, 200)}`);
}

beforeAll(async () => {
  dir = copyEdition('taiyuan-work-report');
  server = await startPreview(dir, { port: 0 });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('serves paged pages on 127.0.0.1 and reloads them when a figure changes', async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  await page.goto(server.url);
  await waitForText(page, '1974人');
  expect(await page.locator('.pagedjs_page').count()).toBeGreaterThan(0);
  const fonts = await page.evaluate(() => document.fonts.check('16px "Folio Serif SC"', '太原'));
  expect(fonts).toBe(true);

  edit(join(dir, 'figures.yaml'), 'value: 1974', 'value: 1986');
  await waitForText(page, '1986人');
}, 120_000); // each rebuild fits the pages in Chromium before they are served

it('shows a broken edit as an overlay and keeps the last good pages', async () => {
  edit(join(dir, 'figures.yaml'), 'value: 1986', 'value: many');
  await page.locator('#folio-error').waitFor({ timeout: 30_000 });
  expect(await page.locator('#folio-error').innerText()).toMatch(/figures\.yaml:\d+:\d+: /);
  expect((await page.evaluate(() => document.body.innerText)).replace(/\s+/g, '')).toContain('1986人');
  edit(join(dir, 'figures.yaml'), 'value: many', 'value: 1990');
  await waitForText(page, '1990人');
  expect(await page.locator('#folio-error').count()).toBe(0);
}, 120_000); // each rebuild fits the pages in Chromium before they are served
