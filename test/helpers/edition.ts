// Copies an example edition to a temporary folder so a test can break it on purpose.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';

export function copyEdition(name = 'taiyuan-five-years'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'folio-ed-')), name);
  cpSync(join('content', name), dir, { recursive: true });
  return dir;
}

/** Replaces the first occurrence of `from` in a file and returns the 1-based line and column it was at. */
export function edit(file: string, from: string, to: string): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`${basename(file)} has no ${from}`);
  writeFileSync(file, text.slice(0, at) + to + text.slice(at + from.length));
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

export function folio(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('node', ['bin/folio.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** stderr lines that are not progress lines. */
export function messages(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l && !/^folio: (?!internal)/.test(l) && !l.startsWith('setup:'));
}
