// folio's command line: each command parses its arguments into typed options and calls the library.
import { Command } from 'commander';
import { buildCommand } from './commands/build.ts';
import { checkCommand } from './commands/check.ts';
import { diffCommand } from './commands/diff.ts';
import { layoutCommand } from './commands/layout.ts';
import { preflightCommand } from './commands/preflight.ts';
import { queueCommands } from './commands/queue.ts';
import { watchCommands } from './commands/watch.ts';
import { workerCommand } from './commands/worker.ts';

const program = new Command('folio')
  .description('Newspaper pages and archival PDFs from Markdown articles and a typed figures file')
  .showHelpAfterError();

buildCommand(program);
checkCommand(program);
preflightCommand(program);
watchCommands(program);
diffCommand(program);
layoutCommand(program);
queueCommands(program);
workerCommand(program);

await program.parseAsync(process.argv);
