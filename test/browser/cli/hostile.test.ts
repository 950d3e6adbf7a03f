// Hostile runs of the real CLI: each ends in time with one message and the conventional exit code.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folio, messages } from '../../helpers/edition.ts';

describe('folio on hostile runs', () => {
  it('an edition path that is a file: one message, exit 1, no browser left waiting', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-file-')), 'edition');
    writeFileSync(file, 'not a folder');
    const started = Date.now();
    const r = folio(['build', file, '--out', join(file, '..', 'out')]);
    expect(r.code).toBe(1);
    expect(messages(r.stderr)).toEqual([expect.stringMatching(/is a file, not an edition folder — /)]);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('SIGTERM during a build exits 143', async () => {
    const out = mkdtempSync(join(tmpdir(), 'folio-term-'));
    const child = spawn('node', ['bin/folio.mjs', 'build', 'content/taiyuan-five-years', '--out', out]);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (stderr.includes('checking content')) child.kill('SIGTERM');
    });
    const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
    expect(code, stderr).toBe(143);
  });
});
