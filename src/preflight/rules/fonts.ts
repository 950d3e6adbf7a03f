// Fonts from the font dictionaries: embedded, not Type 3, and with a ToUnicode map for Type 0 fonts.
import { fonts } from '../objects.ts';
import { fail, pass, type Check, type RuleContext } from '../types.ts';

const counted = (list: string[]): string =>
  [...new Set(list)]
    .map((b) => (list.filter((x) => x === b).length > 1 ? `${list.filter((x) => x === b).length}× ${b}` : b))
    .join('; ');

export function checkEmbedded(ctx: RuleContext): Check {
  const all = fonts(ctx.doc);
  const bad = all.filter((f) => !f.embedded).map((f) => `${f.name} (${f.subtype}) not embedded`);
  return bad.length
    ? fail('fonts.embedded', counted(bad))
    : pass('fonts.embedded', `${all.length} fonts, all embedded`);
}

export function checkType3(ctx: RuleContext): Check {
  const bad = fonts(ctx.doc)
    .filter((f) => f.subtype === 'Type3')
    .map((f) => `${f.name} is Type 3`);
  return bad.length ? fail('fonts.no-type3', counted(bad)) : pass('fonts.no-type3', 'no Type 3 fonts');
}

export function checkToUnicode(ctx: RuleContext): Check {
  const bad = fonts(ctx.doc)
    .filter((f) => (f.subtype === 'Type0' || f.subtype === 'Type3') && !f.toUnicode)
    .map((f) => `${f.name} has no ToUnicode`);
  return bad.length
    ? fail('fonts.tounicode', counted(bad))
    : pass('fonts.tounicode', 'every composite font maps its glyphs to Unicode');
}
