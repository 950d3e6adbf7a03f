// Newspaper page presets (对开 broadsheet, 四开 tabloid) and the resolved geometry of an edition.
import type { EditionConfig } from '../content/schema.ts';

export interface PageGeometry {
  widthMm: number;
  heightMm: number;
  bleedMm: number;
  marginMm: { top: number; right: number; bottom: number; left: number };
  columns: number;
  gutterMm: number;
  bodyPt: number;
}

export const PRESETS: Record<EditionConfig['preset'], PageGeometry> = {
  // 对开: 390 × 543 mm trimmed, 8 columns — the common Chinese daily format.
  broadsheet: {
    widthMm: 390,
    heightMm: 543,
    bleedMm: 0,
    marginMm: { top: 18, right: 17, bottom: 20, left: 17 },
    columns: 8,
    gutterMm: 4,
    bodyPt: 10,
  },
  // 四开: 270 × 390 mm, 5 columns.
  tabloid: {
    widthMm: 270,
    heightMm: 390,
    bleedMm: 0,
    marginMm: { top: 14, right: 13, bottom: 15, left: 13 },
    columns: 5,
    gutterMm: 4,
    bodyPt: 9.5,
  },
};

export function resolveGeometry(config: EditionConfig): PageGeometry {
  const base = PRESETS[config.preset];
  const o = config.page ?? {};
  return {
    widthMm: o.widthMm ?? base.widthMm,
    heightMm: o.heightMm ?? base.heightMm,
    bleedMm: o.bleedMm ?? base.bleedMm,
    marginMm: { ...base.marginMm, ...o.marginMm },
    columns: o.columns ?? base.columns,
    gutterMm: o.gutterMm ?? base.gutterMm,
    bodyPt: o.bodyPt ?? base.bodyPt,
  };
}

export const MM_TO_PT = 72 / 25.4;
