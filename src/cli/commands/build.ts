// folio build: editions → PDFs, previews, press files and a report.
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { expandEditionDirs } from '../editions.ts';
import { action, interruptSignal, printWarnings, stdio, timeoutOption } from '../run.ts';
import { buildMany } from './buildMany.ts';
import type { build as BuildFn } from '../../pipeline.ts';

interface Options {
  out: string;
  json?: boolean;
  allowOverset?: boolean;
  draft?: boolean;
  timeout: number;
  jobs: number;
}

export function buildCommand(program: Command): void {
  program
    .command('build')
    .description('build editions into PDFs (a folder of editions builds each one)')
    .argument('<edition-dir...>', 'edition folder(s), or a folder such as content/ holding editions')
    .option('--out <dir>', 'output folder', 'output')
    .option('--json', 'print one JSON object (or an array for several editions) on stdout')
    .option('--allow-overset', 'report overset modules as warnings instead of failing')
    .option('--draft', 'only the PDF and report: no previews, no print/archive/screen files')
    .addOption(timeoutOption())
    .addOption(
      new Option('--jobs <n>', 'editions built at once, each in its own process and Chromium')
        .default(availableParallelism(), 'the number of cores')
        .argParser(positiveInt),
    )
    .action(
      action(
        (_d: string[], o: Options) => Boolean(o.json),
        async (dirs, o) => {
          const signal = interruptSignal();
          // Chromium starts while the pipeline's modules load and the content is checked.
          const earlyBrowser = import('../../paginate/early.ts').then((m) =>
            m.startBrowserEarly(o.timeout, signal),
          );
          let build: typeof BuildFn;
          let editions: string[];
          try {
            editions = await expandEditionDirs(dirs);
            // Loaded on demand: the browser stack is heavy and `check` must stay fast.
            ({ build } = await import('../../pipeline.ts'));
          } catch (err) {
            // build() closes the early browser on its own failures; before it, that is done here.
            await (await import('../../paginate/early.ts')).adoptEarly(earlyBrowser, '');
            throw err;
          }
          if (editions.length > 1) return buildMany(editions, { ...o, signal, earlyBrowser });
          const results = await build(editions, {
            earlyBrowser,
            outDir: o.out,
            allowOverset: o.allowOverset,
            draft: o.draft,
            timeoutMs: o.timeout,
            signal,
            log: (l) => stdio.err(`folio: ${l}`),
          });
          for (const r of results) printWarnings(r.warnings, stdio);
          if (o.json) stdio.out(JSON.stringify(results.length === 1 ? results[0] : results));
          return 0;
        },
      ),
    );
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('give a whole number of 1 or more');
  return n;
}
