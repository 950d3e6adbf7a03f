// folio watch and folio preview: an edition kept live while the desk edits it.
import { Option, type Command } from 'commander';
import { action, interruptSignal, stdio, timeoutOption } from '../run.ts';

export function watchCommands(program: Command): void {
  program
    .command('watch')
    .description('build an edition, then re-render only what each change touches (Ctrl-C stops)')
    .argument('<edition-dir>', 'edition folder')
    .option('--out <dir>', 'output folder', 'output')
    .option('--allow-overset', 'report overset modules as warnings instead of failing')
    .addOption(timeoutOption())
    .action(
      action(
        (_d: string, _o: { out: string; allowOverset?: boolean; timeout: number }) => false,
        async (dir, o) => {
          const { watchEdition } = await import('../../watch/index.ts');
          await watchEdition(dir, {
            outDir: o.out,
            allowOverset: o.allowOverset,
            timeoutMs: o.timeout,
            signal: interruptSignal(),
            log: (l) => stdio.err(l),
          });
          return 0; // Ctrl-C is how watching ends
        },
      ),
    );

  program
    .command('preview')
    .description('serve the edition as paged HTML on 127.0.0.1, reloading on every change')
    .argument('<edition-dir>', 'edition folder')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1').default(4321).argParser(Number))
    .action(
      action(
        (_d: string, _o: { port: number }) => false,
        async (dir, o) => {
          const signal = interruptSignal();
          const { startPreview } = await import('../../preview/server.ts');
          const server = await startPreview(dir, { port: o.port, log: (l) => stdio.err(l) });
          stdio.err(`folio: preview at ${server.url} (Ctrl-C to stop)`);
          await new Promise((stop) => signal.addEventListener('abort', stop, { once: true }));
          await server.close();
          return 0;
        },
      ),
    );
}
