import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WatchSession } from '../src/watch/session.ts';
const root = mkdtempSync(join(tmpdir(), 'w-'));
const dir = join(root, 'taiyuan-work-report');
cpSync('content/taiyuan-work-report', dir, { recursive: true });
const s = new WatchSession(dir, { outDir: join(root, 'out'), log: (l) => console.error(l) });
await s.start();
const f = join(dir, 'figures.yaml');
for (const v of [1980, 1981, 1982, 1983]) {
  const t = readFileSync(f, 'utf8').replace(/value: 19\d\d\n/, `value: ${v}\n`);
  writeFileSync(f, t);
  const r = await s.applyChange([f]);
  console.log(r.mode, r.pages, r.ms);
}
writeFileSync(f, readFileSync(f, 'utf8').replace('value: 1983', 'value: oops'));
const bad = await s.applyChange([f]);
console.log(bad.mode, bad.ms);
await s.close();
console.log(root);
