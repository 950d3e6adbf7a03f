// Watches an edition's files and Folio's templates/styles with chokidar; reports changed paths in batches.
import { join, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import { ROOT } from '../check.ts';

/** Files that can change an edition's pages; editors' temporary files (sed's sedXXXX, vim's 4913, x~) are not. */
const RELEVANT = /\.(md|ya?ml|json|ts|hbs|css|png|jpe?g|gif|svg|webp|avif)$/i;

export interface FileWatch {
  close(): Promise<void>;
}

/** The folders whose files decide an edition's pages. */
export function watchedPaths(editionDir: string): string[] {
  return [resolve(editionDir), join(ROOT, 'templates'), join(ROOT, 'styles'), join(ROOT, 'src', 'blocks')];
}

/**
 * Editors save in bursts (write, rename, chmod): changes within `settleMs` arrive as one batch.
 * Dot-files (editor swap files, Folio's own staging folders) and `ignore` folders are skipped.
 */
export async function watchFiles(
  paths: string[],
  onChange: (paths: string[]) => void,
  opts: { ignore?: string[]; settleMs?: number } = {},
): Promise<FileWatch> {
  const ignored = (opts.ignore ?? []).map((p) => resolve(p));
  const watcher = watch(paths, {
    ignoreInitial: true,
    ignored: (p: string) =>
      /(^|[/\\])\.[^/\\]/.test(p) || ignored.some((i) => p === i || p.startsWith(i + sep)),
  });
  let batch = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    const paths = [...batch];
    batch = new Set();
    if (paths.length) onChange(paths);
  };
  watcher.on('all', (_event, path) => {
    if (!RELEVANT.test(path)) return;
    batch.add(resolve(path));
    clearTimeout(timer);
    timer = setTimeout(flush, opts.settleMs ?? 40);
  });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
