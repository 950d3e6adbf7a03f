// Markdown images are never fetched: each one is an error at its file:line:col, inline or by reference.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../../src/check.ts';
import { FolioError, FolioErrors } from '../../../src/errors/FolioError.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';

async function errorsOf(dir: string): Promise<FolioError[]> {
  const e = await checkEdition(dir).then(
    () => undefined,
    (x: unknown) => x,
  );
  if (e instanceof FolioErrors) return e.errors;
  if (e instanceof FolioError) return [e];
  throw new Error(`expected Folio errors, got ${String(e)}`);
}

describe('Markdown images', () => {
  it.each([
    ['inline, remote', '![城市](http://127.0.0.1:1/x.png)', true, 'http://127.0.0.1:1/x.png'],
    ['protocol-relative', '![城市](//example.org/x.png)', true, '//example.org/x.png'],
    ['file: URL', '![城市](file:///etc/passwd)', true, 'file:///etc/passwd'],
    ['local', '![城市](images/skyline.jpg)', false, 'images/skyline.jpg'],
  ])('%s is an error at its position', async (_k, image, remote, src) => {
    const dir = copyEdition();
    const at = edit(join(dir, 'article.md'), '\n## 06', `\n前文 ${image}\n\n## 06`);
    const [err, more] = await errorsOf(dir);
    expect(more).toBeUndefined();
    expect(err?.code).toBe('MarkdownImage');
    expect(err?.details).toMatchObject({ src, remote });
    // The image starts after "前文 " on the line after the one `edit` replaced at.
    expect(err?.position).toMatchObject({ line: at.line + 1, column: 4 });
  });

  it('finds a reference image inside a list item, at its real column', async () => {
    const dir = copyEdition();
    const at = edit(join(dir, 'article.md'), '\n## 06', '\n- 条目 ![图][r]\n\n[r]: http://h/x.png\n\n## 06');
    const [err] = await errorsOf(dir);
    expect(err?.details).toMatchObject({ src: 'http://h/x.png', remote: true });
    expect(err?.position).toMatchObject({ line: at.line + 1, column: 6 });
  });
});
