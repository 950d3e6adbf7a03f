// folio build with several editions: a pool of processes, a progress bar, a summary table; exit 1 names
// every edition that failed, with its messages, after all the others were built.
import { resolve } from 'node:path';
import type { EarlyBrowser } from '../../paginate/early.ts';
import { stdio } from '../run.ts';

export interface ManyOptions {
  out: string;
  json?: boolean;
  allowOverset?: boolean;
  draft?: boolean;
  timeout: number;
  jobs: number;
  signal: AbortSignal;
  earlyBrowser?: Promise<EarlyBrowser | undefined>;
}

export async function buildMany(editions: string[], o: ManyOptions): Promise<number> {
  // Loaded on demand, like the pipeline in build.ts: the browser stack is heavy.
  const { runPool } = await import('../../batch/pool.ts');
  const { progress } = await import('../../batch/progress.ts');
  const { failureLines, summaryTable } = await import('../../batch/summary.ts');
  const jobs = editions.map((dir) => ({
    dir: resolve(dir),
    outDir: resolve(o.out),
    draft: o.draft,
    allowOverset: o.allowOverset,
    timeoutMs: o.timeout,
  }));
  const bar = progress(jobs.length);
  let outcomes;
  try {
    outcomes = await runPool(jobs, {
      jobs: o.jobs,
      signal: o.signal,
      earlyBrowser: o.earlyBrowser,
      onEvent: (e) => bar.onEvent(e),
    });
  } finally {
    bar.stop();
  }
  for (const x of outcomes) for (const w of x.warnings) stdio.err(w);
  for (const line of summaryTable(outcomes)) stdio.err(line);
  const failures = failureLines(outcomes);
  for (const line of failures) stdio.err(line);
  if (o.json) {
    const bad = outcomes.filter((x) => !x.ok);
    stdio.out(
      JSON.stringify(
        bad.length ? { errors: bad.flatMap((x) => x.errorsJson) } : outcomes.map((x) => x.result),
      ),
    );
  }
  if (outcomes.some((x) => x.aborted)) return 130;
  return failures.length ? 1 : 0;
}
