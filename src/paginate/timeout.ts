// The one way Folio waits on the browser: every wait gets a time limit and can be aborted.
import { FolioError } from '../errors/FolioError.ts';

/**
 * Settles like `p`, or rejects with BrowserTimeout naming `step` after `ms` milliseconds
 * (`Infinity` means no limit), or with Aborted when `signal` fires. The work behind `p` is not
 * cancelled by this: the caller closes the page or browser it was waiting on.
 */
export function withTimeout<T>(p: Promise<T>, ms: number, step: string, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) {
    p.catch(() => undefined); // the caller gave up on p; keep its later rejection from going unhandled
    return Promise.reject(new FolioError('Aborted', {}));
  }
  return new Promise<T>((resolve, reject) => {
    const timer = Number.isFinite(ms)
      ? setTimeout(() => {
          cleanup();
          reject(new FolioError('BrowserTimeout', { step, ms }));
        }, ms)
      : undefined;
    const onAbort = (): void => {
      cleanup();
      reject(new FolioError('Aborted', {}));
    };
    function cleanup(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    p.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}
