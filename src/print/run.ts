// Runs an external tool (Ghostscript, poppler, qpdf) with a time limit and an AbortSignal.
import { spawn } from 'node:child_process';
import { FolioError } from '../errors/FolioError.ts';

export interface RunOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** Exit codes that are not failures (qpdf --check uses 3 for "warnings only"). */
  okCodes?: number[];
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Debian package per tool, for the ToolMissing hint. */
const packages: Record<string, string> = {
  gs: 'ghostscript',
  qpdf: 'qpdf',
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdfimages: 'poppler-utils',
  pdftoppm: 'poppler-utils',
};

export function run(tool: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const { signal, timeoutMs = 120_000, okCodes = [0] } = opts;
  if (signal?.aborted) return Promise.reject(new FolioError('Aborted', {}));
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    const finish = (e: Error | null, r?: RunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (e) reject(e);
      else resolve(r as RunResult);
    };
    // SIGKILL because Ghostscript can ignore SIGTERM while deep in a page.
    const onAbort = (): void => {
      child.kill('SIGKILL');
      finish(new FolioError('Aborted', {}));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new FolioError('ToolFailed', { tool, detail: `no result within ${timeoutMs} ms` }));
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      const missing = e.code === 'ENOENT';
      const fe = missing
        ? new FolioError('ToolMissing', { tool, pkg: packages[tool] ?? tool }, undefined, { cause: e })
        : new FolioError('ToolFailed', { tool, detail: e.message }, undefined, { cause: e });
      finish(fe);
    });
    child.on('close', (code) => {
      const r = {
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (okCodes.includes(r.code)) return finish(null, r);
      const detail = `exit code ${r.code}: ${lastLines(r.stderr || r.stdout)}`;
      finish(new FolioError('ToolFailed', { tool, detail }));
    });
  });
}

function lastLines(text: string, n = 6): string {
  return text.trim().split('\n').slice(-n).join(' | ');
}
