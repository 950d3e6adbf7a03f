// Renders every block in test/fixtures/blocks/gallery.md with the real CSS and fonts, and screenshots it.
// Usage: node --import tsx scripts/block-gallery.ts [theme] [out.png]   (defaults: default, /tmp/gallery.png)
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readArticle } from '../src/content/load.ts';
import { throwIfAny } from '../src/errors/FolioError.ts';
import { loadFigures } from '../src/figures/load.ts';
import { prepareFonts } from '../src/fonts/prepare.ts';
import { renderArticle } from '../src/markdown/article.ts';
import { createMarkdown } from '../src/markdown/md.ts';
import { launchBrowser } from '../src/paginate/browser.ts';
import { ROOT } from '../src/pipeline.ts';
import { loadTemplates } from '../src/render/templates.ts';
import { BLOCK_DIRS } from '../src/blocks/registry.ts';

const [theme = 'default', out = '/tmp/gallery.png'] = process.argv.slice(2);
const fixtures = join(ROOT, 'test', 'fixtures', 'blocks');

const article = await readArticle(join(fixtures, 'gallery.md'));
const { figures } = await loadFigures(fixtures);
const templates = await loadTemplates(join(ROOT, 'templates'), BLOCK_DIRS);
const rendered = renderArticle(createMarkdown(), article, figures, templates.block);
throwIfAny(rendered.errors);

// Each section twice: in a two-column module (86 mm) and in one broadsheet text column (41 mm).
const rows = rendered.article.sections
  .map(
    (s) => `<section class="row"><h2>${s.title}</h2>
  <div class="cell wide module-body">${s.graphicsHtml}${s.html}</div><div class="cell narrow module-body">${s.graphicsHtml}${s.html}</div></section>`,
  )
  .join('\n');

const blockDir = join(ROOT, 'styles', 'blocks');
const css = [
  await readFile(join(ROOT, 'styles', 'base.css'), 'utf8'),
  ...(await Promise.all(
    (await readdir(blockDir))
      .filter((n) => n.endsWith('.css'))
      .sort()
      .map((n) => readFile(join(blockDir, n), 'utf8')),
  )),
  await readFile(join(ROOT, 'styles', 'themes', `${theme}.css`), 'utf8'),
].join('\n');

const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
${css}
:root { --body-pt: 10pt; --span: 1; --gutter: 4mm; }
body { width: 150mm; padding: 6mm; background: #fff; }
.row { display: flex; gap: 8mm; align-items: flex-start; border-top: 0.5pt solid #999; padding: 3mm 0 5mm; }
.row h2 { font: 700 8pt var(--sans); color: #999; width: 12mm; margin: 0; flex: none; }
.wide { width: 86mm; flex: none; }
.narrow { width: 41mm; flex: none; }
</style></head><body class="theme-${theme}">${rows}</body></html>`;
await writeFile(out.replace(/\.png$/, '.html'), html);

const fonts = await prepareFonts({ chars: html });
const browser = await launchBrowser({ fontconfigFile: fonts.fontconfigFile });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 700, height: 800, deviceScaleFactor: 2 });
  await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: out as `${string}.png`, fullPage: true });
  process.stderr.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}
