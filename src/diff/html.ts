// The `folio diff` report page: the changed figures, then before | after | difference for every page.
import { basename } from 'node:path';
import type { FigureChange, FigureReach } from '../watch/figures.ts';
import type { PageDiff } from './index.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function reportHtml(
  edition: string,
  since: string,
  figures: Array<FigureChange & FigureReach>,
  pages: PageDiff[],
): string {
  const rows = figures
    .map(
      (f) =>
        `<tr><td><code>${esc(f.id)}</code></td><td>${esc(f.before ?? '—')}</td><td>${esc(f.after ?? '—')}</td>` +
        `<td>${f.pages.join(', ')}</td><td>${esc(f.blocks.map((b) => `${b.article}/${b.module} ${b.block} :${b.line}`).join('; '))}</td></tr>`,
    )
    .join('\n');
  const img = (p: string) => `<img src="${esc(basename(p))}" alt="">`;
  const sections = pages
    .map(
      (p) =>
        `<h2>第${p.page}版 <small>${p.changedPixels ? `${p.changedPixels} changed pixels` : 'unchanged'}</small></h2>` +
        `<div class="row"><figure>${img(p.before)}<figcaption>before</figcaption></figure>` +
        `<figure>${img(p.after)}<figcaption>after</figcaption></figure>` +
        `<figure>${img(p.diff)}<figcaption>difference</figcaption></figure></div>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>${esc(edition)}: changes since ${esc(since)}</title>
<style>
body { font: 14px/1.5 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 4px 8px; text-align: left; }
.row { display: flex; gap: 12px; } figure { margin: 0; } img { max-width: 32vw; border: 1px solid #999; }
figcaption { text-align: center; color: #666; } small { color: #666; font-weight: normal; }
</style></head><body>
<h1>${esc(edition)}: changes since ${esc(since)}</h1>
<table><tr><th>figure</th><th>before</th><th>after</th><th>pages</th><th>used in</th></tr>
${rows || '<tr><td colspan="5">no figure changed</td></tr>'}
</table>
${sections}
</body></html>
`;
}
