// Builds editions one at a time in this process through the public build(), each with a fresh Chromium
// that was started while the previous edition was still in post-processing.
import { performance } from 'node:perf_hooks';
import { adoptEarly, startBrowserEarly, type EarlyBrowser } from '../paginate/early.ts';
import { build } from '../index.ts'; // the public API, as any program driving Folio would
import { failed, succeeded, type EditionJob, type EditionOutcome } from './outcome.ts';

export class EditionRunner {
  private next: Promise<EarlyBrowser | undefined> | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly signal: AbortSignal,
    /** A browser the CLI already started, used for the first edition. */
    first?: Promise<EarlyBrowser | undefined>,
  ) {
    this.next = first;
  }

  /** Starts the Chromium for the next edition now, e.g. while a process waits for its first job. */
  warm(): void {
    if (!this.signal.aborted) this.next ??= startBrowserEarly(this.timeoutMs, this.signal);
  }

  async run(job: EditionJob, log: (line: string) => void): Promise<EditionOutcome> {
    this.warm();
    const earlyBrowser = this.next;
    this.next = undefined;
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const [result] = await build([job.dir], {
        outDir: job.outDir,
        draft: job.draft,
        allowOverset: job.allowOverset,
        timeoutMs: job.timeoutMs,
        signal: this.signal,
        earlyBrowser,
        log: (line) => {
          // Pagination is over: its Chromium is idle from here on, so the next one can start. A fresh
          // browser per edition keeps memory flat and one crashed renderer from spoiling the next edition.
          if (/writing PDF/.test(line)) this.warm();
          log(line);
        },
      });
      if (!result) throw new Error(`no result for ${job.dir}`);
      return succeeded(job, result, seconds());
    } catch (e) {
      return failed(job, e, seconds());
    }
  }

  /** Closes a browser started ahead that no edition used. */
  async close(): Promise<void> {
    const next = this.next;
    this.next = undefined;
    await adoptEarly(next, '');
  }
}
