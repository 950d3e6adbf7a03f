// What an infographic block is: a name, typed options, the figures it shows, and the data for its partial.
import type { z } from 'zod';
import type { Figure } from '../figures/schema.ts';

export interface BlockContext {
  /** Figures picked by id on the directive line, in order. */
  figures: Figure[];
  /** Free text after the options (a caption), may be empty. */
  text: string;
}

export interface BlockDef<O extends z.ZodType = z.ZodType> {
  name: string;
  /** One line for the README: what the block shows. */
  summary: string;
  /** Markdown example for the README. */
  example: string;
  /** key=value options on the directive line. */
  options: O;
  /** How many figure ids the block takes. */
  figures: { min: number; max: number };
  /** Data for the block folder's template.hbs; throw a string to report a problem with the block. */
  view(ctx: BlockContext, options: z.output<O>): Record<string, unknown>;
}

export function defineBlock<O extends z.ZodType>(def: BlockDef<O>): BlockDef<O> {
  return def;
}
