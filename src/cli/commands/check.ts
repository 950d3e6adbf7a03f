// folio check: content and figures validated without a browser.
import type { Command } from 'commander';
import { action, printWarnings, stdio } from '../run.ts';

export function checkCommand(program: Command): void {
  program
    .command('check')
    .description('validate content and figures without starting a browser')
    .argument('<edition-dir>', 'edition folder')
    .option('--json', 'print the findings as JSON on stdout')
    .action(
      action(
        (_d: string, o: { json?: boolean }) => Boolean(o.json),
        async (dir, o) => {
          const { checkEdition } = await import('../../check.ts');
          const checked = await checkEdition(dir);
          printWarnings(checked.warnings, stdio);
          const name = checked.source.name;
          if (o.json) stdio.out(JSON.stringify({ edition: name, errors: [], warnings: checked.warnings }));
          else {
            const { figures } = checked.figures;
            stdio.err(
              `folio: ${name}: ${figures.size} figures, ${checked.uses.length} references, ${checked.warnings.length} warning(s)`,
            );
          }
          return 0;
        },
      ),
    );
}
