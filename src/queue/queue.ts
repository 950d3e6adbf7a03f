// Putting editions on the queue and reading it back: add (idempotent by content hash), status, retry.
import { basename, resolve } from 'node:path';
import { Queue, type Job } from 'bullmq';
import type { EditionJob } from '../batch/outcome.ts';
import { connected, QUEUE_NAME } from './connection.ts';
import { editionHash } from './hash.ts';

/** What a job carries: one edition and where its outputs go (paths every worker can reach). */
export interface QueueJobData extends EditionJob {
  edition: string;
}

/** What a worker returns for a built edition (kept in Redis with the completed job). */
export interface QueueJobResult {
  edition: string;
  pages: number;
  seconds: number;
  outputs: Record<string, string>;
  warnings: string[];
  worker: string;
}

/** Set by `folio worker --allow-figures-code` for its sandboxed processes. */
export const ALLOW_FIGURES_CODE_ENV = 'FOLIO_WORKER_ALLOW_FIGURES_TS';

/** A job is tried three times (a crashed Chromium, a full disk) before it counts as failed. */
export const ATTEMPTS = 3;

async function openQueue(url: string): Promise<Queue<QueueJobData, QueueJobResult>> {
  return new Queue(QUEUE_NAME, { connection: await connected(url, 'command') });
}

export async function withQueue<T>(
  url: string,
  body: (q: Queue<QueueJobData, QueueJobResult>) => Promise<T>,
): Promise<T> {
  const q = await openQueue(url);
  try {
    return await body(q);
  } finally {
    await q.close();
    await (await q.client).quit().catch(() => undefined);
  }
}

export interface Added {
  edition: string;
  id: string;
  /** false when the same edition (same files, same options) was already on the queue. */
  added: boolean;
}

export async function addEditions(
  url: string,
  dirs: string[],
  o: { outDir: string; draft?: boolean; allowOverset?: boolean; timeoutMs: number },
): Promise<Added[]> {
  return withQueue(url, async (q) => {
    const out: Added[] = [];
    for (const d of dirs) {
      const data: QueueJobData = { ...o, dir: resolve(d), outDir: resolve(o.outDir), edition: basename(d) };
      const id = await editionHash(data);
      const before = await q.getJob(id);
      if (!before) {
        await q.add('edition', data, {
          jobId: id,
          attempts: ATTEMPTS,
          backoff: { type: 'exponential', delay: 1000 },
          // Completed and failed jobs stay: they are what makes a second `queue add` a no-op.
          removeOnComplete: false,
          removeOnFail: false,
        });
      }
      out.push({ edition: data.edition, id, added: !before });
    }
    return out;
  });
}

export interface EditionStatus {
  id: string;
  edition: string;
  state: string;
  attempts: number;
  pages?: number;
  seconds?: number;
  pdf?: string;
  worker?: string;
  error?: string;
}

export interface QueueStatus {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  editions: EditionStatus[];
}

const STATES = ['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed'] as const;

export async function queueStatus(url: string): Promise<QueueStatus> {
  return withQueue(url, async (q) => {
    const c = await q.getJobCounts(...STATES);
    const editions: EditionStatus[] = [];
    for (const state of STATES) {
      for (const job of await q.getJobs([state])) if (job) editions.push(describe(job, state));
    }
    editions.sort((a, b) => (a.edition < b.edition ? -1 : a.edition > b.edition ? 1 : 0));
    // Delayed jobs wait for their next attempt; to a user they are still waiting.
    const waiting = (c['waiting'] ?? 0) + (c['delayed'] ?? 0) + (c['prioritized'] ?? 0);
    return {
      waiting,
      active: c['active'] ?? 0,
      completed: c['completed'] ?? 0,
      failed: c['failed'] ?? 0,
      editions,
    };
  });
}

function describe(job: Job<QueueJobData, QueueJobResult>, state: string): EditionStatus {
  const r = job.returnvalue as QueueJobResult | null;
  return {
    id: job.id ?? '',
    edition: job.data.edition,
    state: state === 'delayed' || state === 'prioritized' ? 'waiting' : state,
    attempts: job.attemptsMade,
    ...(r ? { pages: r.pages, seconds: r.seconds, pdf: r.outputs['pdf'], worker: r.worker } : {}),
    ...(job.failedReason && state !== 'completed' ? { error: job.failedReason } : {}),
  };
}

/** Puts every failed job back in the queue with fresh attempts; returns how many. */
export async function retryFailed(url: string): Promise<number> {
  return withQueue(url, async (q) => {
    const failed = await q.getFailedCount();
    await q.retryJobs({ state: 'failed' });
    return failed;
  });
}
