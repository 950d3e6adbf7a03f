// Ring chart for shares: one percent with the value in the centre, or several percents as segments.
import { arc, pie } from 'd3-shape';
import { z } from 'zod';
import { defineBlock } from '../block.ts';
import { figureView, plainNumber, requirePercent } from '../chart.ts';

const SIZE = 120; // viewBox is SIZE × SIZE, centred on the ring
const OUTER = 58;

export const donut = defineBlock({
  name: 'donut',
  summary: 'a ring showing one percentage (value in the centre) or several as segments',
  example: '::: donut education.inclusiveKindergartenCoverage',
  options: z.object({ thickness: z.enum(['thin', 'thick']).default('thick') }).strict(),
  figures: { min: 1, max: 6 },
  view: ({ figures }, o) => {
    requirePercent(figures, 'donut');
    const total = figures.reduce((s, f) => s + f.value, 0);
    if (total > 100 + 1e-9) {
      throw `donut segments are shares of one whole and add up to ${plainNumber(total)}%, more than 100%; use bars instead`;
    }
    const inner = OUTER - (o.thickness === 'thin' ? 9 : 16);
    // The remainder to 100% is a slice too, drawn as the grey track; pie keeps the given order.
    const slices = pie<number>()
      .sort(null)
      .value((v) => v)([...figures.map((f) => f.value), 100 - total]);
    const path = arc<{ startAngle: number; endAngle: number }>().innerRadius(inner).outerRadius(OUTER);
    const segments = figures.map((f, i) => ({
      ...figureView(f),
      d: path(slices[i]!) ?? '',
      tone: i,
      angle: Math.round((slices[i]!.endAngle - slices[i]!.startAngle) * 1e4) / 1e4,
    }));
    const track = path({ startAngle: 0, endAngle: 2 * Math.PI }) ?? '';
    const single = segments.length === 1 ? segments[0] : undefined;
    return { size: SIZE, half: SIZE / 2, track, segments, single, legend: segments.length > 1 };
  },
});
