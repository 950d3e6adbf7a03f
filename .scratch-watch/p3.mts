import { checkEdition, layOut, paginateEdition } from '../src/pipeline.ts';
import { prepareFonts } from '../src/fonts/prepare.ts';
import { launchBrowser } from '../src/paginate/browser.ts';
const e = await layOut(await checkEdition('content/taiyuan-work-report'));
console.log(e.pages.map(p => [p.number, (p as any).numbers, p.modules.map(m => m.key).join(' ')]));
const fonts = await prepareFonts({ chars: e.html });
const browser = await launchBrowser({ fontconfigFile: fonts.fontconfigFile });
const p = await paginateEdition(e, browser, { timeoutMs: 60000 });
console.log(JSON.stringify(p.measurement.figurePages).slice(0, 300));
console.log(await p.page.evaluate(() => Array.from(document.querySelectorAll('.pagedjs_page')).map(pg => {
  const pr = pg.getBoundingClientRect();
  return Array.from(pg.querySelectorAll('.module')).map(m => { const r = m.getBoundingClientRect(); return (m as HTMLElement).dataset.module + ':' + (r.right > pr.left && r.left < pr.right ? 'vis' : 'hid'); }).join(' ');
})));
await browser.close();
