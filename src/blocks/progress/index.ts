// Progress bars for percentages (普惠性幼儿园覆盖率93.7%): one to three, stacked, each against 100%.
import { scaleLinear } from 'd3-scale';
import { z } from 'zod';
import { defineBlock } from '../block.ts';
import { figureView, r, requirePercent, W } from '../chart.ts';

export const progress = defineBlock({
  name: 'progress',
  summary: 'one to three percentages as bars filled against 100%',
  example: '::: progress education.inclusiveKindergartenCoverage',
  options: z.object({}).strict(),
  figures: { min: 1, max: 3 },
  view: ({ figures }) => {
    requirePercent(figures, 'progress');
    const x = scaleLinear().domain([0, 100]).range([0, W]);
    return { width: W, items: figures.map((f) => ({ ...figureView(f), w: r(x(f.value)) })) };
  },
});
