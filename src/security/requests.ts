// Request interception for Folio's Chromium pages: only what Folio itself put into the page may load.
import type { HTTPRequest, Page } from 'puppeteer-core';

/**
 * Folio inlines its styles and pictures (data: URLs) and gives fonts through fontconfig, so a page
 * needs no request at all. Anything else — a url() or @import in a stylesheet, a script, a
 * redirected frame — is aborted and remembered, so the build can say what was refused.
 */
export async function blockRequests(page: Page): Promise<{ blocked: string[] }> {
  const blocked: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isOwn(url)) void request.continue().catch(() => undefined);
    else {
      blocked.push(url.slice(0, 200));
      void request.abort('blockedbyclient').catch(() => undefined);
    }
  });
  // What the Content-Security-Policy refused never becomes a request; Chromium says so on the console.
  page.on('console', (m) => {
    const text = m.text();
    if (!text.includes('Content Security Policy')) return;
    const url = /'([a-z][a-z0-9+.-]*:[^']+)'/i.exec(text)?.[1];
    blocked.push(url ? url.slice(0, 200) : 'a script that Folio did not write');
  });
  return { blocked };
}

/** data: and about:blank are made by Folio in the page; every other scheme is a load from outside. */
export function isOwn(url: string): boolean {
  return url.startsWith('data:') || url === 'about:blank';
}
