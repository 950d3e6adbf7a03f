// Part of `npm run bench`: whole archives. 12 editions with --jobs 1 and --jobs 2, the peak memory of a
// 40-page run (every process: Node, Chromium, Ghostscript), and a queue run with two workers on a private
// redis-server; pages per hour for each.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { makeArchive } from './make-archive.ts';
import { startRedis } from '../test/helpers/redis.ts';

const ROOT = join(import.meta.dirname, '..');
const FOLIO = join(ROOT, 'bin/folio.mjs');
const PAGES: Record<string, number> = { 'taiyuan-five-years': 1, 'taiyuan-work-report': 2 };

/** Memory of a process and all its descendants, from /proc: proportional set size (shared pages split
 *  between the processes sharing them; Chromium's processes share most of theirs, so RSS would overcount). */
function treeMemory(root: number): number {
  const parent = new Map<number, number>();
  for (const p of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  let sum = 0;
  for (const pid of parent.keys()) {
    let q: number | undefined = pid;
    while (q && q > 1 && q !== root) q = parent.get(q);
    if (q !== root) continue;
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      sum += Number(pss?.[1] ?? 0) * 1024;
    } catch {
      // ended meanwhile
    }
  }
  return sum;
}

interface Run {
  ms: number;
  /** Peak memory (PSS) of the whole process tree, bytes. */
  peak: number;
  /** CPU seconds of every process it started (bash's `times`): what the run costs on an idle machine. */
  cpu: number;
}

/** Runs folio with args under bash, whose `times` reports the CPU of all its descendants. */
function folio(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const t = performance.now();
  const quoted = [process.execPath, FOLIO, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('bash', ['-c', `${quoted} 2>/dev/null; s=$?; times >&2; exit $s`], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let peak = 0;
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const sampler = setInterval(() => (peak = Math.max(peak, treeMemory(child.pid!))), 250);
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      clearInterval(sampler);
      // `times` prints the shell's own times, then its children's: "0m1.5s 0m0.3s".
      const m = [...err.matchAll(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/g)].pop();
      const cpu = m ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]) : NaN;
      if (code === 0) resolve({ ms: performance.now() - t, peak, cpu });
      else reject(new Error(`folio ${args.join(' ')} exited ${code}:\n${err}`));
    }),
  );
}

function pagesOf(dirs: string[]): number {
  return dirs.reduce((n, d) => n + (PAGES[Object.keys(PAGES).find((k) => d.includes(k))!] ?? 1), 0);
}

export async function benchScale(scratch: string, pagedCliMs: number): Promise<void> {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const perHour = (pages: number, ms: number) => Math.round((pages / ms) * 3_600_000);
  const twelve = makeArchive({ count: 12, outDir: join(scratch, 'archive-12') });
  const pages12 = pagesOf(twelve);
  console.log(`bench: load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  console.log(`bench: archives (make-archive.ts; both seeds, ${pages12} pages in 12 editions), one run each`);
  const build = (dir: string, jobs: number, extra: string[]) =>
    folio([
      'build',
      dir,
      '--jobs',
      String(jobs),
      '--out',
      join(scratch, `out-${jobs}-${extra.length}`),
      ...extra,
    ]);
  const one = await build(join(scratch, 'archive-12'), 1, ['--draft']);
  const two = await build(join(scratch, 'archive-12'), 2, ['--draft']);
  const line = (label: string, r: { ms: number; cpu?: number }, pages: number, extra = '') =>
    console.log(
      `  ${label.padEnd(42)} ${s(r.ms).padStart(7)}  ${String(perHour(pages, r.ms)).padStart(5)} pages/h` +
        (r.cpu ? `, ${(r.cpu / pages).toFixed(2)} CPU s/page` : '') +
        extra,
    );
  line('12 editions --jobs 1 --draft', one, pages12);
  line('12 editions --jobs 2 --draft', two, pages12);

  // 40 pages with every output (previews, PDF/X, PDF/A, screen, preflight): what an archive re-export does.
  const forty = makeArchive({ count: 27, outDir: join(scratch, 'archive-40'), seedValue: 7 });
  const pages40 = pagesOf(forty);
  const big = await build(join(scratch, 'archive-40'), 2, []);
  line(
    `${forty.length} editions, ${pages40} pages, --jobs 2, all outputs`,
    big,
    pages40,
    `, peak memory ${(big.peak / 2 ** 30).toFixed(2)} GB`,
  );

  // The queue: two workers (one edition at a time each) on a private Redis, the same 12 editions.
  const redis = await startRedis();
  const env = { ...process.env, FOLIO_REDIS_URL: redis.url };
  let queued: { ms: number };
  try {
    await folio(
      ['queue', 'add', join(scratch, 'archive-12'), '--out', join(scratch, 'out-q'), '--draft'],
      env,
    );
    const t = performance.now();
    const workers = [0, 1].map(() =>
      spawn(process.execPath, [FOLIO, 'worker', '--concurrency', '1'], { env, stdio: 'ignore' }),
    );
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const st = await statusJson(env);
      if (st.completed + st.failed >= 12) break;
    }
    queued = { ms: performance.now() - t };
    await Promise.all(workers.map((w) => new Promise((r) => (w.once('exit', r), w.kill('SIGTERM')))));
  } finally {
    await redis.stop();
  }
  line('12 editions, queue, two workers --draft', queued, pages12);

  const check = (label: string, value: number, ok: boolean, target: string) =>
    console.log(`  ${ok ? 'PASS' : 'MISS'}  ${label.padEnd(44)} ${value.toFixed(2)}  (target ${target})`);
  check('--jobs 1 / --jobs 2 (×)', one.ms / two.ms, one.ms / two.ms >= 1.5, '≥ 1.5×');
  const perPage = two.ms / pages12;
  check(
    'a page with --jobs 2 / pagedjs-cli cold, 1 page',
    perPage / pagedCliMs,
    perPage <= pagedCliMs,
    '≤ 1×',
  );
  check('peak memory, 40-page run (GB)', big.peak / 2 ** 30, big.peak < 2 * 2 ** 30, '< 2 GB');
  // Wall times depend on what else the machine runs; CPU seconds do not. On c idle cores a full
  // re-export runs at about c × 3600 / (CPU s per page) pages an hour.
  const cores = availableParallelism();
  console.log(
    `  load average at the end ${loadavg()[0]!.toFixed(1)}; all outputs on ${cores} idle cores ≈ ` +
      `${Math.round((cores * 3600) / (big.cpu / pages40))} pages/h (from ${(big.cpu / pages40).toFixed(2)} CPU s/page)`,
  );
}

async function statusJson(env: NodeJS.ProcessEnv): Promise<{ completed: number; failed: number }> {
  const child = spawn(process.execPath, [FOLIO, 'queue', 'status', '--json'], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((r) => child.once('exit', r));
  return JSON.parse(out) as { completed: number; failed: number };
}

if (import.meta.filename === process.argv[1]) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const scratch = mkdtempSync(join(tmpdir(), 'folio-bench-scale-'));
  // Alone, with a pagedjs-cli time given on the command line (ms), as the full bench measures it.
  await benchScale(scratch, Number(process.argv[2] ?? 2600));
  rmSync(scratch, { recursive: true, force: true });
}
