// The Content-Security-Policy every Folio page carries: only Folio's own scripts run, nothing is loaded.
import { randomBytes } from 'node:crypto';

/**
 * One unpredictable nonce per process: Folio's scripts (Paged.js, the preview client) carry it, so a
 * `<script>` that content smuggled into the HTML cannot — it was written before the nonce existed.
 */
export const SCRIPT_NONCE = randomBytes(18).toString('base64');

/** Print: inline styles (Paged.js rewrites them into <style> elements) and data: pictures, nothing else. */
export const PRINT_POLICY =
  `default-src 'none'; script-src 'nonce-${SCRIPT_NONCE}'; style-src 'unsafe-inline'; ` +
  `img-src data:; font-src data:; connect-src 'none'; form-action 'none'`;

/** Preview: also the converted fonts, Paged.js and the reload events from the preview server itself. */
export const PREVIEW_POLICY =
  `default-src 'none'; script-src 'nonce-${SCRIPT_NONCE}'; style-src 'unsafe-inline'; ` +
  `img-src data: 'self'; font-src 'self'; connect-src 'self'; form-action 'none'`;

/** The <meta> written first in <head>: a meta policy only covers what comes after it. */
export function cspMeta(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}
