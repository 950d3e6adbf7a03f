// `folio worker`: takes editions off the queue, each job in a sandboxed process with its own Chromium;
// on SIGTERM it takes no new job and finishes the ones it holds.
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { connected, QUEUE_NAME } from './connection.ts';
import { ALLOW_FIGURES_CODE_ENV, type QueueJobData, type QueueJobResult } from './queue.ts';

export interface WorkerOptions {
  url: string;
  concurrency: number;
  allowFiguresCode?: boolean;
  /** How long a job's lock lasts without renewal; a dead worker's job is taken up again after it. */
  lockMs?: number;
  log: (line: string) => void;
}

const PROCESSOR = fileURLToPath(new URL('./processor.ts', import.meta.url));

export async function startWorker(
  o: WorkerOptions,
): Promise<{ closed: Promise<void>; close(): Promise<void> }> {
  const connection = await connected(o.url, 'worker');
  const lockDuration = o.lockMs ?? 30_000;
  const worker = new Worker<QueueJobData, QueueJobResult>(QUEUE_NAME, PROCESSOR, {
    connection,
    concurrency: o.concurrency,
    lockDuration,
    // Looks for jobs whose worker died at the pace of the lock, so they wait at most about two locks.
    stalledInterval: Math.max(1000, Math.round(lockDuration / 2)),
    // Stalled twice (two workers lost while holding it) is still no reason to give an edition up.
    maxStalledCount: 2,
    useWorkerThreads: false,
    workerForkOptions: {
      // The processor is TypeScript, run the way bin/folio.mjs runs Folio; tsx is resolved from here.
      execArgv: ['--import', import.meta.resolve('tsx')],
      env: { ...process.env, [ALLOW_FIGURES_CODE_ENV]: o.allowFiguresCode ? '1' : '0' },
    },
  });
  worker.on('active', (job) => o.log(`${job.data.edition}: started (attempt ${job.attemptsMade + 1})`));
  worker.on('completed', (job, r) => o.log(`${r.edition}: built ${r.pages} page(s) in ${r.seconds} s`));
  worker.on('failed', (job, err) => {
    if (job) o.log(`${job.data.edition}: attempt ${job.attemptsMade} failed: ${err.message.split('\n')[0]}`);
  });
  worker.on('error', (err) => o.log(`queue error: ${err.message}`));
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= worker.close().then(() => void connection.quit().catch(() => undefined)));
  await worker.waitUntilReady();
  return { closed: new Promise((r) => worker.once('closed', () => r())), close };
}
