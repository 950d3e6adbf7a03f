// The one schema for figures: types are inferred from it, loaders validate with it, and
// scripts/gen-schema.ts turns it into schema/figures.schema.json for editors.
import { z } from 'zod';

/** Words a newspaper puts around a number to say it is not exact. Placement is in format.ts. */
export const QUALIFIERS = ['余', '多', '近', '约', '超过', '逾', '以上', '以内', '以下', '左右'] as const;

/** What a number means; it decides how the number is printed. */
export const KINDS = [
  'count', // 58所, 47.65万人
  'money', // 38329元, 1.93亿元
  'percent', // 93.7%
  'percentagePoint', // 2.1个百分点
  'change', // 增长12.8%, 下降7.5%, 减少14起: the sign picks the verb
  'rank', // 第7位
  'ordinal', // 第二届
  'ratio', // 8.82张 (per thousand people) — a rate, printed like a count
  'streak', // 九连冠: hanzi numerals
] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('As-of date of the statistic: YYYY, YYYY-MM or YYYY-MM-DD');

export const figureSchema = z
  .object({
    value: z.number().finite().describe('The number itself, as printed before any 万/亿 in the unit'),
    unit: z
      .string()
      .max(12)
      .describe('Unit as printed after the number: 万人, 元, 亿元, %, 个百分点, 张, 所 … ("" for none)'),
    kind: z.enum(KINDS).default('count').describe('What the number means; decides the printed form'),
    qualifier: z
      .enum(QUALIFIERS)
      .optional()
      .describe(
        '余/多 go after the number (620余家, 2.5万余人); 近/约/超过/逾 before it; 以上/以内/以下/左右 after the unit',
      ),
    decimals: z
      .number()
      .int()
      .min(0)
      .max(6)
      .optional()
      .describe('Digits after the decimal point to print (keeps trailing zeros); default: as given'),
    numerals: z
      .enum(['arabic', 'hanzi'])
      .optional()
      .describe(
        'hanzi prints 九 instead of 9 (九连冠, 八成以上, 二十三; decimals digit by digit: 三点五); default: hanzi for kind streak, arabic otherwise',
      ),
    scale: z
      .enum(['万', '亿'])
      .optional()
      .describe(
        'Divide value by 1e4/1e8 and print 万/亿 before the unit (value 476500, unit 人, scale 万 → 47.65万人)',
      ),
    verbs: z
      .tuple([z.string(), z.string()])
      .optional()
      .describe(
        'For kind change: words for up and down, default [增长, 下降]; counts often use [增加, 减少]',
      ),
    label: z.string().min(1).describe('Short caption for graphics: 城镇累计新增就业'),
    source: z.string().optional().describe('Where the number comes from'),
    asOf: isoDate.optional(),
    previous: z.number().finite().optional().describe('The same statistic one period earlier'),
    compareTo: z.string().optional().describe('Id of a figure this one is shown against (城镇 vs 农村)'),
    note: z.string().optional().describe('For the desk; never printed'),
  })
  .strict()
  // The id names the definition in schema/figures.schema.json.
  .meta({ id: 'figure', description: 'One statistic: a mapping with a value key' });

export type FigureInput = z.input<typeof figureSchema>;
export type FigureData = z.output<typeof figureSchema>;
export type Kind = (typeof KINDS)[number];
export type Qualifier = (typeof QUALIFIERS)[number];

/** A figures file: figures grouped by nesting; a figure's id is its path (employment.newUrbanJobs). */
export type FigureTree = { [key: string]: FigureInput | FigureTree };

/**
 * The whole file: groups nest freely; a mapping with a `value` key is a figure, any other is a group.
 * The loader walks the tree itself (for positions); this schema is for the JSON Schema and for code.
 */
export const figureGroupSchema: z.ZodType<FigureTree> = z.lazy(() =>
  z.record(z.string().regex(ID_SEGMENT), z.union([figureSchema, figureGroupSchema])).meta({
    id: 'group',
    description: 'A group of figures and groups, keyed by id segment (employment, newUrbanJobs)',
  }),
);

/** A figure with its id and where it was defined. */
export interface Figure extends FigureData {
  id: string;
  /** 1-based line of the figure's definition in its file (0 for figures.ts without positions). */
  line: number;
  file: string;
}

/** Typed helper for figures.ts files: `export default defineFigures({ … })`. */
export function defineFigures<T extends FigureTree>(tree: T): T {
  return tree;
}

/** Ids: dot-separated segments of letters, digits and camelCase. */
export const ID_SEGMENT = /^[A-Za-z][A-Za-z0-9_]*$/;
