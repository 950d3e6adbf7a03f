// Effective image resolution at placed size, for XObject and inline images alike.
import { placedImages } from '../objects.ts';
import { fail, pass, type Check, type PageValue, type RuleContext } from '../types.ts';

export function checkResolution(ctx: RuleContext): Check {
  const min = ctx.expect.minPpi;
  const images = placedImages(ctx.doc).filter((i) => !i.imageMask);
  if (!images.length) return pass('image.resolution', 'no images');
  const values: PageValue[] = images.map((i) => ({
    page: i.page,
    value: Number.isFinite(i.ppi) ? i.ppi : 'unknown size',
    ok: Number.isFinite(i.ppi) && i.ppi >= min,
  }));
  const low = values.filter((v) => !v.ok);
  const lowest = Math.min(...images.map((i) => i.ppi));
  return low.length
    ? fail('image.resolution', `${low.length} image(s) below ${min} ppi (lowest ${lowest})`, values)
    : pass('image.resolution', `${images.length} image(s), lowest ${lowest} ppi ≥ ${min}`, values);
}

/** The resolution total ink must be measured at to see inside the finest image (50–300 dpi). */
export function inkDpi(ctx: RuleContext): number {
  const finest = Math.max(0, ...placedImages(ctx.doc).map((i) => (Number.isFinite(i.ppi) ? i.ppi : 0)));
  return Math.max(50, Math.min(300, Math.ceil(finest)));
}
