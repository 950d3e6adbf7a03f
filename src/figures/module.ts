// figures.ts is code: it is imported in a child process with a deadline, so a loop, a leftover timer or
// a crash stays there, and it can be refused outright (FOLIO_FIGURES_CODE=refuse, --no-figures-code).
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FolioError } from '../errors/FolioError.ts';

/** Set to `refuse` and no figures.ts is ever run by this process (queue workers refuse by default). */
export const FIGURES_CODE_ENV = 'FOLIO_FIGURES_CODE';
export const FIGURES_CODE_DEADLINE_MS = 10_000;

export function figuresCodeAllowed(): boolean {
  return process.env[FIGURES_CODE_ENV] !== 'refuse';
}

const CHILD = fileURLToPath(new URL('./moduleChild.ts', import.meta.url));

/** The default export of `file`, or an error message from importing it (syntax errors keep their position). */
export function importFiguresModule(
  file: string,
  deadlineMs = FIGURES_CODE_DEADLINE_MS,
): Promise<{ ok: true; tree: unknown } | { ok: false; message: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [file], {
      execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    // If Folio exits first (Ctrl-C, an error elsewhere), a figures.ts still looping must not outlive it.
    const killChild = () => child.kill('SIGKILL');
    process.once('exit', killChild);
    child.once('exit', () => process.removeListener('exit', killChild));
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      const detail = `it did not finish within ${deadlineMs / 1000} s (an endless loop?) and was stopped`;
      reject(new FolioError('FiguresModule', { detail }, { file, line: 0, column: 0 }));
    }, deadlineMs);
    let answered = false;
    child.once('message', (m) => {
      answered = true;
      clearTimeout(timer);
      child.kill('SIGKILL'); // whatever timers or sockets it left are its own, not the build's
      resolve(m as { ok: true; tree: unknown } | { ok: false; message: string });
    });
    child.once('exit', (code, signal) => {
      if (answered) return;
      clearTimeout(timer);
      const why = signal ? `was killed (${signal})` : `exited with code ${code}`;
      const last = stderr.trim().split('\n').at(-1) ?? '';
      resolve({ ok: false, message: `it ${why} before exporting its figures${last ? `: ${last}` : ''}` });
    });
  });
}
