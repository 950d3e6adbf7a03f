// Paginates the edition's HTML with Paged.js (pagedjs-cli's Printer) in an already running browser.
import Printer from 'pagedjs-cli';
import type { Browser, Page } from 'puppeteer-core';
import { withTimeout } from './timeout.ts';
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
  (printer as unknown as { browser: Pick<Browser, 'newPage'> }).browser = {
    newPage: () => quickIdlePage(browser),
  };
  const page: Page = await withTimeout(
    printer.render({ html, url: opts.baseUrl }) as Promise<Page>,
    opts.timeoutMs,
    'Paged.js pagination',
    opts.signal,
  );
  return attach(page, opts);
}

/**
 * Printer.render waits for the network to be idle with Puppeteer's default 500 ms window; Folio's HTML
 * inlines its styles, fonts come from fontconfig and images are data URLs, so a short window is enough.
 */
async function quickIdlePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  const wait = page.waitForNetworkIdle.bind(page);
  page.waitForNetworkIdle = (o) => wait({ ...o, idleTime: 50 });
  return page;
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
      page.evaluate(measureInPage) as Promise<Measurement>,
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
        page.pdf({
          printBackground: true,
          preferCSSPageSize: true,
          timeout: opts.timeoutMs,
          ...(pageRanges ? { pageRanges } : {}),
        }),
        opts.timeoutMs,
        'printing the PDF',
        opts.signal,
      ),
    close: () => page.close().catch(() => undefined),
  };
  return paged;
}
