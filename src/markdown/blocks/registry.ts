// Every infographic block Folio knows, by the name used after ::: in Markdown.
import type { BlockDef } from './block.ts';
import { callout } from './callout.ts';

const ALL: BlockDef[] = [callout];

export const BLOCKS: ReadonlyMap<string, BlockDef> = new Map(ALL.map((b) => [b.name, b]));
