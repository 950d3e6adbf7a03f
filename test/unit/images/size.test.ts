// Column widths from the page geometry and the pixels a placed picture needs.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/config/presets.ts';
import { columnWidthMm, parseRatio, placedWidthMm, planSize } from '../../../src/images/size.ts';

describe('placed size', () => {
  it('takes column widths from the geometry: 41 mm on the broadsheet, gutters included when spanning', () => {
    expect(columnWidthMm(PRESETS.broadsheet)).toBeCloseTo(41);
    expect(placedWidthMm(PRESETS.broadsheet, 1)).toBeCloseTo(41);
    expect(placedWidthMm(PRESETS.broadsheet, 3)).toBeCloseTo(131);
    expect(columnWidthMm(PRESETS.tabloid)).toBeCloseTo(45.6);
  });

  it('asks for ppi × inches pixels, cropped to the ratio, never more than the source has', () => {
    // 131 mm at 300 ppi = 1547.2 px.
    expect(planSize({ width: 4000, height: 3000 }, 131, 300)).toMatchObject({ width: 1547, height: 1160 });
    expect(planSize({ width: 4000, height: 3000 }, 131, 300, parseRatio('2:1'))).toMatchObject({
      width: 1547,
      height: 774,
      crop: true,
    });
    const small = planSize({ width: 600, height: 600 }, 131, 300, parseRatio('3:2'));
    expect(small).toMatchObject({ width: 600, height: 400 });
    expect(small.effectivePpi).toBeCloseTo(600 / (131 / 25.4));
    // A tall crop of a wide picture: the source's height limits the width.
    expect(planSize({ width: 3000, height: 1000 }, 41, 300, parseRatio('1:1'))).toMatchObject({
      width: 484,
      height: 484,
    });
  });
});
