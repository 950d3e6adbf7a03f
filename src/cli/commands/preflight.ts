// folio preflight: what printers and archives reject, checked in any PDF.
import { Option, type Command } from 'commander';
import { action, interruptSignal } from '../run.ts';

type Profile = 'print' | 'archive' | 'screen';

export function preflightCommand(program: Command): void {
  program
    .command('preflight')
    .description(
      'check a PDF for what printers and archives reject (fonts, boxes, colour, ink, images, text, syntax)',
    )
    .argument('<pdf>', 'the PDF to check')
    .addOption(
      new Option('--profile <profile>', 'what the file is for')
        .choices(['print', 'archive', 'screen'])
        .default('print'),
    )
    .option(
      '--edition <dir>',
      'take page size, bleed and limits from this edition (default: broadsheet preset, no bleed)',
    )
    .option('--json', 'print the report as JSON on stdout')
    .action(
      action(
        (_p: string, o: { json?: boolean }) => Boolean(o.json),
        async (pdf, o: { profile: Profile; edition?: string; json?: boolean }) => {
          const { preflightExpectations } = await import('../preflightOptions.ts');
          const { runPreflightCommand } = await import('../../preflight/index.ts');
          const expect = await preflightExpectations(pdf, o.edition, o.profile);
          const json = Boolean(o.json);
          return runPreflightCommand(pdf, { profile: o.profile, expect, json, signal: interruptSignal() });
        },
      ),
    );
}
