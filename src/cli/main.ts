// folio's command line: each command parses its arguments into typed options and calls the library.
import { Command } from 'commander';
import { FIGURES_CODE_ENV } from '../figures/module.ts';
import { buildCommand } from './commands/build.ts';
import { checkCommand } from './commands/check.ts';
import { diffCommand } from './commands/diff.ts';
import { layoutCommand } from './commands/layout.ts';
import { newCommand } from './commands/new.ts';
import { preflightCommand } from './commands/preflight.ts';
import { queueCommands } from './commands/queue.ts';
import { watchCommands } from './commands/watch.ts';
import { workerCommand } from './commands/worker.ts';
import { setVerbose } from './run.ts';
import { useRunTempDir } from './tempDir.ts';

useRunTempDir();

const program = new Command('folio')
  .description('Newspaper pages and archival PDFs from Markdown articles and a typed figures file')
  .showHelpAfterError()
  .option('--no-figures-code', 'refuse to run a figures.ts (it is code); figures.yaml/json still load')
  .option('--verbose', 'list every warning; without it, more than 3 of one kind are summed up in one line')
  .hook('preAction', (cmd) => {
    if (cmd.opts()['figuresCode'] === false) process.env[FIGURES_CODE_ENV] = 'refuse';
    setVerbose(cmd.opts()['verbose'] === true);
  });

buildCommand(program);
checkCommand(program);
newCommand(program);
preflightCommand(program);
watchCommands(program);
diffCommand(program);
layoutCommand(program);
queueCommands(program);
workerCommand(program);

await program.parseAsync(process.argv);
// Every command is finished here (watch and preview return when stopped): a timer or socket that some
// library left behind must not keep the process alive after the output is written.
process.exit();
