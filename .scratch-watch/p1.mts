import { checkEdition, layOut, paginateEdition } from '/work/main/src/pipeline.ts';
import { prepareFonts } from '/work/main/src/fonts/prepare.ts';
import { launchBrowser } from '/work/main/src/paginate/browser.ts';
import { PDFDocument } from 'pdf-lib';
const t = () => performance.now();
let s = t();
const e = await layOut(await checkEdition('/work/main/content/taiyuan-work-report'));
console.log('check+layout', t() - s, 'html', e.html.length);
s = t();
const e2 = await layOut(await checkEdition('/work/main/content/taiyuan-work-report'));
console.log('check+layout warm', t() - s);
const fonts = await prepareFonts({ chars: e.html });
const browser = await launchBrowser({ fontconfigFile: fonts.fontconfigFile });
s = t();
const p = await paginateEdition(e, browser, { timeoutMs: 60000 });
console.log('paginate', t() - s);
for (let i = 0; i < 3; i++) {
  s = t(); const all = await p.pdf(); console.log('pdf all', t() - s, all.length);
  s = t(); const one = await p.pdf('1'); console.log('pdf 1', t() - s, one.length);
  s = t(); const two = await p.pdf('2'); console.log('pdf 2', t() - s, two.length);
  s = t(); const d = await PDFDocument.load(all, { updateMetadata: false }); console.log('load', t() - s);
  s = t(); const out = await PDFDocument.create(); const o = await PDFDocument.load(one, { updateMetadata: false });
  const [a] = await out.copyPages(o, [0]); out.addPage(a); const [b] = await out.copyPages(d, [1]); out.addPage(b);
  const bytes = await out.save({ useObjectStreams: false }); console.log('splice', t() - s, bytes.length);
}
const info = await p.page.evaluate(() => {
  const m = document.querySelector('.pagedjs_page .module');
  return { html: m!.outerHTML.slice(0, 400), parents: (() => { const r = []; let x = m!.parentElement; while (x) { r.push(x.tagName + '.' + x.className); x = x.parentElement; } return r; })() };
});
console.log(info);
// page floor
s = t();
const pg = await browser.newPage(); await pg.setContent(e.html); const f = await pg.pdf({ printBackground: true, preferCSSPageSize: true });
console.log('floor', t() - s, f.length);
await browser.close();
