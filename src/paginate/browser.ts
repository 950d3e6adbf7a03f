// Starts the system Chromium for Folio: headless, with Folio's fontconfig, under a time limit.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import puppeteer, { TimeoutError, type Browser } from 'puppeteer-core';
import { FolioError } from '../errors/FolioError.ts';
import { withTimeout } from './timeout.ts';
import { closeBrowser } from './lost.ts';

export interface LaunchOptions {
  /** From prepareFonts: makes the converted TrueType CJK faces visible to Chromium. */
  fontconfigFile: string;
  /** Time limit for the browser to start; default 30 s. */
  timeoutMs?: number;
  /** Aborting closes the browser. Passing a signal also means the caller owns Ctrl-C handling. */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const STEP = 'start Chromium';

export function chromiumPath(): string {
  return process.env.FOLIO_CHROMIUM || '/usr/bin/chromium';
}

const ARGS = [
  '--no-sandbox', // Folio runs as root in containers, where Chromium's sandbox cannot start
  '--disable-dev-shm-usage', // /dev/shm is tiny in containers; large pages crash the renderer there
  '--export-tagged-pdf',
  '--font-render-hinting=none', // glyph positions as designed, not snapped to a screen pixel grid
  '--disable-gpu',
  // Nothing may reach the network: builds are reproducible and work offline.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(opts: LaunchOptions): Promise<Browser> {
  const executablePath = chromiumPath();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new FolioError('BrowserMissing', { path: executablePath });
  }
  const ownsSignals = opts.signal === undefined;
  const launching = puppeteer.launch({
    executablePath,
    headless: 'new',
    args: ARGS,
    // No userDataDir: Puppeteer then makes a fresh temporary profile and deletes it when the
    // browser process exits, so no state leaks between builds.
    env: { ...process.env, FONTCONFIG_FILE: opts.fontconfigFile },
    timeout: timeoutMs,
    // Puppeteer's own Ctrl-C handler calls process.exit(130); a caller with a signal cleans up itself.
    handleSIGINT: ownsSignals,
    handleSIGTERM: ownsSignals,
    handleSIGHUP: ownsSignals,
  });

  let browser: Browser;
  try {
    // Puppeteer enforces `timeout` itself; the outer limit also covers a hang before its timer starts.
    browser = await withTimeout(launching, timeoutMs + 1000, STEP, opts.signal);
  } catch (e) {
    // A launch we stopped waiting for may still succeed later: close what it produces.
    launching.then((b) => closeBrowser(b)).catch(() => undefined);
    if (e instanceof FolioError) throw e;
    if (e instanceof TimeoutError) {
      throw new FolioError('BrowserTimeout', { step: STEP, ms: timeoutMs }, undefined, { cause: e });
    }
    const detail = `could not start ${executablePath}: ${(e as Error).message.trim().split('\n').slice(0, 6).join(' / ')}`;
    throw new FolioError('BrowserCrashed', { detail }, undefined, { cause: e });
  }

  const signal = opts.signal;
  if (signal) {
    const onAbort = (): void => void closeBrowser(browser);
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      browser.once('disconnected', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return browser;
}
