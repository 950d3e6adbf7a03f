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

/** Narrowest column Folio sets: below this a line holds two or three characters. */
export const MIN_COLUMN_MM = 15;

/** Why a page leaves no room to set type (margins or gutters eat it), with the edition.yaml path to blame. */
export function typeAreaProblem(g: PageGeometry): { path: string[]; message: string } | undefined {
  const m = g.marginMm;
  const typeW = g.widthMm - m.left - m.right;
  const typeH = g.heightMm - m.top - m.bottom;
  if (typeW <= 0)
    return {
      path: ['page', 'marginMm', 'left'],
      message: `left + right margins (${m.left} + ${m.right} mm) leave no type area on a ${g.widthMm} mm wide page`,
    };
  if (typeH <= 0)
    return {
      path: ['page', 'marginMm', 'top'],
      message: `top + bottom margins (${m.top} + ${m.bottom} mm) leave no type area on a ${g.heightMm} mm high page`,
    };
  const column = (typeW - (g.columns - 1) * g.gutterMm) / g.columns;
  if (column < MIN_COLUMN_MM)
    return {
      path: ['page', 'columns'],
      message: `${g.columns} columns with ${g.gutterMm} mm gutters in a ${typeW.toFixed(1)} mm type area are ${column.toFixed(1)} mm wide; a column needs at least ${MIN_COLUMN_MM} mm (fewer columns, narrower margins or gutters)`,
    };
  return undefined;
}
