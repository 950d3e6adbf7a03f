// A Chromium that dies must end the wait on it within seconds: puppeteer-core's close() and a page's
// pending callbacks never settle on a dead browser.
import type { Browser } from 'puppeteer-core';
import { FolioError } from '../errors/FolioError.ts';

const CLOSE_LIMIT_MS = 5000;

/** Closes the browser, and kills its process when close() does not settle in time (a dead browser). */
export async function closeBrowser(browser: Browser | undefined, limitMs = CLOSE_LIMIT_MS): Promise<void> {
  if (!browser) return;
  let timer: NodeJS.Timeout | undefined;
  const closed = browser.close().then(
    () => true,
    () => false,
  );
  const gaveUp = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), limitMs)));
  const ok = await Promise.race([closed, gaveUp]);
  clearTimeout(timer);
  if (!ok) {
    const proc = browser.process();
    if (proc && proc.exitCode === null) proc.kill('SIGKILL');
  }
}

/** Settles like `p`, or rejects with BrowserCrashed as soon as the browser disconnects. */
export function whileAlive<T>(browser: Browser, p: Promise<T>): Promise<T> {
  if (!browser.isConnected()) {
    p.catch(() => undefined);
    return Promise.reject(crashed());
  }
  return new Promise<T>((resolve, reject) => {
    const onLost = () => reject(crashed());
    browser.once('disconnected', onLost);
    p.then(
      (v) => {
        browser.off('disconnected', onLost);
        resolve(v);
      },
      (e: unknown) => {
        browser.off('disconnected', onLost);
        reject(browser.isConnected() ? e : crashed(e));
      },
    );
  });
}

function crashed(cause?: unknown): FolioError {
  const why = cause instanceof Error ? ` (${cause.name}: ${cause.message.split('\n')[0]})` : '';
  return new FolioError(
    'BrowserCrashed',
    { detail: `Chromium exited or was killed during the build${why}` },
    undefined,
    { cause },
  );
}
