// Runs one job at a time; whatever arrives meanwhile is merged into a single pending job.

/** Watch mode re-reads the files when a job starts, so the pending job always sees the latest state. */
export class Coalescer<T> {
  private running: Promise<T> | undefined;
  private pending: { paths: Set<string>; promise: Promise<T>; settle: (p: Promise<T>) => void } | undefined;

  constructor(private readonly run: (paths: string[]) => Promise<T>) {}

  push(paths: string[]): Promise<T> {
    if (!this.running) return this.start(paths);
    if (!this.pending) {
      let settle!: (p: Promise<T>) => void;
      const promise = new Promise<T>((resolve) => (settle = resolve));
      this.pending = { paths: new Set(), promise, settle };
    }
    for (const p of paths) this.pending.paths.add(p);
    return this.pending.promise;
  }

  /** Resolves when nothing is running or pending. */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private start(paths: string[]): Promise<T> {
    const job = this.run(paths);
    this.running = job;
    const next = (): void => {
      this.running = undefined;
      const waiting = this.pending;
      this.pending = undefined;
      if (waiting) waiting.settle(this.start([...waiting.paths]));
    };
    job.then(next, next);
    return job;
  }
}
