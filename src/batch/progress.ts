// Progress of a batch on stderr: a live bar (counts, ETA, the editions being built) on a terminal,
// plain `folio:` lines otherwise, so logs and CI output stay readable.
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { PoolEvent } from './pool.ts';

export interface Progress {
  onEvent(e: PoolEvent): void;
  stop(): void;
}

export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? bar(total, stream) : lines(total, (s) => stream.write(s + '\n'));
}

/** The plain form: every stage line of every edition, and one counted line as each edition ends. */
export function lines(total: number, write: (s: string) => void): Progress {
  let done = 0;
  return {
    onEvent(e) {
      if (e.type === 'log') write(`folio: ${e.line}`);
      if (e.type !== 'done') return;
      done++;
      const o = e.outcome;
      const status = o.ok ? `built, ${o.pages} page(s)` : o.aborted ? 'stopped' : 'FAILED';
      write(`folio: [${done}/${total}] ${o.edition}: ${status} in ${o.seconds.toFixed(1)} s`);
    },
    stop: () => undefined,
  };
}

function bar(total: number, stream: NodeJS.WriteStream): Progress {
  const b = new cliProgress.SingleBar(
    {
      stream,
      format: ' {bar} {value}/{total} editions | {failed} failed | ETA {eta_formatted} | {current}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 8,
    },
    cliProgress.Presets.shades_classic,
  );
  const current = new Map<string, string>();
  let failedCount = 0;
  const shown = () =>
    [...current]
      .map(([dir, stage]) => `${basename(dir)} (${stage})`)
      .join(', ')
      .slice(0, 80);
  b.start(total, 0, { failed: 0, current: '' });
  return {
    onEvent(e) {
      if (e.type === 'start') current.set(e.job.dir, 'checking');
      if (e.type === 'log') current.set(e.job.dir, stageOf(e.line));
      if (e.type === 'done') {
        current.delete(e.outcome.dir);
        if (!e.outcome.ok) failedCount++;
        b.increment(1, { failed: failedCount, current: shown() });
      } else b.update({ current: shown() });
    },
    stop: () => b.stop(),
  };
}

/** "name: paginating 2 page(s) in Chromium" → "paginating". */
function stageOf(line: string): string {
  const rest = line.replace(/^[^:]+:\s*/, '');
  return rest.split(/\s/)[0] ?? '';
}
