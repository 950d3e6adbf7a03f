// folio worker: builds editions from the queue until stopped; SIGTERM or Ctrl-C lets running jobs finish.
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { action, stdio } from '../run.ts';
import { redisOption } from './queue.ts';

interface Options {
  redis?: string;
  concurrency: number;
  allowFiguresCode?: boolean;
  lockMs: number;
}

export function workerCommand(program: Command): void {
  program
    .command('worker')
    .description('build editions from the queue (see `folio queue add`) until stopped')
    .addOption(redisOption())
    .addOption(
      new Option('--concurrency <n>', 'editions at once, each in its own process and Chromium')
        .default(availableParallelism(), 'the number of cores, like build --jobs')
        .argParser(Number),
    )
    .option(
      '--allow-figures-code',
      'run editions whose figures come from figures.ts (code) — trusted input only',
    )
    .addOption(
      new Option(
        '--lock-ms <ms>',
        'job lock; a dead worker’s edition is taken up again after about this long',
      )
        .default(30000)
        .argParser(Number),
    )
    .action(
      action(
        (_o: unknown) => false,
        async (o: Options) => {
          const { redisUrl } = await import('../../queue/connection.ts');
          const { startWorker } = await import('../../queue/worker.ts');
          const log = (l: string) => stdio.err(`folio: ${l}`);
          const w = await startWorker({
            url: redisUrl(o.redis),
            concurrency: o.concurrency,
            allowFiguresCode: o.allowFiguresCode,
            lockMs: o.lockMs,
            log,
          });
          log(`worker ${process.pid} waiting for editions (concurrency ${o.concurrency})`);
          const stop = (signal: string) => {
            log(`${signal}: finishing the editions in hand, then stopping`);
            void w.close();
          };
          process.once('SIGTERM', () => stop('SIGTERM'));
          process.once('SIGINT', () => stop('SIGINT'));
          await w.closed;
          log('worker stopped');
          return 0;
        },
      ),
    );
}
