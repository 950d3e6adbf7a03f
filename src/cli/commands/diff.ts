// folio diff: the change report — figures old → new, and before/after page images.
import type { Command } from 'commander';
import { action, interruptSignal, stdio, timeoutOption } from '../run.ts';

interface Options {
  since: string;
  out: string;
  json?: boolean;
  timeout: number;
}

export function diffCommand(program: Command): void {
  program
    .command('diff')
    .description('show which figures changed since a git revision or an earlier figures file, page by page')
    .argument('<edition-dir>', 'edition folder')
    .requiredOption(
      '--since <rev-or-file>',
      'git revision (HEAD~1, a tag) or path to an earlier figures file',
    )
    .option('--out <dir>', 'output folder (writes <out>/<edition>/diff/)', 'output')
    .option('--json', 'print the summary as JSON on stdout')
    .addOption(timeoutOption())
    .action(
      action(
        (_d: string, o: Options) => Boolean(o.json),
        async (dir, o) => {
          const { diffEdition } = await import('../../diff/index.ts');
          const signal = interruptSignal();
          const s = await diffEdition(dir, { since: o.since, outDir: o.out, timeoutMs: o.timeout, signal });
          if (o.json) {
            stdio.out(JSON.stringify(s));
            return 0;
          }
          stdio.err(`folio: ${s.edition}: ${s.figures.length} figure(s) changed since ${s.since}`);
          for (const f of s.figures) {
            const pages = f.pages.join(', ') || '—';
            stdio.err(`  ${f.id}: ${f.before ?? '(new)'} → ${f.after ?? '(removed)'} (page ${pages})`);
          }
          for (const p of s.pages) {
            stdio.err(
              `  page ${p.page}: ${p.changedPixels ? `${p.changedPixels} pixels changed` : 'unchanged'}`,
            );
          }
          stdio.err(`folio: report → ${s.report}`);
          return 0;
        },
      ),
    );
}
