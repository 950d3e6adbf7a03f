// Two real workers on a private Redis build an archive; one is killed (SIGKILL, with its Chromium) while it
// works. Every edition must complete exactly once, as a sound PDF showing its own figures, with nothing
// partial left in the output folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { QueueEvents } from 'bullmq';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeArchive } from '../../../scripts/make-archive.ts';
import { QUEUE_NAME } from '../../../src/queue/connection.ts';
import { pdftext } from '../../helpers/tools.ts';
import { startRedis, type TestRedis } from '../../helpers/redis.ts';

const EDITIONS = 10;
let redis: TestRedis;
let scratch: string;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  scratch = mkdtempSync(join(tmpdir(), 'folio-queue-'));
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) kill(w, 'SIGKILL');
  await redis?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function folio(args: string[]) {
  const env = { ...process.env, FOLIO_REDIS_URL: redis.url };
  return spawnSync('node', ['bin/folio.mjs', ...args], { encoding: 'utf8', env, timeout: 60_000 });
}

/** Marks every process the workers start (their sandboxed processes and Chromium inherit it). */
const MARK = `FOLIO_TEST_MARK=${process.pid}-${Date.now()}`;

/** Processes still carrying MARK: there must be none once the workers are gone. */
function marked(): number[] {
  const pids: number[] = [];
  for (const p of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${p}/environ`, 'latin1').split('\0').includes(MARK)) pids.push(Number(p));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** A worker in its own process group, so the afterAll clean-up can take everything it started. */
function startWorker(log: string[]): ChildProcess {
  const [k, v] = MARK.split('=') as [string, string];
  const env = { ...process.env, FOLIO_REDIS_URL: redis.url, [k]: v };
  const w = spawn('node', ['bin/folio.mjs', 'worker', '--concurrency', '1', '--lock-ms', '3000'], {
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  w.stderr!.setEncoding('utf8').on('data', (s: string) => log.push(...s.split('\n').filter(Boolean)));
  workers.push(w);
  return w;
}

function kill(w: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-w.pid!, signal);
  } catch {
    // already gone
  }
}

async function until(what: string, test: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('builds every edition exactly once when a worker is killed mid-job', { timeout: 240_000 }, async () => {
  const dirs = makeArchive({
    count: EDITIONS,
    outDir: join(scratch, 'archive'),
    seeds: ['taiyuan-five-years'],
  });
  const out = join(scratch, 'out');
  const add = folio(['queue', 'add', join(scratch, 'archive'), '--out', out, '--draft', '--json']);
  expect(add.status, add.stderr).toBe(0);
  expect(JSON.parse(add.stdout).filter((a: { added: boolean }) => a.added)).toHaveLength(EDITIONS);
  // The same editions again: the content hash finds them, nothing is queued twice.
  const again = folio(['queue', 'add', join(scratch, 'archive'), '--out', out, '--draft', '--json']);
  expect(JSON.parse(again.stdout).filter((a: { added: boolean }) => a.added)).toHaveLength(0);

  const events = new QueueEvents(QUEUE_NAME, { connection: { url: redis.url } });
  await events.waitUntilReady();
  const completed = new Map<string, number>();
  events.on('completed', ({ jobId }) => completed.set(jobId, (completed.get(jobId) ?? 0) + 1));

  const logA: string[] = [];
  const logB: string[] = [];
  const a = startWorker(logA);
  const b = startWorker(logB);
  // Kill A a moment into its first edition: Chromium is paginating, nothing is committed yet.
  await until('worker A to start an edition', () => logA.some((l) => / started /.test(l)), 60_000);
  await new Promise((r) => setTimeout(r, 800));
  const killedDuring = logA.filter((l) => / started /.test(l)).pop()!;
  expect(logA.some((l) => / built /.test(l))).toBe(false);
  // Only the worker's own process, as `kill -9 <pid>` would: its sandboxed process notices and stops.
  a.kill('SIGKILL');

  await until('every edition to complete', () => completed.size === EDITIONS, 200_000); // generous: a shared CI box
  await new Promise((r) => setTimeout(r, 500)); // a late duplicate event would arrive now
  await events.close();
  expect([...completed.values()].every((n) => n === 1)).toBe(true);

  const status = JSON.parse(folio(['queue', 'status', '--json']).stdout);
  expect(status).toMatchObject({ waiting: 0, active: 0, completed: EDITIONS, failed: 0 });
  const killedEdition = /folio: (\S+): started/.exec(killedDuring)![1]!;
  expect(status.editions.find((e: { edition: string }) => e.edition === killedEdition)).toMatchObject({
    state: 'completed',
  });
  // The killed worker's edition was taken up again by B (stalled-job recovery).
  expect(logB.some((l) => l.includes(`${killedEdition}: built`))).toBe(true);

  // Nothing partial: no staging folders, and each edition folder holds exactly its PDF and report.
  expect(readdirSync(out).sort()).toEqual(dirs.map((d) => basename(d)).sort());
  const shown = new Set<string>();
  for (const dir of dirs) {
    const name = basename(dir);
    expect(readdirSync(join(out, name)).sort()).toEqual([`${name}.pdf`, 'report.json'].sort());
    const pdf = join(out, name, `${name}.pdf`);
    expect(spawnSync('qpdf', ['--check', pdf]).status, `qpdf --check ${pdf}`).toBe(0);
    const jobs = parse(readFileSync(join(dir, 'figures.yaml'), 'utf8')).employment.newUrbanJobs.value;
    expect(pdftext(pdf).replace(/\s+/g, '')).toContain(`${jobs}万人`);
    shown.add(String(jobs));
  }
  expect(shown.size).toBeGreaterThan(EDITIONS / 2); // the editions really differ

  // SIGTERM: B takes no new job, finishes, and exits cleanly.
  const exited = new Promise<number | null>((r) => b.once('exit', (code) => r(code)));
  kill(b, 'SIGTERM');
  expect(await exited).toBe(0);
  // Neither the killed worker nor the stopped one left a process (a Chromium, a build) behind.
  await until('the workers’ processes to end', () => marked().length === 0, 10_000);
});

it('fails a broken edition with its file:line:col message; SIGTERM lets a job finish', async () => {
  const [bad, good] = makeArchive({
    count: 2,
    outDir: join(scratch, 'second'),
    seeds: ['taiyuan-five-years'],
  });
  const file = join(bad!, 'figures.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/value: [\d.]+/, 'value: oops'));
  const out = join(scratch, 'out-second');
  const add = folio(['queue', 'add', bad!, good!, '--out', out, '--draft', '--json']);
  expect(add.status, add.stderr).toBe(0);
  const [badId, goodId] = (JSON.parse(add.stdout) as Array<{ id: string }>).map((a) => a.id);
  const log: string[] = [];
  const w = startWorker(log);
  const exited = new Promise<number | null>((r) => w.once('exit', (code) => r(code)));
  // The broken edition fails at once; as soon as the good one starts, the worker is told to stop.
  await until(
    'the second edition to start',
    () => log.some((l) => l.includes(`${basename(good!)}: started`)),
    60_000,
  );
  w.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(log.some((l) => l.includes(`${basename(good!)}: built`))).toBe(true);

  const status = JSON.parse(folio(['queue', 'status', '--json']).stdout);
  const byId = (id: string | undefined) => status.editions.find((e: { id: string }) => e.id === id);
  expect(byId(goodId)).toMatchObject({ state: 'completed', pages: 1 });
  const broken = byId(badId);
  expect(broken.state).toBe('failed');
  expect(broken.error).toMatch(/figures\.yaml:\d+:\d+: figure \S+: "value" must be a number/);
  // A content error is not retried: it would fail the same way.
  expect(broken.attempts).toBe(1);

  const retry = folio(['queue', 'retry-failed']);
  expect(retry.stderr).toMatch(/1 failed edition\(s\) queued again/);
  expect(JSON.parse(folio(['queue', 'status', '--json']).stdout)).toMatchObject({ failed: 0, waiting: 1 });
}, 90_000);
