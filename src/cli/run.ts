// Runs a command body and turns its outcome into output and an exit code; the only place that exits.
import { setMaxListeners } from 'node:events';
import { Option } from 'commander';
import { FolioError, FolioErrors, type Warning } from '../errors/FolioError.ts';
import { warningLines } from './warnings.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const stdio: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

/** Prints user errors as `file:line:col: what — what to do`; anything else as an internal error. */
export function reportError(e: unknown, io: Io, json: boolean): number {
  const errors = e instanceof FolioErrors ? e.errors : e instanceof FolioError ? [e] : undefined;
  if (errors) {
    if (json) io.out(JSON.stringify({ errors: errors.map((x) => x.toJSON()) }));
    for (const x of errors) io.err(x.format());
    // Stopped by Ctrl-C (130) or SIGTERM (143), as a shell reports it.
    return errors.every((x) => x.code === 'Aborted') ? exitCodeFor(stoppedBy) : 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.err(`folio: internal error: ${message.split('\n')[0]} — please report this with FOLIO_DEBUG=1 output`);
  if (process.env['FOLIO_DEBUG'] && e instanceof Error) io.err(e.stack ?? '');
  if (json) io.out(JSON.stringify({ errors: [{ code: 'Internal', message }] }));
  return 70;
}

let verbose = false;

/** --verbose: every warning on its own line instead of a summary per kind. */
export function setVerbose(on: boolean): void {
  verbose = on;
}

export function printWarnings(warnings: Warning[], io: Io): void {
  for (const line of warningLines(warnings, verbose)) io.err(line);
}

let stoppedBy: NodeJS.Signals = 'SIGINT';

/** The shell's convention for a command ended by a signal: 128 + its number (SIGINT 130, SIGTERM 143). */
function exitCodeFor(signal: NodeJS.Signals): number {
  return signal === 'SIGTERM' ? 143 : 130;
}

/** An AbortSignal that fires on Ctrl-C, so every stage can stop and clean up. */
export function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  // Every tool run and browser wait listens for the same Ctrl-C; dozens of listeners are expected.
  setMaxListeners(100, controller.signal);
  const stop = (signal: NodeJS.Signals) => {
    stoppedBy = signal;
    if (controller.signal.aborted) process.exit(exitCodeFor(signal));
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return controller.signal;
}

/** Wraps a command body: its result is the exit code; any error is reported and exits 1 (or 70). */
export function action<A extends unknown[]>(
  json: (...args: A) => boolean,
  body: (...args: A) => Promise<number>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = await body(...args);
    } catch (e) {
      process.exitCode = reportError(e, stdio, json(...args));
    }
  };
}

/** Every command that drives the browser takes the same time limit. */
export const timeoutOption = () =>
  new Option('--timeout <ms>', 'time limit for each browser step').default(60000).argParser(Number);
