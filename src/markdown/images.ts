// Markdown images (`![alt](src)`, inline or by reference) are refused with their position: Folio never
// fetches a picture, and a local one must go through the photo block so it is sized, checked and embedded.
import type { MarkdownIt, StateInline } from 'markdown-it';
import { FolioError } from '../errors/FolioError.ts';
import { envOf } from './env.ts';
import { inlinePosition } from './figureRef.ts';

type InlineRule = (state: StateInline, silent: boolean) => boolean;

export function refuseImagesPlugin(md: MarkdownIt): void {
  // markdown-it keeps no public handle on a rule's function; the ruler's table is the documented way in.
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__;
  const image = rules.find((r) => r.name === 'image')?.fn;
  if (!image) return;
  // markdown-it leaves ![x](file:…) or (javascript:…) as literal text; here it must be found and refused.
  const validate = md.validateLink.bind(md);
  let inImage = false;
  md.validateLink = (url) => inImage || validate(url);
  md.inline.ruler.at('image', (state, silent) => {
    const start = state.pos;
    const before = state.tokens.length;
    inImage = true;
    let found: boolean;
    try {
      found = image(state, silent);
    } finally {
      inImage = false;
    }
    if (!found) return false;
    if (silent) return true;
    const token = state.tokens.slice(before).find((t) => t.type === 'image'); // after any pending text
    const src = String(token?.attrGet('src') ?? '');
    const end = state.pos;
    state.pos = start;
    const where = inlinePosition(state);
    state.pos = end;
    envOf(state.env).errors.push(new FolioError('MarkdownImage', { src, remote: isRemote(src) }, where));
    return true;
  });
  md.renderer.rules['image'] = () => ''; // the build stops at the error above; nothing is ever requested
}

/** A scheme (http:, file:, data: …) or a protocol-relative //host: not a file in the edition. */
function isRemote(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');
}
