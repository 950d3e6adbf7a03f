// One temporary folder per CLI run: Ghostscript's gs_* files, Chromium's profile and Folio's own work folders
// all go there (TMPDIR is set for this process and its children). It is removed on exit, on Ctrl-C and
// SIGTERM, and by the next run when a killed run (SIGKILL, power loss) left it behind.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'folio-run-';

/** Makes the run's folder, points TMPDIR at it and clears folders of runs that are no longer alive. */
export function useRunTempDir(): string {
  const base = tmpdir();
  removeStale(base);
  const dir = mkdtempSync(join(base, `${PREFIX}${process.pid}-`));
  process.env['TMPDIR'] = dir;
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.on('exit', remove);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    // With no other handler (check, new …) Node would die without 'exit'; a command that handles the
    // signal itself (build, watch) cleans up and exits, and 'exit' removes the folder then.
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      remove();
      process.exit(code);
    });
  }
  return dir;
}

/** folio-run-<pid>-… folders whose process is gone. */
export function removeStale(base: string): string[] {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    rmSync(join(base, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}
