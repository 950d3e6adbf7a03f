// The figures an edition had before: from a git revision (`git show rev:path`) or from an earlier file.
import { execFile } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { FolioError } from '../errors/FolioError.ts';
import { findFiguresFile, loadFiguresModule, parseFigures, type FigureSet } from '../figures/load.ts';

const run = promisify(execFile);

/** `since` is a path to a figures file if one exists there, otherwise a git revision. */
export async function loadSinceFigures(
  editionDir: string,
  since: string,
): Promise<FigureSet & { label: string }> {
  const current = await findFiguresFile(editionDir);
  const isFile = await stat(since).then(
    (s) => s.isFile(),
    () => false,
  );
  if (isFile) return { ...(await parseAt(await readFile(since, 'utf8'), since)), label: since };
  const text = await gitShow(editionDir, since, current);
  // Errors in the old text name it the way git does: rev:path.
  return {
    ...(await parseAt(text, current, `${since}:${basename(current)}`)),
    label: `${since}:${basename(current)}`,
  };
}

async function gitShow(editionDir: string, rev: string, file: string): Promise<string> {
  const git = (args: string[]) =>
    run('git', args, { cwd: dirname(file), maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }).then(
      (r) => r.stdout,
    );
  try {
    const top = (await git(['rev-parse', '--show-toplevel'])).trim();
    return await git(['show', `${rev}:${relative(top, file)}`]);
  } catch (e) {
    const detail = ((e as { stderr?: string }).stderr || (e as Error).message).trim().split('\n')[0] ?? '';
    throw new FolioError(
      'ToolFailed',
      { tool: 'git', detail: `${rev} in ${editionDir}: ${detail}` },
      undefined,
      {
        cause: e,
      },
    );
  }
}

/** YAML and JSON parse from text; a figures.ts is imported from beside the current one (its imports). */
async function parseAt(text: string, file: string, label = file): Promise<FigureSet> {
  if (!file.endsWith('.ts')) return { file: label, figures: parseFigures(text, label) };
  const copy = join(dirname(file), `.folio-since-${process.pid}-${basename(file)}`);
  try {
    await writeFile(copy, text);
    return { file: label, figures: await loadFiguresModule(copy) };
  } finally {
    await rm(copy, { force: true });
  }
}
