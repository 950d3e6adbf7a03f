// folio queue add | status | retry-failed: editions onto a BullMQ queue on Redis, and its state.
import { Option, type Command } from 'commander';
import { expandEditionDirs } from '../editions.ts';
import { action, stdio, timeoutOption } from '../run.ts';

const redisOption = () =>
  new Option('--redis <url>', 'the Redis server, e.g. redis://10.0.0.5:6379 (default: $FOLIO_REDIS_URL)');

interface AddOptions {
  redis?: string;
  out: string;
  draft?: boolean;
  allowOverset?: boolean;
  timeout: number;
  json?: boolean;
}

export function queueCommands(program: Command): void {
  const queue = program.command('queue').description('re-export at scale: editions for `folio worker`s');
  queue
    .command('add')
    .description('put editions on the queue (an edition already there, unchanged, is not added again)')
    .argument('<edition-dir...>', 'edition folder(s), or a folder holding editions')
    .addOption(redisOption())
    .requiredOption('--out <dir>', 'output folder, on a file system every worker can reach')
    .option('--draft', 'only the PDF and report: no previews, no print/archive/screen files')
    .option('--allow-overset', 'report overset modules as warnings instead of failing')
    .option('--json', 'print the jobs as JSON on stdout')
    .addOption(timeoutOption())
    .action(
      action(
        (_d: string[], o: AddOptions) => Boolean(o.json),
        async (dirs: string[], o: AddOptions) => {
          const { redisUrl } = await import('../../queue/connection.ts');
          const { addEditions } = await import('../../queue/queue.ts');
          const url = redisUrl(o.redis);
          const added = await addEditions(url, await expandEditionDirs(dirs), {
            outDir: o.out,
            draft: o.draft,
            allowOverset: o.allowOverset,
            timeoutMs: o.timeout,
          });
          if (o.json) stdio.out(JSON.stringify(added));
          const fresh = added.filter((a) => a.added).length;
          stdio.err(`folio: ${fresh} edition(s) added, ${added.length - fresh} already on the queue`);
          return 0;
        },
      ),
    );
  queue
    .command('status')
    .description('counts of waiting, active, completed and failed editions, and each edition')
    .addOption(redisOption())
    .option('--json', 'print {"waiting","active","completed","failed","editions"} on stdout')
    .action(
      action(
        (o: { json?: boolean }) => Boolean(o.json),
        async (o: { redis?: string; json?: boolean }) => {
          const { redisUrl } = await import('../../queue/connection.ts');
          const { queueStatus } = await import('../../queue/queue.ts');
          const s = await queueStatus(redisUrl(o.redis));
          if (o.json) stdio.out(JSON.stringify(s));
          else {
            stdio.out(
              `waiting ${s.waiting}, active ${s.active}, completed ${s.completed}, failed ${s.failed}`,
            );
            for (const e of s.editions) {
              const detail = e.state === 'completed' ? `${e.pages} page(s), ${e.seconds} s` : (e.error ?? '');
              stdio.out(`  ${e.edition}  ${e.state}  ${detail.split('\n')[0]}`.trimEnd());
            }
          }
          return 0;
        },
      ),
    );
  queue
    .command('retry-failed')
    .description('put every failed edition back on the queue with fresh attempts')
    .addOption(redisOption())
    .action(
      action(
        (_o: unknown) => false,
        async (o: { redis?: string }) => {
          const { redisUrl } = await import('../../queue/connection.ts');
          const { retryFailed } = await import('../../queue/queue.ts');
          stdio.err(`folio: ${await retryFailed(redisUrl(o.redis))} failed edition(s) queued again`);
          return 0;
        },
      ),
    );
}

export { redisOption };
