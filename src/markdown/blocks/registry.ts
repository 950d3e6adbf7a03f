// Every infographic block Folio knows, by the name used after ::: in Markdown.
import type { BlockDef } from './block.ts';
import { badge } from './badge.ts';
import { bars } from './bars.ts';
import { callout } from './callout.ts';
import { compare } from './compare.ts';
import { donut } from './donut.ts';
import { photo } from './photo.ts';
import { pictogram } from './pictogram.ts';
import { progress } from './progress.ts';
import { stats } from './stats.ts';
import { timeline } from './timeline.ts';

// Order is the order docs/blocks.md and error messages list them in.
const ALL: BlockDef[] = [callout, stats, bars, donut, progress, pictogram, compare, badge, timeline, photo];

export const BLOCKS: ReadonlyMap<string, BlockDef> = new Map(ALL.map((b) => [b.name, b]));
