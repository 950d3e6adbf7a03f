// folio's command line: parses arguments into typed options and calls the library.
import { Command, Option } from 'commander';
import { expandEditionDirs } from './editions.ts';
import { interruptSignal, printWarnings, reportError, stdio } from './run.ts';

const program = new Command('folio')
  .description('Newspaper pages and archival PDFs from Markdown articles and a typed figures file')
  .showHelpAfterError();

program
  .command('build')
  .description('build editions into PDFs (a folder of editions builds each one)')
  .argument('<edition-dir...>', 'edition folder(s), or a folder such as content/ holding editions')
  .option('--out <dir>', 'output folder', 'output')
  .option('--json', 'print one JSON object (or an array for several editions) on stdout')
  .option('--allow-overset', 'report overset modules as warnings instead of failing')
  .option('--draft', 'only the PDF and report: no previews, no print/archive/screen files')
  .addOption(
    new Option('--timeout <ms>', 'time limit for each browser step').default(60000).argParser(Number),
  )
  .action(
    async (
      dirs: string[],
      o: { out: string; json?: boolean; allowOverset?: boolean; draft?: boolean; timeout: number },
    ) => {
      const json = Boolean(o.json);
      try {
        const editions = await expandEditionDirs(dirs);
        // Loaded on demand: the browser stack is heavy and `check` must stay fast.
        const { build } = await import('../pipeline.ts');
        const results = await build(editions, {
          outDir: o.out,
          allowOverset: o.allowOverset,
          draft: o.draft,
          timeoutMs: o.timeout,
          signal: interruptSignal(),
          log: (l) => stdio.err(`folio: ${l}`),
        });
        for (const r of results) printWarnings(r.warnings, stdio);
        if (json) stdio.out(JSON.stringify(results.length === 1 ? results[0] : results));
        process.exitCode = 0;
      } catch (e) {
        process.exitCode = reportError(e, stdio, json);
      }
    },
  );

program
  .command('check')
  .description('validate content and figures without starting a browser')
  .argument('<edition-dir>', 'edition folder')
  .option('--json', 'print the findings as JSON on stdout')
  .action(async (dir: string, o: { json?: boolean }) => {
    const json = Boolean(o.json);
    try {
      const { checkEdition } = await import('../check.ts');
      const checked = await checkEdition(dir);
      printWarnings(checked.warnings, stdio);
      if (json) {
        stdio.out(JSON.stringify({ edition: checked.source.name, errors: [], warnings: checked.warnings }));
      } else {
        stdio.err(
          `folio: ${checked.source.name}: ${checked.figures.figures.size} figures, ${checked.uses.length} references, ${checked.warnings.length} warning(s)`,
        );
      }
      process.exitCode = 0;
    } catch (e) {
      process.exitCode = reportError(e, stdio, json);
    }
  });

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
    async (pdf: string, o: { profile: 'print' | 'archive' | 'screen'; edition?: string; json?: boolean }) => {
      const json = Boolean(o.json);
      try {
        const { preflightExpectations } = await import('./preflightOptions.ts');
        const { runPreflightCommand } = await import('../preflight/index.ts');
        const expect = await preflightExpectations(pdf, o.edition);
        process.exitCode = await runPreflightCommand(pdf, {
          profile: o.profile,
          expect,
          json,
          signal: interruptSignal(),
        });
      } catch (e) {
        process.exitCode = reportError(e, stdio, json);
      }
    },
  );

await program.parseAsync(process.argv);
