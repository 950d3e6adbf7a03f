// Paginates the edition's HTML with Paged.js (pagedjs-cli's Printer) in an already running browser.
import Printer from 'pagedjs-cli';
import type { Browser, Page } from 'puppeteer-core';
import { readFile } from 'node:fs/promises';
import { FolioError } from '../errors/FolioError.ts';
import { withTimeout } from './timeout.ts';
import { whileAlive } from './lost.ts';
import { blockRequests } from '../security/requests.ts';
import { SCRIPT_NONCE } from '../security/csp.ts';
import { measureInPage, type Measurement } from './measure.ts';

export interface PaginateOptions {
  /** Base URL for relative resources (images) in the HTML. */
  baseUrl: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface Paginated {
  page: Page;
  measurement: Measurement;
  /** Measures the page again after its DOM was patched (watch mode) and updates `measurement`. */
  remeasure(): Promise<Measurement>;
  /** pdf(): the PDF bytes of the paginated document (all pages, or a page range "2-2"). */
  pdf(pageRanges?: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function paginate(browser: Browser, html: string, opts: PaginateOptions): Promise<Paginated> {
  const printer = new Printer({ closeAfter: false, timeout: opts.timeoutMs });
  // The Printer uses its browser only to open a page; giving it ours saves a second CDP connection.
  let opened: { page: Page; blocked: string[] } | undefined;
  (printer as unknown as { browser: Pick<Browser, 'newPage'> }).browser = {
    newPage: async () => (opened = await quickIdlePage(browser)).page,
  };
  try {
    const page: Page = await withTimeout(
      whileAlive(browser, printer.render({ html, url: opts.baseUrl }) as Promise<Page>),
      opts.timeoutMs,
      'Paged.js pagination',
      opts.signal,
    );
    return await attach(page, opts);
  } catch (err) {
    await opened?.page.close().catch(() => undefined);
    throw paginationError(err, opened?.blocked ?? []);
  }
}

/** A refused load is the likely cause of a failed layout (Paged.js rejects on a stylesheet it cannot read). */
function paginationError(err: unknown, blocked: string[]): unknown {
  if (err instanceof FolioError && err.code !== 'BrowserTimeout') return err;
  if (blocked[0]) return new FolioError('ResourceBlocked', { url: blocked[0] }, undefined, { cause: err });
  if (err instanceof FolioError) return err;
  const detail = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  return new FolioError('BrowserCrashed', { detail: `Paged.js failed: ${detail}` }, undefined, {
    cause: err,
  });
}

/**
 * Printer.render waits for the network to be idle with Puppeteer's default 500 ms window; Folio's HTML
 * inlines its styles, fonts come from fontconfig and images are data URLs, so a short window is enough.
 * The page loads nothing from outside (security/requests.ts), and the scripts the Printer adds carry the
 * nonce of the page's Content-Security-Policy, so they are the only scripts that run.
 */
export async function quickIdlePage(browser: Browser): Promise<{ page: Page; blocked: string[] }> {
  const page = await browser.newPage();
  const { blocked } = await blockRequests(page);
  const wait = page.waitForNetworkIdle.bind(page);
  page.waitForNetworkIdle = (o) => wait({ ...o, idleTime: 50 });
  page.addScriptTag = async (o) => {
    if (!o.path && o.content === undefined) throw new Error('Folio only adds scripts from its own files');
    const text = o.content ?? (await readFile(o.path!, 'utf8'));
    return page.evaluateHandle(
      (code: string, nonce: string) => {
        const script = document.createElement('script');
        script.nonce = nonce;
        script.text = code;
        document.head.appendChild(script);
        return script;
      },
      text,
      SCRIPT_NONCE,
    );
  };
  return { page, blocked };
}

/** Wraps an already paginated page (also used by watch mode after patching the DOM). */
export async function attach(
  page: Page,
  opts: Pick<PaginateOptions, 'timeoutMs' | 'signal'>,
): Promise<Paginated> {
  // tsx (esbuild keepNames) wraps functions in __name(); functions serialised into the page need it too.
  await page.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
  const measure = () =>
    withTimeout(
      whileAlive(page.browser(), page.evaluate(measureInPage) as Promise<Measurement>),
      opts.timeoutMs,
      'measuring the pages',
      opts.signal,
    );
  const paged: Paginated = {
    page,
    measurement: await measure(),
    remeasure: async () => (paged.measurement = await measure()),
    pdf: async (pageRanges) =>
      withTimeout(
        whileAlive(
          page.browser(),
          page.pdf({
            printBackground: true,
            preferCSSPageSize: true,
            timeout: opts.timeoutMs,
            ...(pageRanges ? { pageRanges } : {}),
          }),
        ),
        opts.timeoutMs,
        'printing the PDF',
        opts.signal,
      ),
    close: () => page.close().catch(() => undefined),
  };
  return paged;
}
