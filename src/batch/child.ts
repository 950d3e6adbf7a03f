// A pool process: builds the editions its parent sends, one at a time, with its own Chromium.
import { setMaxListeners } from 'node:events';
import { EditionRunner } from './runner.ts';
import type { ToChild, ToParent } from './pool.ts';

const controller = new AbortController();
setMaxListeners(100, controller.signal);
// Ctrl-C reaches every process of the terminal's group: stop the edition at its next wait, report it.
process.on('SIGINT', () => controller.abort());
process.on('SIGTERM', () => controller.abort());

const send = (m: ToParent) => process.send?.(m);
let runner: EditionRunner | undefined;

process.on('message', (m: ToChild) => {
  if (m.type !== 'job') return;
  runner ??= new EditionRunner(m.job.timeoutMs, controller.signal);
  const r = runner;
  void r.run(m.job, (line) => send({ type: 'log', line })).then((outcome) => send({ type: 'done', outcome }));
});

// The parent went away (finished, or was killed): take our Chromium down with us.
process.on('disconnect', () => {
  controller.abort();
  void (runner?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});

send({ type: 'ready' });
