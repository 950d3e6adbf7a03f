// Rank or record badge (第7位, 九连冠): a medal roundel with ribbon tails, or a banner, carrying the figure.
import { z } from 'zod';
import { formatFigure } from '../../figures/format.ts';
import { defineBlock } from '../block.ts';
import { figureView, r, textWidth } from '../chart.ts';

const SMALL = 0.45; // 第/位/连冠 beside the numeral, relative to its size

export const badge = defineBlock({
  name: 'badge',
  summary: 'a rank (第7位) or a streak (九连冠) in a medal roundel or a banner',
  example: '::: badge honours.doubleSupportModelCity shape=roundel',
  options: z.object({ shape: z.enum(['roundel', 'ribbon']).default('roundel') }).strict(),
  figures: { min: 1, max: 1 },
  view: ({ figures: [f] }, o) => {
    if (f!.kind !== 'rank' && f!.kind !== 'streak') {
      throw `badge shows a rank (第7位) or a streak (九连冠); ${f!.id} is a ${f!.kind} (${formatFigure(f!)}); use callout`;
    }
    const v = figureView(f!);
    // Size the numeral so the whole line fits the roundel's inner ring (94 units, with a margin) or the banner (200).
    const em = textWidth(v.number, 1) + textWidth(v.prefix + v.unit + v.suffix, SMALL);
    const room = o.shape === 'roundel' ? 74 : 190;
    const big = r(Math.min(o.shape === 'roundel' ? 46 : 40, room / em));
    // The baseline sits about a third of an em below the centre for CJK and lining digits.
    const ty = r((o.shape === 'roundel' ? 58 : 34) + big * 0.36);
    return { ...v, shape: o.shape, big, small: r(big * SMALL), ty };
  },
});
