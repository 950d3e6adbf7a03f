// The page furniture from the templates: folio line, 引题/主题/副题, continuation notes, credits.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition, layOut } from '../../../src/pipeline.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';

describe('edition templates', () => {
  it('print the folio line, headline hierarchy, continuation notes and credits', async () => {
    const dir = copyEdition('taiyuan-five-years');
    edit(join(dir, 'article.md'), 'title: ', 'kicker: 数说五年\ncontinuedTo: "05"\ntitle: ');
    const { html } = await layOut(await checkEdition(dir));
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(html).toMatch(
      /<p class="kicker">数说五年<\/p>\s*<h1 class="headline">这五年，太原发生了哪些变化<\/h1>/,
    );
    expect(text).toContain('——从数字亮点看太原发展');
    expect(text).toContain('(上接03版)');
    expect(text).toContain('(下转05版)');
    expect(text).toMatch(/04 要闻 太原日报 2021年9月27日 星期一/);
    expect(text).toContain('责任编辑 王敏');
    expect(text).toContain('美术编辑 李青');
    expect(text).toContain('记者 郝晓炜 张波');
    expect(text).toContain('视觉策划中心供图');
    expect(html).toContain('<html lang="zh-Hans">');
  });
});
