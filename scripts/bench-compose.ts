// Bench: a cold draft build of each seed with its hand-written grid against the same edition without one
// (composer search + Chromium verification); the issue's target is at most 2×.
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SEEDS = ['taiyuan-five-years', 'taiyuan-work-report'];

export async function benchCompose(root: string, scratch: string, runs: number): Promise<void> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const time = async (dir: string, out: string) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = Date.now();
      await run(process.execPath, [join(root, 'bin/folio.mjs'), 'build', dir, '--out', out, '--draft']);
      times.push(Date.now() - t);
    }
    return median(times);
  };
  for (const seed of SEEDS) {
    const fixed = join(scratch, 'compose-fixed', seed);
    const free = join(scratch, 'compose-free', seed);
    cpSync(join(root, 'content', seed), fixed, { recursive: true });
    cpSync(join(root, 'content', seed), free, { recursive: true });
    const yaml = join(free, 'edition.yaml');
    writeFileSync(
      yaml,
      readFileSync(yaml, 'utf8')
        .replace(/^grid:\n(?: {2}- \|\n(?: {4}.*\n)+)+/m, '')
        .replace(/^rows:.*\n/m, ''),
    );
    const withGrid = await time(fixed, join(scratch, 'compose-out-fixed'));
    const without = await time(free, join(scratch, 'compose-out-free'));
    const ratio = without / withGrid;
    console.log(
      `  ${ratio <= 2 ? 'PASS' : 'MISS'}  ${`no grid / grid, ${seed}`.padEnd(34)} ${ratio.toFixed(2)}×  (target ≤ 2×; ${(without / 1000).toFixed(2)} s vs ${(withGrid / 1000).toFixed(2)} s)`,
    );
  }
}
