// Every infographic block Folio knows, by the name used after ::: in Markdown.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlockDef } from './block.ts';
import { badge } from './badge/index.ts';
import { bars } from './bars/index.ts';
import { callout } from './callout/index.ts';
import { compare } from './compare/index.ts';
import { donut } from './donut/index.ts';
import { photo } from './photo/index.ts';
import { pictogram } from './pictogram/index.ts';
import { progress } from './progress/index.ts';
import { stats } from './stats/index.ts';
import { timeline } from './timeline/index.ts';

// Order is the order docs/blocks.md and error messages list them in.
const ALL: BlockDef[] = [callout, stats, bars, donut, progress, pictogram, compare, badge, timeline, photo];

export const BLOCKS: ReadonlyMap<string, BlockDef> = new Map(ALL.map((b) => [b.name, b]));

const HERE = dirname(fileURLToPath(import.meta.url));

/** Shared block CSS (the fit-to-width rules every chart uses), inlined before any block's own style. */
export const COMMON_CSS = join(HERE, 'common.css');

/** Each built-in block's folder: index.ts (definition), template.hbs, style.css. */
export const BLOCK_DIRS: ReadonlyMap<string, string> = new Map(ALL.map((b) => [b.name, join(HERE, b.name)]));
