// Bench: what the fit stage costs a cold build (the issue allows +30 %), and a watch change that changes the
// length of text, timed from the save to the PDF on disk, against a cold pagedjs-cli run (target ≥ 8×).
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { watchEdition } from '../src/watch/index.ts';

const run = promisify(execFile);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Cold `folio build --draft` of `dir` with the fit stage and of a copy with `fit: { enabled: false }`,
 *  run alternately so that a busy machine weighs on both alike. */
export async function benchFitCost(root: string, dir: string, scratch: string, runs: number) {
  const unfit = join(scratch, 'unfit', dir.split('/').pop()!);
  cpSync(dir, unfit, { recursive: true });
  const yaml = join(unfit, 'edition.yaml');
  writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}\nfit: { enabled: false }\n`);
  const build = async (d: string, extra: string[]) => {
    const t = performance.now();
    await run(process.execPath, [
      join(root, 'bin/folio.mjs'),
      'build',
      d,
      '--out',
      join(scratch, 'out-fitcost'),
      '--draft',
      ...extra,
    ]);
    return performance.now() - t;
  };
  const withFit: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < runs; i++) {
    withFit.push(await build(dir, []));
    without.push(await build(unfit, ['--allow-overset'])); // unfitted pages may overset
  }
  return { withFit: median(withFit), without: median(without) };
}

/** `folio watch` as a user runs it (chokidar, the session, the PDF written): one figure alternates between
 *  its value and 1000× it, so the text changes length every save; milliseconds from save to PDF. */
export async function benchWatchSaved(dir: string, outDir: string, runs: number) {
  const figures = join(dir, 'figures.yaml');
  const original = readFileSync(figures, 'utf8');
  const value = /value: (\d{4})\n/.exec(original)?.[1];
  if (!value) throw new Error('bench: no four-digit figure to grow');
  const waiting: Array<(line: string) => void> = [];
  const stop = new AbortController();
  const done = /^folio: (re-rendered|re-paginated|no page changed|kept the last good PDF)/;
  const watching = watchEdition(dir, {
    outDir,
    signal: stop.signal,
    log: (line) => {
      if (done.test(line) || line.startsWith('folio: watching')) waiting.shift()?.(line);
    },
  });
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  await next(); // the first build
  await next(); // "watching …": chokidar is ready
  const times: number[] = [];
  const modes = new Set<string>();
  try {
    for (let i = 0; i < runs; i++) {
      const grown = i % 2 === 0 ? String(Number(value) * 1000) : value;
      const line = next();
      const t = performance.now();
      writeFileSync(figures, original.replace(`value: ${value}\n`, `value: ${grown}\n`));
      const said = await line;
      times.push(performance.now() - t);
      modes.add(said.split(' ')[1] ?? '');
    }
  } finally {
    stop.abort();
    await watching;
    writeFileSync(figures, original);
  }
  return { ms: median(times), modes: [...modes] };
}

export function fitLines(cost: { withFit: number; without: number }, saved: number, pagedCli: number) {
  const added = cost.withFit / cost.without - 1;
  return [
    `  folio build --draft, cold, fit stage off     ${s(cost.without)}`,
    `  folio build --draft, cold, fit stage on      ${s(cost.withFit)}   (fit adds ${(added * 100).toFixed(0)} %)`,
    `  folio watch, text length changed, save → PDF on disk  ${s(saved)}`,
    `  ${added <= 0.3 ? 'PASS' : 'MISS'}  ${'fit stage cost (cold build)'.padEnd(34)} +${(added * 100).toFixed(0)} %  (target ≤ 30 %)`,
    `  ${pagedCli / saved >= 8 ? 'PASS' : 'MISS'}  ${'pagedjs-cli cold / watch save→PDF'.padEnd(34)} ${(pagedCli / saved).toFixed(2)}×  (target ≥ 8×)`,
  ];
}
