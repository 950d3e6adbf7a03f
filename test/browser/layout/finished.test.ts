// Finished pages, measured from outside: the example editions' printed pages rasterised and searched for
// flat regions (issue 10's measure, test/helpers/flat.ts), not read from Folio's own fit report.
// The target is no flat region over 40 mm and under 12 % of the type area in flat regions over
// 15 mm; the bounds below are where the pages stand now (2026-12-02), so a change that opens holes again
// fails here. Tighten them as the pages get there.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PRESETS } from '../../../src/config/presets.ts';
import { flatRegions } from '../../helpers/flat.ts';
import { box, pdfinfo } from '../../helpers/tools.ts';

const { results } = inject('built');
const bounds: Record<string, { share: number; tallestMm: number }> = {
  'taiyuan-five-years': { share: 0.18, tallestMm: 75 },
  'taiyuan-work-report': { share: 0.23, tallestMm: 80 },
};

describe.each(Object.keys(bounds))('%s', (edition) => {
  it('leaves no more flat area than it did, measured on the rendered pages', () => {
    const r = results.find((x) => x.edition === edition)!;
    const pdf = r.outputs['pdf']!;
    const dir = mkdtempSync(join(tmpdir(), 'folio-flat-'));
    // 2 px per mm: fine enough for 10 mm runs and 15 mm heights.
    execFileSync('pdftoppm', ['-r', '50.8', '-png', pdf, join(dir, 'p')]);
    const g = PRESETS.broadsheet;
    // The PNG covers the media box: the type area lies inside the trim box by the margins.
    const bleed = box(pdfinfo(pdf), 'TrimBox')[0]! / (72 / 25.4);
    const area = {
      widthMm: g.widthMm + 2 * bleed,
      heightMm: g.heightMm + 2 * bleed,
      marginMm: {
        top: g.marginMm.top + bleed,
        right: g.marginMm.right + bleed,
        bottom: g.marginMm.bottom + bleed,
        left: g.marginMm.left + bleed,
      },
    };
    const pages = readdirSync(dir).sort();
    expect(pages.length).toBe(r.pages);
    for (const f of pages) {
      const flat = flatRegions(readFileSync(join(dir, f)), area);
      const b = bounds[edition]!;
      expect(
        flat.shareOver15,
        `${edition} ${f}: share of the type area in flat regions over 15 mm`,
      ).toBeLessThanOrEqual(b.share);
      expect(flat.maxHeightMm, `${edition} ${f}: tallest flat region`).toBeLessThanOrEqual(b.tallestMm);
    }
  });
});
