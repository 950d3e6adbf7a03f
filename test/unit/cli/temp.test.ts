// Each CLI run keeps its temporary files (Ghostscript's gs_*, Chromium's profile, Folio's own) in one folder
// of its own, removed when it ends — also on Ctrl-C — and by the next run when a killed run left one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyEdition } from '../../helpers/edition.ts';

const runDirs = (base: string) => readdirSync(base).filter((n) => n.startsWith('folio-run-'));

/** Alive and not a zombie waiting to be reaped (state Z in /proc). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** A pid that certainly belonged to a process that has ended. */
function deadPid(): number {
  return spawnSync('true').pid ?? 999_999;
}

describe('the run folder', () => {
  it('is gone after a run, and a dead run’s folder is cleared while a live one’s is kept', () => {
    const base = mkdtempSync(join(tmpdir(), 'folio-tmp-'));
    const stale = join(base, `folio-run-${deadPid()}-abc`);
    mkdirSync(join(stale, 'puppeteer_dev_chrome_profile-x'), { recursive: true });
    writeFileSync(join(stale, 'gs_4f2a1'), 'left by a killed Ghostscript');
    const live = join(base, `folio-run-${process.pid}-def`);
    mkdirSync(live);
    const r = spawnSync('node', ['bin/folio.mjs', 'check', 'content/taiyuan-five-years'], {
      env: { ...process.env, TMPDIR: base },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(runDirs(base)).toEqual([`folio-run-${process.pid}-def`]);
  });

  it('holds what children write to the temporary folder, and is removed on Ctrl-C', async () => {
    const base = mkdtempSync(join(tmpdir(), 'folio-tmp-'));
    const dir = copyEdition();
    // figures.ts runs in a child: it marks the temporary folder it was given, then busy-waits to be stopped.
    writeFileSync(
      join(dir, 'figures.ts'),
      [
        "import { writeFileSync } from 'node:fs';",
        "import { tmpdir } from 'node:os';",
        "writeFileSync(tmpdir() + '/gs_marker', 'x');",
        'const end = Date.now() + 8000;',
        'while (Date.now() < end);',
        'export default {};',
      ].join('\n'),
    );
    spawnSync('rm', [join(dir, 'figures.yaml')]);
    const child = spawn('node', ['bin/folio.mjs', 'check', dir], {
      env: { ...process.env, TMPDIR: base },
      stdio: 'ignore',
      detached: true, // its own process group, so Ctrl-C reaches it and its children as in a terminal
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const marker = () => runDirs(base).some((d) => existsSync(join(base, d, 'gs_marker')));
    for (let i = 0; i < 100 && !marker(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(marker()).toBe(true);
    expect(runDirs(base)).toHaveLength(1);
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(130);
    expect(runDirs(base)).toEqual([]);
  });

  it('a figures.ts still looping when Folio is stopped is stopped with it', async () => {
    const dir = copyEdition();
    const pidFile = join(mkdtempSync(join(tmpdir(), 'folio-pid-')), 'pid');
    writeFileSync(
      join(dir, 'figures.ts'),
      [
        "import { writeFileSync } from 'node:fs';",
        "writeFileSync(process.env['PID_FILE'] ?? '', String(process.pid));",
        'const end = Date.now() + 20000;',
        'while (Date.now() < end);',
        'export default {};',
      ].join('\n'),
    );
    spawnSync('rm', [join(dir, 'figures.yaml')]);
    const child = spawn('node', ['bin/folio.mjs', 'check', dir], {
      env: { ...process.env, PID_FILE: pidFile },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    for (let i = 0; i < 100 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    child.kill('SIGINT'); // Folio alone, not its process group: the loop does not get the signal itself
    expect(await exited).toBe(130);
    for (let i = 0; i < 30 && running(pid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(running(pid)).toBe(false);
  });
});
