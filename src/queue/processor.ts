// The sandboxed BullMQ processor: runs in its own process (BullMQ forks it), so the worker's main process
// stays free to renew job locks while Chromium and Ghostscript work. One Chromium at a time per process.
import { setMaxListeners } from 'node:events';
import { access, readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UnrecoverableError, type SandboxedJob } from 'bullmq';
import { EditionRunner } from '../batch/runner.ts';
import { FolioError } from '../errors/FolioError.ts';
import { ALLOW_FIGURES_CODE_ENV, type QueueJobData, type QueueJobResult } from './queue.ts';

const controller = new AbortController();
setMaxListeners(100, controller.signal);
let runner: EditionRunner | undefined;

// The worker process died (SIGKILL, a lost machine): stop at once rather than finish a job whose lock is
// gone; another worker picks it up. Puppeteer kills this process's Chromium on exit.
process.on('disconnect', () => {
  controller.abort();
  process.exit(1);
});
// Without a parent, BullMQ's uncaughtException handler fails to report and rejects again, a loop of
// microtasks that starves the event loop (and this process spins forever). Rejections stop here instead.
process.on('unhandledRejection', (e) => {
  if (!process.connected) process.exit(1);
  throw e;
});

export default async function processEdition(
  job: SandboxedJob<QueueJobData, QueueJobResult>,
): Promise<QueueJobResult> {
  const d = job.data;
  if (process.env[ALLOW_FIGURES_CODE_ENV] !== '1' && (await exists(join(d.dir, 'figures.ts')))) {
    throw new UnrecoverableError(new FolioError('FiguresCodeRefused', {}, pos(d.dir)).format());
  }
  await removeStaleStaging(d.outDir, d.edition);
  runner ??= new EditionRunner(d.timeoutMs, controller.signal);
  const outcome = await runner.run(d, (line) => log(job, line));
  if (!outcome.ok) {
    const message = outcome.errors.join('\n');
    // A content error stays one on the next attempt; only a crash or a time-out is worth retrying.
    const transient = outcome.errorsJson.some((e) => /^(Browser|Tool|Internal)/.test(String(e['code'])));
    throw transient ? new Error(message) : new UnrecoverableError(message);
  }
  const r = outcome.result!;
  return {
    edition: r.edition,
    pages: r.pages,
    seconds: Number(outcome.seconds.toFixed(2)),
    outputs: r.outputs,
    warnings: outcome.warnings,
    worker: `${hostname()}:${process.ppid}`,
  };
}

/** Stage lines into the job's log; lost quietly once the worker is gone (the job is then retried). */
function log(job: SandboxedJob, line: string): void {
  if (!process.connected) return;
  Promise.resolve()
    .then(() => job.log(line))
    .catch(() => undefined);
}

/** A worker killed mid-job leaves its staging folder (.name.staging-*) behind; this job owns the edition. */
async function removeStaleStaging(outDir: string, edition: string): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const n of names.filter((x) => x.startsWith(`.${edition}.staging-`)))
    await rm(join(outDir, n), { recursive: true, force: true });
}

function pos(dir: string) {
  return { file: join(dir, 'figures.ts'), line: 0, column: 0 };
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}
