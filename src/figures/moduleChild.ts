// Runs in a child process: imports one figures.ts and sends its default export back as plain data.
import { pathToFileURL } from 'node:url';

const file = process.argv[2] ?? '';
const send = (m: unknown) => process.send?.(m, () => process.exit(0));

try {
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  try {
    send({ ok: true, tree: mod.default });
  } catch {
    // structured clone refuses functions, symbols and class instances: figures are data
    send({ ok: false, message: 'the default export holds something that is not data (a function?)' });
  }
} catch (e) {
  send({ ok: false, message: (e as { message?: unknown } | null)?.message ?? String(e) });
}
