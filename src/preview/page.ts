// The preview document: the engine's laid-out, fitted pages plus the converted fonts and the live-reload client.
import { FACES } from '../fonts/faces.ts';
import { cspMeta, PREVIEW_POLICY, PRINT_POLICY, SCRIPT_NONCE } from '../security/csp.ts';

export const ASSETS = '/__folio';

/** On screen the converted faces come from @font-face (print uses fontconfig to avoid Type 3 fonts). */
function fontFaces(): string {
  return FACES.map(
    (f) =>
      `@font-face { font-family: '${f.family}'; font-weight: ${f.style === 'Bold' ? 700 : 400}; ` +
      `src: url('${ASSETS}/fonts/${f.file}') format('truetype'); font-display: block; }`,
  ).join('\n');
}

/** Screen-only styles Paged.js leaves alone (media=screen): pages on a grey desk. */
const DESK = `html { background: #777; }
.pagedjs_pages { display: flex; flex-direction: column; align-items: center; gap: 10mm; padding: 10mm 0; }
.pagedjs_page { background: #fff; box-shadow: 0 2px 10px rgba(0,0,0,.45); }
html:not(.folio-ready) .pagedjs_pages { visibility: hidden; }
#folio-error { position: fixed; inset: 0 0 auto 0; z-index: 99999; margin: 0; padding: 12px 16px;
  background: #b00020; color: #fff; font: 14px/1.5 ui-monospace, monospace; white-space: pre-wrap; }`;

/** Reloads after a good rebuild; shows a broken edit's error over the last good pages; shows the pages
 *  when their fonts are ready. */
const CLIENT = `(() => {
  // Pages show once their faces are loaded, as they did when Paged.js waited for them.
  addEventListener('load', () => document.fonts.ready.then(() => document.documentElement.classList.add('folio-ready')));
  const events = new EventSource('${ASSETS}/events');
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('failed', (e) => {
    let box = document.getElementById('folio-error');
    if (!box) { box = document.createElement('pre'); box.id = 'folio-error'; document.body.append(box); }
    box.textContent = JSON.parse(e.data).message;
  });
})();`;

/** `html`: a page snapshot (EngineSession.snapshot), already paginated: no Paged.js runs in the viewer. */
export function previewHtml(html: string): string {
  const head =
    `<style data-pagedjs-ignore>${fontFaces()}</style>\n` +
    `<style media="screen">${DESK}</style>\n` +
    `<script nonce="${SCRIPT_NONCE}">${CLIENT}</script>\n`;
  // The print policy allows no font or event loads; the preview's own server may serve those.
  const own = html.replace(cspMeta(PRINT_POLICY), cspMeta(PREVIEW_POLICY));
  const at = own.indexOf('</head>');
  return at < 0 ? head + own : own.slice(0, at) + head + own.slice(at);
}

/** Shown until the edition first builds: the error, and the same client so a fix reloads. */
export function errorHtml(message: string): string {
  const esc = message.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><meta charset="utf-8">${cspMeta(PREVIEW_POLICY)}<title>Folio preview</title>
<style>${DESK}</style><pre id="folio-error">${esc}</pre><script nonce="${SCRIPT_NONCE}">${CLIENT}</script>`;
}
