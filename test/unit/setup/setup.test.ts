// scripts/setup.mjs: the real machine check, and its decisions against stub dpkg-query / apt-get / npm.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The environment without anything that changes setup.mjs's behaviour or npm's. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('FOLIO_') || k.startsWith('STUB_') || k.startsWith('npm_')) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function runSetup(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [script, ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

describe('setup.mjs on this machine', () => {
  it('--check finds everything present, quickly', () => {
    const r = runSetup(join(repo, 'scripts', 'setup.mjs'), ['--check'], cleanEnv());
    expect(r.stderr).toMatch(/^setup: all present \(\d+\.\d\d s\)$/m);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.ms).toBeLessThan(5000);
  });
});

// A sandbox: a copy of setup.mjs with its own package files and node_modules, and a PATH holding only
// stubs. The stubs append what they were asked to `calls.log`, so nothing real is ever installed.
const DPKG_QUERY = `#!/bin/sh
printf "%s\\n" "dpkg-query $*" >> "$STUB_DIR/calls.log"
status=0
for p in "$@"; do
  case "$p" in -*) continue ;; esac
  if [ "$p" = "$STUB_MISSING" ] && [ ! -e "$STUB_DIR/apt-installed" ]; then
    if [ "$STUB_MODE" = unknown ]; then
      echo "dpkg-query: no packages found matching $p" >&2
      status=1
    else
      echo "$p unknown ok not-installed"
    fi
  else
    echo "$p install ok installed"
  fi
done
exit $status
`;
const APT_GET = `#!/bin/sh
printf "%s\\n" "apt-get DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> "$STUB_DIR/calls.log"
if [ -n "$STUB_APT_FAIL" ]; then
  echo "E: $STUB_APT_FAIL" >&2
  exit 100
fi
case " $* " in *" install "*) : > "$STUB_DIR/apt-installed" ;; esac
exit 0
`;
const NPM = `#!/bin/sh
printf "%s\\n" "npm PUPPETEER_SKIP_DOWNLOAD=$PUPPETEER_SKIP_DOWNLOAD $*" >> "$STUB_DIR/calls.log"
if [ -n "$STUB_NPM_FAIL" ]; then
  echo "npm error $STUB_NPM_FAIL" >&2
  exit 1
fi
/bin/mkdir -p node_modules
exit 0
`;

const sandboxes: string[] = [];
afterEach(() => {
  for (const dir of sandboxes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sandbox(opts: { stamp?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'folio-setup-'));
  sandboxes.push(dir);
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(repo, 'scripts', 'setup.mjs'), join(dir, 'scripts', 'setup.mjs'));
  writeFileSync(join(dir, 'package.json'), '{"name":"sandbox","private":true}\n');
  const lock = '{"name":"sandbox","lockfileVersion":3,"packages":{}}\n';
  writeFileSync(join(dir, 'package-lock.json'), lock);
  if (opts.stamp !== false) {
    mkdirSync(join(dir, 'node_modules'));
    const hash = createHash('sha256').update(lock).digest('hex');
    writeFileSync(join(dir, 'node_modules', '.folio-setup-stamp'), `${hash}\n`);
  }
  for (const [name, text] of [
    ['dpkg-query', DPKG_QUERY],
    ['apt-get', APT_GET],
    ['npm', NPM],
  ] as const) {
    writeFileSync(join(dir, 'bin', name), text);
    chmodSync(join(dir, 'bin', name), 0o755);
  }
  const run = (args: string[], env: Record<string, string> = {}, path = join(dir, 'bin')) =>
    runSetup(join(dir, 'scripts', 'setup.mjs'), args, cleanEnv({ PATH: path, STUB_DIR: dir, ...env }));
  const calls = () => {
    const log = join(dir, 'calls.log');
    return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  };
  return { dir, run, calls };
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('setup.mjs decisions (stubbed system)', () => {
  it.each(['not-installed', 'unknown'])(
    'not root and one package missing (dpkg-query says %s): names it and the command, exit 1',
    (mode) => {
      const s = sandbox();
      const r = s.run([], { STUB_MISSING: 'argyll', STUB_MODE: mode, FOLIO_SETUP_ASSUME_NONROOT: '1' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^setup: missing Debian packages: argyll$/m);
      expect(r.stderr).toMatch(/^\s+sudo apt-get install -y --no-install-recommends argyll$/m);
      // One message: the package list appears once, and nothing was installed.
      expect(r.stderr.match(/missing Debian packages/g)).toHaveLength(1);
      expect(s.calls().filter((c) => !c.startsWith('dpkg-query'))).toEqual([]);
      // One dpkg-query call for all packages.
      expect(s.calls()).toHaveLength(1);
      expect(s.calls()[0]).toContain('chromium');
      expect(s.calls()[0]).toContain('icc-profiles-free');
      noStackTrace(r.stderr);
    },
  );

  it('--check reports what is missing, installs nothing, exit 1', () => {
    const s = sandbox({ stamp: false });
    const r = s.run(['--check'], { STUB_MISSING: 'qpdf' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing Debian packages: qpdf ');
    expect(r.stderr).toContain('npm dependencies need installing (node_modules is missing; run: npm ci)');
    expect(s.calls().filter((c) => !c.startsWith('dpkg-query'))).toEqual([]);
    expect(existsSync(join(s.dir, 'apt-installed'))).toBe(false);
  });

  it('everything present: one dpkg-query call, nothing else, exit 0', () => {
    const s = sandbox();
    const r = s.run([]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^setup: all present \(\d+\.\d\d s\)\n$/);
    expect(s.calls()).toHaveLength(1);
  });

  it('not Debian (no dpkg-query): one clear message naming the packages, exit 1', () => {
    const s = sandbox();
    const empty = join(s.dir, 'empty-bin');
    mkdirSync(empty);
    const r = s.run([], {}, empty);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not a Debian system');
    expect(r.stderr).toContain('chromium fonts-noto-cjk python3-fonttools ghostscript');
    noStackTrace(r.stderr);
  });

  it('FOLIO_SKIP_SETUP=1 skips everything', () => {
    const s = sandbox({ stamp: false });
    const r = s.run([], { FOLIO_SKIP_SETUP: '1', STUB_MISSING: 'qpdf' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('skipped');
    expect(s.calls()).toEqual([]);
  });

  it('FOLIO_CHROMIUM pointing at an executable drops the chromium package', () => {
    const s = sandbox();
    const r = s.run([], { FOLIO_CHROMIUM: process.execPath, STUB_MISSING: 'chromium' });
    expect(r.status).toBe(0);
    expect(s.calls()[0]).not.toContain('chromium');
  });

  it('runs npm ci when node_modules is missing, stamps it, and not again until the lock changes', () => {
    const s = sandbox({ stamp: false });
    const first = s.run([]);
    expect(first.status).toBe(0);
    expect(s.calls().filter((c) => c.startsWith('npm'))).toEqual([
      'npm PUPPETEER_SKIP_DOWNLOAD=1 ci --no-fund --no-audit',
    ]);
    const lock = readFileSync(join(s.dir, 'package-lock.json'));
    expect(readFileSync(join(s.dir, 'node_modules', '.folio-setup-stamp'), 'utf8').trim()).toBe(
      createHash('sha256').update(lock).digest('hex'),
    );

    expect(s.run([]).stderr).toContain('all present');
    expect(s.calls().filter((c) => c.startsWith('npm'))).toHaveLength(1);

    writeFileSync(join(s.dir, 'package-lock.json'), '{"changed":true}\n');
    const third = s.run([]);
    expect(third.stderr).toContain('package-lock.json changed since the last install');
    expect(s.calls().filter((c) => c.startsWith('npm'))).toHaveLength(2);
  });

  it('a failing npm ci: exit 2 with its error output, no stack trace, no stamp', () => {
    const s = sandbox({ stamp: false });
    const r = s.run([], { STUB_NPM_FAIL: 'network unreachable E42' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/`npm ci --no-fund --no-audit` failed \(exit 1\)/);
    expect(r.stderr).toMatch(/^\s+npm error network unreachable E42$/m);
    expect(existsSync(join(s.dir, 'node_modules', '.folio-setup-stamp'))).toBe(false);
    noStackTrace(r.stderr);
  });

  it.skipIf(!isRoot)('as root: installs exactly the missing package with apt-get, non-interactively', () => {
    const s = sandbox();
    const r = s.run([], { STUB_MISSING: 'icc-profiles-free' });
    expect(r.stderr).toContain('done in');
    expect(r.status).toBe(0);
    const installs = s.calls().filter((c) => c.startsWith('apt-get') && c.includes(' install '));
    expect(installs).toEqual([
      'apt-get DEBIAN_FRONTEND=noninteractive -o DPkg::Lock::Timeout=120 install -y --no-install-recommends icc-profiles-free',
    ]);
  });

  it.skipIf(!isRoot)('as root: apt-get failing → exit 2 with its error, no stack trace', () => {
    const s = sandbox();
    const r = s.run([], { STUB_MISSING: 'argyll', STUB_APT_FAIL: 'Unable to locate package argyll' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^\s+E: Unable to locate package argyll$/m);
    // The lists are refreshed once (before installing or after the first failure), never in a loop.
    expect(s.calls().filter((c) => c.endsWith(' update'))).toHaveLength(1);
    noStackTrace(r.stderr);
  });
});
