// Icon array: one figure as 10, 20 or 100 icons, each standing for `per` units; the last one partly filled.
import { z } from 'zod';
import { formatFigure } from '../../figures/format.ts';
import type { Figure } from '../../figures/schema.ts';
import { defineBlock } from '../block.ts';
import { figureView, printedValue, r } from '../chart.ts';
import { CELL, ICON_NAMES, ICONS } from '../icons.ts';

const PER_ROW = 10;

export const pictogram = defineBlock({
  name: 'pictogram',
  summary: 'one figure as a row or grid of icons, each standing for a fixed amount',
  example: '::: pictogram education.schoolsBuilt icon=school icons=10 per=10',
  options: z
    .object({
      icons: z.enum(['10', '20', '100']).default('10'),
      per: z.coerce.number().positive().optional(),
      icon: z.enum(ICON_NAMES).default('dot'),
    })
    .strict(),
  figures: { min: 1, max: 1 },
  view: ({ figures: [f] }, o) => {
    const icons = Number(o.icons);
    const value = printedValue(f!);
    if (value < 0) throw `pictogram counts things; ${f!.id} is negative`;
    const per = o.per ?? (f!.unit === '%' ? 100 / icons : niceStep(value / icons));
    const filled = value / per;
    if (filled > icons + 1e-9) {
      throw `${formatFigure(f!)} at per=${o.per} needs ${Math.ceil(filled)} icons, more than icons=${icons}; raise per or icons`;
    }
    // Grey icons would suggest a target: only a share (a % of 100) has one, so a count draws its icons only.
    const drawn = f!.unit === '%' ? icons : Math.max(1, Math.ceil(filled - 1e-9));
    const cells = Array.from({ length: drawn }, (_, i) => ({
      x: (i % PER_ROW) * CELL,
      y: Math.floor(i / PER_ROW) * CELL,
      on: i + 1 <= filled + 1e-9,
      // The one icon the value ends inside: its filled part is clipped to this width.
      part: i < filled && i + 1 > filled + 1e-9 ? r((filled - i) * CELL) : 0,
    }));
    return {
      ...figureView(f!),
      d: ICONS[o.icon],
      icon: o.icon,
      cells,
      cell: CELL,
      width: PER_ROW * CELL,
      rows: Math.ceil(icons / PER_ROW),
      height: Math.ceil(drawn / PER_ROW) * CELL,
      filled: r(filled),
      perText: formatFigure(perFigure(f!, per)),
    };
  },
});

/** The amount one icon stands for, printed like the figure (10%, 5万人) but with no qualifier. */
function perFigure(f: Figure, per: number): Figure {
  const scale = f.scale === '万' ? 1e4 : f.scale === '亿' ? 1e8 : 1;
  const kind = f.kind === 'change' || f.kind === 'rank' || f.kind === 'ordinal' ? 'count' : f.kind;
  return { ...f, value: per * scale, kind, qualifier: undefined, decimals: undefined };
}

/** 1, 2, 2.5 or 5 times a power of ten: the smallest such amount per icon that fits the value. */
function niceStep(raw: number): number {
  if (raw <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw - 1e-9)!;
}
