// Finds an edition's blocks: Folio's own, the edition's blocks/<name>/ folders, and packages edition.yaml names.
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FolioError } from '../errors/FolioError.ts';
import type { SourcePosition } from '../errors/catalogue.ts';
import type { BlockDef } from './block.ts';
import { BLOCK_DIRS, BLOCKS } from './registry.ts';

/** A block and the folder holding its template.hbs and style.css. */
export interface LoadedBlock {
  def: BlockDef;
  dir: string;
  /** 'folio', 'edition', or the package name it came from. */
  origin: string;
}

/** Every block an edition can use, by the name written after `:::`. */
export type BlockSet = ReadonlyMap<string, LoadedBlock>;

/** Folio's built-in blocks, in the order docs and error messages list them. */
export const BUILTIN_BLOCKS: BlockSet = new Map(
  [...BLOCKS].map(([name, def]) => [name, { def, dir: BLOCK_DIRS.get(name)!, origin: 'folio' }]),
);

/**
 * Built-ins, then `<edition>/blocks/<name>/`, then each package in `packages` (resolved from the edition
 * folder, like Node resolves an import there). A name may be taken once: a clash is an error, not an override.
 */
export async function discoverBlocks(
  editionDir: string,
  packages: readonly string[],
  where: (index: number) => SourcePosition,
): Promise<BlockSet> {
  const found = new Map(BUILTIN_BLOCKS);
  const own = join(editionDir, 'blocks');
  const names = (await readdir(own).catch(() => [] as string[])).sort();
  for (const name of names) {
    const dir = join(own, name);
    if (!(await stat(dir)).isDirectory()) continue;
    add(found, await loadBlockFolder(dir, 'edition', { file: join(dir, 'index.ts'), line: 0, column: 0 }));
  }
  const require = createRequire(join(editionDir, 'edition.yaml'));
  for (const [i, pkg] of packages.entries()) {
    let dir: string;
    try {
      dir = dirname(require.resolve(`${pkg}/package.json`));
    } catch {
      throw new FolioError(
        'BlockInvalid',
        { dir: pkg, detail: 'no such package in node_modules of the edition or above' },
        where(i),
      );
    }
    add(found, await loadBlockFolder(dir, pkg, where(i)));
  }
  return found;
}

function add(found: Map<string, LoadedBlock>, block: LoadedBlock): void {
  const taken = found.get(block.def.name);
  if (taken) {
    throw new FolioError(
      'BlockInvalid',
      { dir: block.dir, detail: `a block named "${block.def.name}" already comes from ${taken.origin}` },
      { file: join(block.dir, 'index.ts'), line: 0, column: 0 },
    );
  }
  found.set(block.def.name, block);
}

/** A block folder: index.ts (or index.js) whose default export is defineBlock({…}), template.hbs, style.css. */
export async function loadBlockFolder(dir: string, origin: string, at: SourcePosition): Promise<LoadedBlock> {
  const fail = (detail: string): never => {
    throw new FolioError('BlockInvalid', { dir, detail }, at);
  };
  const files = await readdir(dir).catch(() => [] as string[]);
  const index = ['index.ts', 'index.js', 'index.mjs'].find((f) => files.includes(f));
  if (!index) fail('has no index.ts');
  for (const f of ['template.hbs', 'style.css']) if (!files.includes(f)) fail(`has no ${f}`);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(join(dir, index!)).href)) as { default?: unknown };
  } catch (e) {
    return fail(`index could not be loaded: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const def = mod.default as Partial<BlockDef> | undefined;
  if (!def || typeof def.name !== 'string' || typeof def.view !== 'function' || !def.options || !def.figures)
    fail('index must `export default defineBlock({ name, options, figures, view, … })`');
  if (origin === 'edition' && def!.name !== basename(dir))
    fail(`defines block "${def!.name}"; name the folder after it`);
  return { def: def as BlockDef, dir, origin };
}
