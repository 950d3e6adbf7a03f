// `import { … } from 'folio'` from another package: a scratch package with Folio in its node_modules.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');

function scratchPackage(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-user-'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'desk-tools', type: 'module', dependencies: { folio: `file:${REPO}` } }),
  );
  mkdirSync(join(dir, 'node_modules'));
  // What `npm install` of a file: dependency makes: a link to the package folder.
  symlinkSync(REPO, join(dir, 'node_modules', 'folio'), 'dir');
  writeFileSync(join(dir, 'main.ts'), script);
  return dir;
}

function run(dir: string, args: string[]) {
  // Folio ships TypeScript; a user runs it through tsx as Folio's own bin does.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return spawnSync('node', ['--import', tsx, 'main.ts', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the public API from another package', () => {
  it('checks an edition through `import { check } from "folio"`', () => {
    const dir = scratchPackage(`
import { build, check, defineBlock, defineFigures, FolioError } from 'folio';
const checked = await check(process.argv[2]);
console.log(JSON.stringify({
  build: typeof build, defineBlock: typeof defineBlock, defineFigures: typeof defineFigures,
  name: checked.source.name, figures: checked.figures.figures.size, theme: checked.theme.name,
  usedBlocks: checked.usedBlocks,
}));
try { await check(process.argv[3]); } catch (e) { console.log(e instanceof FolioError ? e.code : 'other'); }
`);
    const r = run(dir, [join(REPO, 'content/taiyuan-five-years'), join(dir, 'no-such-edition')]);
    expect(r.stderr).toBe('');
    const [first, second] = r.stdout.trim().split('\n');
    const out = JSON.parse(first!) as Record<string, unknown>;
    expect(out).toMatchObject({ build: 'function', defineBlock: 'function', defineFigures: 'function' });
    expect(out['name']).toBe('taiyuan-five-years');
    expect(out['figures']).toBeGreaterThan(20);
    expect(out['theme']).toBe('default');
    expect(out['usedBlocks']).toEqual(expect.arrayContaining(['callout', 'compare', 'progress', 'stats']));
    expect(second).toBe('EditionNotFound');
  });
});
