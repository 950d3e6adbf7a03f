// The fit stage on content Folio has never seen: a too-full tabloid fails with every overset in mm, a grown
// figure is re-fitted instead of overflowing, a short county 数读 page reports its spare in the words.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../../src/pipeline.ts';
import { FolioError, FolioErrors } from '../../../src/errors/FolioError.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';
import { pdftext } from '../../helpers/tools.ts';

const out = () => mkdtempSync(join(tmpdir(), 'folio-fit-'));
const fixture = (name: string) => resolve('test/fixtures/fit', name);

describe('fit stage', () => {
  it('fails a too-full tabloid with an overset in mm for each module that collides, never the head', async () => {
    const err = await build([fixture('tabloid')], { outDir: out(), draft: true }).catch((e: unknown) => e);
    const errors = err instanceof FolioErrors ? err.errors : [err];
    const overset = errors.filter((e): e is FolioError => e instanceof FolioError);
    expect(overset.length, String(err)).toBeGreaterThanOrEqual(2);
    for (const e of overset) {
      expect(e.message).toMatch(/^overset: module "s0\d" .*on page 2 .*by \d+\.\d mm/);
      expect(e.position?.file).toBe(join(fixture('tabloid'), 'article.md'));
      expect(e.position?.line).toBeGreaterThan(0);
    }
    expect(overset.map((e) => e.message).join('\n')).not.toMatch(/module "head"/);
  }, 120_000);

  it('re-fits a page whose figures grow, and reports a short page as underset', async () => {
    const grown = copyEdition('taiyuan-five-years');
    edit(join(grown, 'figures.yaml'), 'value: 47.65', 'value: 476.5');
    edit(join(grown, 'figures.yaml'), 'value: 38329', 'value: 38329000');
    const [page, county] = await build([grown, fixture('county')], { outDir: out(), draft: true });
    // Grown: printed as the new text, every module inside its box, nothing overset.
    const text = pdftext(page!.outputs['pdf']!).replace(/\s+/g, '');
    expect(text).toContain(page!.figures['employment.newUrbanJobs']!.text);
    expect(page!.figures['income.urbanPerCapita']!.text).not.toBe('38329元');
    expect(page!.warnings.filter((w) => w.code === 'Overset')).toEqual([]);
    for (const m of page!.fit!.pages[0]!.modules)
      expect(m.contentMm, m.module).toBeLessThanOrEqual(m.box.hMm + 0.5);
    // County: far too little text for a broadsheet, said in the words, spare spread not piled.
    const underset = county!.warnings.filter((w) => w.code === 'Underset').map((w) => w.message);
    expect(underset.length).toBeGreaterThan(0);
    for (const m of underset)
      expect(m).toMatch(
        /^underset: module "s0\d" on page 5 has \d+ mm spare — add content or a block, or use a smaller preset$/,
      );
    expect(county!.fit!.pages[0]!.modules.map((m) => m.module).sort()).toEqual([
      'head',
      's01',
      's02',
      's03',
      's04',
    ]);
  }, 180_000);
});
