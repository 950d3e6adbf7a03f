// The markdown-it instance Folio uses: CommonMark plus figure references and infographic blocks.
import MarkdownIt, { type MarkdownIt as Md } from 'markdown-it';
import { figureRefPlugin } from './figureRef.ts';
import { blocksPlugin } from '../blocks/directive.ts';
import { refuseImagesPlugin } from './images.ts';
import { nestingLimitPlugin } from './nesting.ts';
import { BUILTIN_BLOCKS, type BlockSet } from '../blocks/discover.ts';

export function createMarkdown(blocks: BlockSet = BUILTIN_BLOCKS): Md {
  // html: false — articles are text; layout belongs to templates, not to raw HTML in the prose.
  const md = new MarkdownIt('commonmark', { html: false, typographer: false });
  md.use(figureRefPlugin);
  md.use(blocksPlugin, blocks);
  md.use(refuseImagesPlugin);
  md.use(nestingLimitPlugin);
  return md;
}
