// Starts Chromium while the rest of Folio loads and the content is checked, with the fonts of the last
// build; the pipeline keeps it only if those fonts still cover the edition (usually they do).
import type { Browser } from 'puppeteer-core';
import { newestFonts } from '../fonts/prepare.ts';
import { launchBrowser } from './browser.ts';
import { closeBrowser } from './lost.ts';

export interface EarlyBrowser {
  fontconfigFile: string;
  browser: Promise<Browser>;
}

export async function startBrowserEarly(
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<EarlyBrowser | undefined> {
  const fonts = await newestFonts();
  if (!fonts) return undefined; // first build on this machine: fonts must be converted first
  const browser = launchBrowser({ fontconfigFile: fonts.fontconfigFile, timeoutMs, signal });
  browser.catch(() => undefined); // a failed early start is retried, and reported, by the normal path
  return { fontconfigFile: fonts.fontconfigFile, browser };
}

/** The early browser if it was started with `fontconfigFile`; otherwise it is closed and undefined. */
export async function adoptEarly(
  early: Promise<EarlyBrowser | undefined> | undefined,
  fontconfigFile: string,
) {
  const e = await early?.catch(() => undefined);
  if (!e) return undefined;
  const browser = await e.browser.catch(() => undefined);
  if (browser && e.fontconfigFile === fontconfigFile) return browser;
  await closeBrowser(browser);
  return undefined;
}
