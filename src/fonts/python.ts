// Runs convert.py for one face in Debian's Python (the one with fontTools), killable through a signal.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FolioError } from '../errors/FolioError.ts';
import type { Face } from './faces.ts';

export const CONVERT_SCRIPT = new URL('./convert.py', import.meta.url);

/** The `python3` on PATH may be another install without fontTools; Debian's is at /usr/bin. */
export function pythonPath(): string {
  return process.env.FOLIO_PYTHON ?? '/usr/bin/python3';
}

/** Keep the end of stderr: that is where Python puts the error, and a user needs no more. */
const STDERR_LIMIT = 4000;

export function convertFace(face: Face, charsFile: string, out: string, signal: AbortSignal): Promise<void> {
  const python = pythonPath();
  const args = [
    fileURLToPath(CONVERT_SCRIPT),
    ['--source', face.source],
    ['--family', face.sourceFamily],
    ['--chars', charsFile],
    ['--name', face.family],
    ['--style', face.style],
    ['--out', out],
  ].flat();
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new FolioError('Aborted', {}));
    const child = spawn(python, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_LIMIT);
    });
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    signal.addEventListener('abort', onAbort, { once: true });
    child.on('error', (err) => {
      signal.removeEventListener('abort', onAbort);
      reject(
        new FolioError('FontPrepareFailed', { detail: `cannot run ${python}: ${err.message}` }, undefined, {
          cause: err,
        }),
      );
    });
    child.on('close', (code, killedBy) => {
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) reject(new FolioError('Aborted', {}));
      else if (code === 0) resolve();
      else {
        const why = stderr.trim() || (killedBy ? `killed by ${killedBy}` : `exit status ${code}`);
        reject(new FolioError('FontPrepareFailed', { detail: `${face.family} ${face.style}: ${why}` }));
      }
    });
  });
}
