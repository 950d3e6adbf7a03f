// edition.yaml `compose:`: how the desk steers the automatic page composition (used when there is no grid).
import { z } from 'zod';

export const composeModuleSchema = z
  .object({
    weight: z.number().positive().max(5).optional().describe('Priority: the highest weight is the lead'),
    columns: z.number().int().min(1).max(16).optional().describe('Fix the module to this many columns'),
    acrossFold: z.boolean().optional().describe('Spread only: this module may cross the spine'),
  })
  .strict();

export const composeSchema = z
  .object({
    modules: z.record(z.string(), composeModuleSchema).default({}).describe('Per module key (s06, head …)'),
    alternatives: z
      .number()
      .int()
      .min(1)
      .max(8)
      .default(3)
      .describe('How many of the best estimated layouts are measured in Chromium; the best measured wins'),
    maxEvaluations: z
      .number()
      .int()
      .min(100)
      .max(2_000_000)
      .default(12_000)
      .describe('Search bound: boxes tried before the search keeps only its first guesses'),
    maxMs: z
      .number()
      .int()
      .min(50)
      .max(60_000)
      .default(10_000)
      .describe('Safety time bound, in ms (reaching it makes the result depend on machine speed)'),
    lanes: z.enum(['ltr', 'rtl']).default('ltr').describe('Reading direction of column lanes'),
  })
  .strict();

/** Front matter `weight:` — one number for the article, or per section number ({ "06": 2 }). */
export const weightSchema = z
  .union([z.number().positive().max(5), z.record(z.string(), z.number().positive().max(5))])
  .optional()
  .describe('Composer priority: a number, or per section number like { "06": 2 }');

export type ComposeConfig = z.output<typeof composeSchema>;
