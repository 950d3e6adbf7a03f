// `folio watch`: a WatchSession driven by file changes, until the signal (Ctrl-C) stops it.
import { resolve } from 'node:path';
import { WatchSession, type WatchOptions } from './session.ts';
import { watchFiles, watchedPaths } from './files.ts';

export { WatchSession, type ChangeResult, type WatchOptions } from './session.ts';
export { diffFigures, type FigureChange } from './figures.ts';

/** Builds once, then re-renders on every change; resolves after the signal fired and all is closed. */
export async function watchEdition(dir: string, opts: WatchOptions & { signal: AbortSignal }): Promise<void> {
  const session = new WatchSession(dir, opts);
  const stopped = new Promise<void>((done) => {
    if (opts.signal.aborted) done();
    else opts.signal.addEventListener('abort', () => done(), { once: true });
  });
  await Promise.race([session.start(), stopped]);
  // Output inside the edition folder must not trigger re-renders of its own.
  const files = await watchFiles(watchedPaths(dir), (paths) => void session.applyChange(paths), {
    ignore: [resolve(opts.outDir)],
  });
  opts.log?.(`folio: watching ${resolve(dir)} (Ctrl-C to stop)`);
  await stopped;
  await files.close();
  await session.close();
}
