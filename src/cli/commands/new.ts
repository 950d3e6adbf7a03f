// folio new: writes a small working edition to start from.
import { Option, type Command } from 'commander';
import { action, stdio } from '../run.ts';

export function newCommand(program: Command): void {
  program
    .command('new')
    .description('write a small edition (edition.yaml, article.md, figures.yaml) that checks and builds')
    .argument('<dir>', 'folder to create (it must not exist or be empty)')
    .addOption(
      new Option('--preset <preset>', 'page format').choices(['broadsheet', 'tabloid']).default('broadsheet'),
    )
    .action(
      action(
        (_d: string, _o: { preset: 'broadsheet' | 'tabloid' }) => false,
        async (dir: string, o: { preset: 'broadsheet' | 'tabloid' }) => {
          const { scaffoldEdition } = await import('../../content/scaffold.ts');
          const { ROOT } = await import('../../check.ts');
          const files = await scaffoldEdition(dir, { preset: o.preset, root: ROOT });
          for (const f of files) stdio.err(`folio: wrote ${f}`);
          stdio.err(`folio: next: folio check ${dir} && folio build ${dir}`);
          return 0;
        },
      ),
    );
}
