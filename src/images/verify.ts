// `folio check` opens every photo a block asks for — real path inside the edition, a readable image — so a
// green check means the build will not stop at a picture.
import { readFile } from 'node:fs/promises';
import { FolioError } from '../errors/FolioError.ts';
import type { RenderedArticle } from '../markdown/article.ts';
import { editionImage } from './prepare.ts';
import { findRequests } from './request.ts';

export async function verifyImages(
  dir: string,
  articles: RenderedArticle[],
  columns: number,
): Promise<FolioError[]> {
  const errors: FolioError[] = [];
  for (const a of articles) {
    for (const r of a.sections.flatMap((s) => findRequests(s.graphicsHtml + s.html))) {
      const where = { file: a.file, line: r.line, column: 1 };
      try {
        if (r.cols > columns) {
          const detail = `cols=${r.cols} is wider than the page's ${columns} columns`;
          throw new FolioError('BadBlock', { block: 'photo', detail }, where);
        }
        const bytes = await readFile(await editionImage(dir, r.file, where));
        const { default: sharp } = await import('sharp'); // only editions with photos pay for loading it
        await sharp(bytes)
          .metadata()
          .catch((cause: unknown) => {
            const detail = `${r.file} is not an image Folio can read (JPEG, PNG, WebP, TIFF): ${String(cause)}`;
            throw new FolioError('BadBlock', { block: 'photo', detail }, where, { cause });
          });
      } catch (err) {
        if (err instanceof FolioError) errors.push(err);
        else throw err;
      }
    }
  }
  return errors;
}
