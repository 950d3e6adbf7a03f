// Puts freshly printed pages into the previous edition PDF and post-processes the result like a build.
import { PDFDocument } from 'pdf-lib';
import { finishDocument, type PostprocessInput } from '../pdf/postprocess.ts';

/**
 * `fresh` holds the pages at `indexes` (0-based, ascending), printed alone. The result is a new
 * document assembled page by page, so objects of replaced pages do not linger in the file.
 */
export async function splicePages(
  previous: Uint8Array,
  fresh: Uint8Array,
  indexes: number[],
  finish: Omit<PostprocessInput, 'pdf'>,
): Promise<Uint8Array> {
  const [old, neu] = await Promise.all([
    PDFDocument.load(previous, { updateMetadata: false }),
    PDFDocument.load(fresh, { updateMetadata: false }),
  ]);
  if (neu.getPageCount() !== indexes.length)
    throw new Error(`printed ${neu.getPageCount()} page(s) for ${indexes.length} requested`);
  const out = await PDFDocument.create({ updateMetadata: false });
  const keep = old.getPageIndices().filter((i) => !indexes.includes(i));
  const [kept, replaced] = await Promise.all([
    out.copyPages(old, keep),
    out.copyPages(neu, neu.getPageIndices()),
  ]);
  for (let i = 0; i < old.getPageCount(); i++) {
    const at = indexes.indexOf(i);
    out.addPage(at >= 0 ? replaced[at]! : kept[keep.indexOf(i)]!);
  }
  finishDocument(out, finish);
  return out.save({ useObjectStreams: false });
}
