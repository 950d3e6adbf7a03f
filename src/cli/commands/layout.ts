// folio layout: the composer's proposals for an edition — the best as edition.yaml text, thumbnails of all.
import type { Command } from 'commander';
import { action, interruptSignal, stdio, timeoutOption } from '../run.ts';

interface Options {
  alternatives: string;
  out: string;
  json?: boolean;
  timeout: number;
}

export function layoutCommand(program: Command): void {
  program
    .command('layout')
    .description('compose the page without the hand-written grid: print the best grid, draw the alternatives')
    .argument('<edition-dir>', 'edition folder')
    .option('--alternatives <n>', 'how many alternatives to lay out and draw (1–8)', '3')
    .option('--out <dir>', 'output folder (writes <out>/<edition>/layouts/)', 'output')
    .option('--json', 'print every alternative with its scores as JSON on stdout')
    .addOption(timeoutOption())
    .action(
      action(
        (_d: string, o: Options) => Boolean(o.json),
        async (dir, o) => {
          const { layoutAlternatives } = await import('../../compose/alternatives.ts');
          const n = Math.min(8, Math.max(1, Math.floor(Number(o.alternatives)) || 3));
          const r = await layoutAlternatives(dir, {
            alternatives: n,
            outDir: o.out,
            timeoutMs: o.timeout,
            signal: interruptSignal(),
          });
          if (o.json) {
            stdio.out(JSON.stringify(r));
            return 0;
          }
          const s = r.search;
          stdio.err(
            `folio: ${r.edition}: ${r.alternatives.length} alternative(s) from ${s.candidates} candidates, ${s.evaluations} boxes searched in ${s.ms} ms${s.bounded ? ' (search bounded)' : ''}`,
          );
          for (const a of r.alternatives)
            stdio.err(
              `  #${a.rank}${a.rank === r.best.rank ? ' ★' : ''}  cost ${a.cost}  overset ${a.oversetMm} mm  ${a.thumbnail}`,
            );
          stdio.err(`  contact sheet: ${r.contactSheet}`);
          if (r.handWritten)
            stdio.err('  edition.yaml has its own grid: a build uses it; paste this to replace it');
          stdio.out(`# alternative ${r.best.rank}, composed by folio layout`);
          stdio.out(r.best.yaml);
          return 0;
        },
      ),
    );
}
