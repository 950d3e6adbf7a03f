// Big-number callout: a large number, its small unit, and a caption (the figure's label by default).
import { z } from 'zod';
import { formatParts } from '../../figures/format.ts';
import { defineBlock } from '../block.ts';

export const callout = defineBlock({
  name: 'callout',
  summary: 'a big number with a small unit and a caption',
  example: '::: callout employment.newUrbanJobs size=l "城镇累计新增就业"',
  options: z.object({ size: z.enum(['m', 'l', 'xl']).default('l') }).strict(),
  figures: { min: 1, max: 1 },
  view: ({ figures: [f], text }, o) => ({
    ...formatParts(f!),
    id: f!.id,
    caption: text || f!.label,
    size: o.size,
  }),
});
