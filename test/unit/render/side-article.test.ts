// A side article (no numbered sections) prints its leading blocks and its ## titles, not only its text.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition, layOut } from '../../../src/pipeline.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';

describe('side articles', () => {
  it('keep their leading blocks and their ## titles', async () => {
    const dir = copyEdition('taiyuan-work-report');
    const file = join(dir, 'commentary.md');
    edit(file, '---\n\n2020年是', '---\n\n::: callout party.theoryGroupStudySessions size=m\n\n2020年是');
    edit(file, '\n总结一年来', '\n## 十个方面\n\n总结一年来');
    const e = await layOut(await checkEdition(dir));
    const side = e.html.slice(e.html.indexOf('<h2 class="side-title">'));
    expect(side).toMatch(
      /<div class="module-graphics"><figure class="blk blk-callout[^>]*data-figure="party\.theoryGroupStudySessions"/,
    );
    expect(side).toMatch(/<h3 class="side-section-title" data-source-line="\d+">十个方面<\/h3>/);
    expect(side.indexOf('十个方面')).toBeLessThan(side.indexOf('总结一年来'));
  });
});
