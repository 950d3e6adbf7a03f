// Stat grid: two to six big numbers, each with its small unit and label, in two or three columns.
import { z } from 'zod';
import { defineBlock } from '../block.ts';
import { figureView } from '../chart.ts';

export const stats = defineBlock({
  name: 'stats',
  summary: 'a grid of big numbers, each with its unit and label',
  example: '::: stats education.schoolsBuilt education.newQualityPlaces health.bedsPerThousand cols=3',
  options: z.object({ cols: z.enum(['2', '3']).optional() }).strict(),
  figures: { min: 2, max: 6 },
  view: ({ figures }, o) => {
    // Without cols, fill whole rows where possible: 3 and 6 figures in threes, the rest in twos.
    const cols = Number(o.cols ?? (figures.length % 3 === 0 ? 3 : 2));
    // Without cols, the fit stage may also try other counts a row in a band (src/fit/pack.ts).
    return { cols, auto: !o.cols, items: figures.map(figureView) };
  },
});
