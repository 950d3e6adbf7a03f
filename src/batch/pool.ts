// Builds many editions at once: up to N processes, each with its own Chromium; one failing edition never
// stops the others. One edition (or --jobs 1) builds in this process, without a child.
import { fork, type ChildProcess } from 'node:child_process';
import { closeBrowser } from '../paginate/lost.ts';
import { fileURLToPath } from 'node:url';
import { EditionRunner } from './runner.ts';
import { failed, type EditionJob, type EditionOutcome } from './outcome.ts';
import type { EarlyBrowser } from '../paginate/early.ts';
import { FolioError } from '../errors/FolioError.ts';

export type ToChild = { type: 'job'; job: EditionJob };
export type ToParent =
  { type: 'ready' } | { type: 'log'; line: string } | { type: 'done'; outcome: EditionOutcome };

export type PoolEvent =
  | { type: 'start'; job: EditionJob }
  | { type: 'log'; job: EditionJob; line: string }
  | { type: 'done'; outcome: EditionOutcome };

export interface PoolOptions {
  jobs: number;
  signal: AbortSignal;
  onEvent?: (e: PoolEvent) => void;
  /** A Chromium the CLI started early; used by the in-process runner. */
  earlyBrowser?: Promise<EarlyBrowser | undefined>;
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
/** A pool process is replaced after this many editions, so whatever Node keeps between builds stays
 *  bounded; Chromium is fresh for every edition anyway (see runner.ts). */
const RECYCLE_AFTER = 25;

/** Outcomes in the order of `jobs`, whatever order they finished in. */
export async function runPool(jobs: EditionJob[], opts: PoolOptions): Promise<EditionOutcome[]> {
  const emit = opts.onEvent ?? (() => undefined);
  const size = Math.max(1, Math.min(opts.jobs, jobs.length));
  if (size === 1) return runHere(jobs, opts, emit);
  await opts.earlyBrowser?.then((e) => e?.browser.then((b) => closeBrowser(b))).catch(() => undefined);

  const outcomes = new Array<EditionOutcome | undefined>(jobs.length);
  let nextIndex = 0;
  const take = (): number | undefined =>
    opts.signal.aborted || nextIndex >= jobs.length ? undefined : nextIndex++;

  const lane = async (): Promise<void> => {
    let index = take();
    while (index !== undefined) {
      const child = spawnChild();
      // SIGTERM to this process alone (Ctrl-C reaches the children by itself) stops their editions too.
      const stop = () => child.kill('SIGTERM');
      opts.signal.addEventListener('abort', stop, { once: true });
      // One child serves jobs until it dies; a job it was holding then fails alone and a new child goes on.
      index = await serve(child, index, jobs, outcomes, take, emit);
      opts.signal.removeEventListener('abort', stop);
      if (child.connected) child.disconnect();
    }
  };
  await Promise.all(Array.from({ length: size }, lane));
  return outcomes.map((o, i) => o ?? failed(jobs[i]!, abortedError(), 0));
}

async function runHere(
  jobs: EditionJob[],
  opts: PoolOptions,
  emit: (e: PoolEvent) => void,
): Promise<EditionOutcome[]> {
  const runner = new EditionRunner(jobs[0]?.timeoutMs ?? 60_000, opts.signal, opts.earlyBrowser);
  const out: EditionOutcome[] = [];
  try {
    for (const job of jobs) {
      if (opts.signal.aborted) {
        out.push(failed(job, abortedError(), 0));
        continue;
      }
      emit({ type: 'start', job });
      const outcome = await runner.run(job, (line) => emit({ type: 'log', job, line }));
      emit({ type: 'done', outcome });
      out.push(outcome);
    }
  } finally {
    await runner.close();
  }
  return out;
}

function spawnChild(): ChildProcess {
  // The child runs TypeScript like bin/folio.mjs does; tsx is resolved from Folio, not from the cwd.
  const tsx = import.meta.resolve('tsx');
  return fork(CHILD, [], { execArgv: ['--import', tsx], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

/** Feeds jobs to one child; resolves with a job index still to do when the child died or is retired. */
function serve(
  child: ChildProcess,
  first: number,
  jobs: EditionJob[],
  outcomes: Array<EditionOutcome | undefined>,
  take: () => number | undefined,
  emit: (e: PoolEvent) => void,
): Promise<number | undefined> {
  return new Promise((resolve) => {
    let current: number | undefined = first;
    let served = 0;
    const give = (i: number | undefined) => {
      current = i;
      if (i === undefined) return resolve(undefined);
      emit({ type: 'start', job: jobs[i]! });
      child.send({ type: 'job', job: jobs[i]! } satisfies ToChild);
    };
    child.on('message', (m: ToParent) => {
      if (m.type === 'ready') give(current);
      else if (m.type === 'log' && current !== undefined)
        emit({ type: 'log', job: jobs[current]!, line: m.line });
      else if (m.type === 'done' && current !== undefined) {
        outcomes[current] = m.outcome;
        emit({ type: 'done', outcome: m.outcome });
        if (++served < RECYCLE_AFTER) return give(take());
        current = undefined;
        resolve(take()); // the lane starts a fresh process for it
      }
    });
    child.once('exit', (code, signal) => {
      if (current === undefined) return resolve(undefined);
      const job = jobs[current]!;
      const outcome = failed(job, new Error(`build process stopped (${signal ?? `exit ${code}`})`), 0);
      outcomes[current] = outcome;
      emit({ type: 'done', outcome });
      resolve(take());
    });
  });
}

function abortedError(): FolioError {
  return new FolioError('Aborted', {});
}
