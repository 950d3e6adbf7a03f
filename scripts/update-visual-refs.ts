// `npm run visual:update`: rebuilds the example editions and rewrites the visual test's reference PNGs.
// Run it only after looking at the new pages and agreeing they are right.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from '../src/pipeline.ts';
import { rasterise, refPath } from '../test/browser/visual/raster.ts';

const outDir = mkdtempSync(join(tmpdir(), 'folio-refs-'));
const results = await build(['content/taiyuan-five-years', 'content/taiyuan-work-report'], {
  outDir,
  draft: true,
});
for (const r of results) {
  const sets = [{ edition: r.edition, pdf: r.outputs['pdf']! }];
  if (r.outputs['spread']) sets.push({ edition: `${r.edition}-spread`, pdf: r.outputs['spread'] });
  for (const { edition, pdf } of sets) {
    rasterise(pdf).forEach((png, i) => {
      const file = refPath(edition, i);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, png);
      process.stderr.write(`wrote ${file}\n`);
    });
  }
}
