// The photo block's Markdown: options, caption and credit, and the placeholder the images stage fills.
import { describe, expect, it } from 'vitest';
import { findRequests } from '../../../src/images/request.ts';
import { expectBadBlock, figures, FRONT_LINES, render } from '../blocks/render.ts';

const none = figures({});

describe('photo block', () => {
  it('asks for the file at its columns and ratio, with caption and credit', async () => {
    const { html, errors } = await render(
      '::: photo file=images/晋祠.jpg cols=3 ratio=3:2 "晋祠圣母殿 / 记者 某某 摄"\n',
      none,
    );
    expect(errors).toEqual([]);
    expect(html).toContain(
      `<figure class="blk blk-photo" data-block="photo" data-cols="3" data-source-line="${FRONT_LINES + 1}">`,
    );
    expect(html).toContain(
      '<figcaption>晋祠圣母殿 <span class="photo-credit">记者 某某 摄</span></figcaption>',
    );
    expect(html).toContain('alt="晋祠圣母殿"');
    expect(findRequests(html)).toEqual([{ file: 'images/晋祠.jpg', cols: 3, ratio: '3:2', line: 4 }]);
  });

  it('takes the credit from credit= and leaves out an empty caption', async () => {
    const credited = await render('::: photo file=a.jpg cols=1 "夜景" credit="视觉策划中心制图"\n', none);
    expect(credited.html).toContain('夜景 <span class="photo-credit">视觉策划中心制图</span>');
    const bare = await render('::: photo file=a.jpg cols=1\n', none);
    expect(bare.html).not.toContain('figcaption');
    expect(findRequests(bare.html)).toEqual([{ file: 'a.jpg', cols: 1, line: 4 }]);
  });

  it('reports a bare word, a missing file=, a bad ratio and a path out of the edition on their line', async () => {
    expectBadBlock((await render('::: photo images/a.jpg cols=2\n', none)).errors, 4, 'takes no figure ids');
    expectBadBlock((await render('::: photo cols=2\n', none)).errors, 4, 'file=images/name.jpg');
    expectBadBlock(
      (await render('::: photo file=a.jpg cols=2 ratio=wide\n', none)).errors,
      4,
      'width:height',
    );
    expectBadBlock((await render('::: photo file=../a.jpg cols=2\n', none)).errors, 4, 'inside the edition');
    expectBadBlock((await render('::: photo file=a.jpg\n', none)).errors, 4, 'option cols');
  });
});
