// folio check: content and figures validated without a browser.
import type { Command } from 'commander';
import { checkReport } from '../checkReport.ts';
import { action, printWarnings, reportError, stdio } from '../run.ts';

export function checkCommand(program: Command): void {
  program
    .command('check')
    .description('validate content and figures without starting a browser')
    .argument('<edition-dir>', 'edition folder')
    .option('--json', 'print the findings as one JSON object on stdout (README "folio check --json")')
    .action(
      action(
        (_d: string, o: { json?: boolean }) => Boolean(o.json),
        async (dir, o) => {
          const { checkEdition } = await import('../../check.ts');
          if (o.json) {
            // The same shape on success and failure; stderr still carries the one-line messages.
            const outcome = await checkEdition(dir).catch((error: unknown) => ({ error }));
            const code = 'error' in outcome ? reportError(outcome.error, stdio, false) : 0;
            if (!('error' in outcome)) printWarnings(outcome.warnings, stdio);
            stdio.out(JSON.stringify(checkReport(dir, outcome)));
            return code;
          }
          const checked = await checkEdition(dir);
          printWarnings(checked.warnings, stdio);
          const { figures } = checked.figures;
          stdio.err(
            `folio: ${checked.source.name}: ${figures.size} figures, ${checked.uses.length} references, ${checked.warnings.length} warning(s)`,
          );
          return 0;
        },
      ),
    );
}
