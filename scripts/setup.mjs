// Installs what Folio needs before `npm start` / `npm test` do their job: Debian packages, then npm
// dependencies. Plain Node, no npm dependencies: it runs before node_modules exists.
//
//   node scripts/setup.mjs           install what is missing (apt-get as root, `npm ci`)
//   node scripts/setup.mjs --check   report only; exit 1 if anything is missing, never install
//
// Environment:
//   FOLIO_SKIP_SETUP=1             skip the automatic set-up entirely (--check still checks)
//   FOLIO_CHROMIUM=/path           use this Chromium; the `chromium` package is then not required
//   FOLIO_SETUP_ASSUME_NONROOT=1   for tests only: behave as if not running as root
//
// Exit codes: 0 ok, 1 something is missing and cannot be installed here, 2 an install step failed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** Debian 12 packages the pipeline uses, and why (the README lists the same). */
const DEBIAN_PACKAGES = [
  'chromium', // pagination: Paged.js runs in the system browser
  'fonts-noto-cjk', // the Chinese body and headline fonts
  'python3-fonttools', // converts the CJK OpenType collections to TrueType
  'ghostscript', // PDF/X print, PDF/A archive and screen outputs
  'poppler-utils', // pdffonts / pdftoppm for preflight and visual tests
  'qpdf', // structural PDF checks
  'libimage-exiftool-perl', // reads back XMP metadata in preflight
  'argyll', // colprof: scripts/build-icc.sh builds the newsprint CMYK output profile
  'icc-profiles-free', // sRGB and the CGATS TR 002 newsprint data that profile is built from
  'fontconfig', // exposes the converted fonts to Chromium
  'redis-server', // the queue for `folio queue` / `folio worker` (BullMQ), and the tests that start one
];

const STAMP_NAME = '.folio-setup-stamp';
const HEAD_LINES = 12;
const TAIL_LINES = 8;
const LOCK_OUT_OF_SYNC = /can only install packages when your package\.json and package-lock\.json/;
const APT_LISTS = '/var/lib/apt/lists';
const APT_LISTS_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
/** In --check mode, everything that is missing, reported together at the end. */
const problems = [];

/** Raised for the two expected failure kinds; printed as a message, never as a stack trace. */
class SetupExit extends Error {
  constructor(code, message) {
    super(message);
    this.exitCode = code;
  }
}

const log = (line) => process.stderr.write(`setup: ${line}\n`);
const seconds = (from = started) => `${((performance.now() - from) / 1000).toFixed(2)} s`;
const truthy = (v) => v !== undefined && /^(1|true|yes)$/i.test(v.trim());

function isRoot() {
  if (truthy(process.env.FOLIO_SETUP_ASSUME_NONROOT)) return false;
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 9)) {
    throw new SetupExit(1, `Node ${process.versions.node} is too old; Folio needs Node >= 20.9`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Debian packages

/** Which packages are wanted: all of them, minus chromium when FOLIO_CHROMIUM names a usable binary. */
function wantedPackages() {
  const custom = process.env.FOLIO_CHROMIUM;
  if (!custom) return DEBIAN_PACKAGES;
  try {
    if (!statSync(custom).isFile()) throw new Error('not a file');
    accessSync(custom, constants.X_OK);
  } catch {
    throw new SetupExit(1, `FOLIO_CHROMIUM=${custom} is not an executable file; fix the path or unset it`);
  }
  return DEBIAN_PACKAGES.filter((p) => p !== 'chromium');
}

/**
 * One dpkg-query call for all packages. Returns the missing ones, or null when dpkg-query is absent
 * (not a Debian-like system). Unknown packages make dpkg-query exit 1 and print nothing for them,
 * which is why the exit status is ignored and only "… installed" lines count.
 */
function missingPackages(packages) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...packages], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.error) {
    if (r.error.code === 'ENOENT') return null;
    throw new SetupExit(2, `could not run dpkg-query: ${r.error.message}`);
  }
  const installed = new Set();
  for (const line of r.stdout.split('\n')) {
    const [name, , , state] = line.trim().split(/\s+/);
    if (name && state === 'installed') installed.add(name.split(':')[0]);
  }
  return packages.filter((p) => !installed.has(p));
}

function aptCommand(missing) {
  return `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
}

/** True when apt has never been updated here (fresh container) or not for a week. */
function aptListsStale() {
  try {
    const hasPackages = readdirSync(APT_LISTS).some((f) => f.includes('_Packages'));
    if (!hasPackages) return true;
    return Date.now() - statSync(APT_LISTS).mtimeMs > APT_LISTS_MAX_AGE_MS;
  } catch {
    return true;
  }
}

async function ensureDebianPackages() {
  const wanted = wantedPackages();
  const missing = missingPackages(wanted);
  if (missing === null) {
    throw new SetupExit(
      1,
      [
        'dpkg-query was not found, so this is not a Debian system. Folio is set up for Debian 12 and needs',
        `these packages (or your system's equivalents): ${wanted.join(' ')}`,
        'Install them (and run `npm ci`) yourself, then set FOLIO_SKIP_SETUP=1 to skip this step.',
      ].join('\n  '),
    );
  }
  if (missing.length === 0) return [];
  if (checkOnly) {
    problems.push(`missing Debian packages: ${missing.join(' ')} (install: sudo ${aptCommand(missing)})`);
    return [];
  }
  if (!isRoot()) {
    throw new SetupExit(
      1,
      [
        `missing Debian packages: ${missing.join(' ')}`,
        `not running as root, so install them yourself and run the command again:`,
        `  sudo ${aptCommand(missing)}`,
      ].join('\n  '),
    );
  }

  const t = performance.now();
  log(`installing Debian packages: ${missing.join(' ')}`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = () => run('apt-get', ['-o', 'DPkg::Lock::Timeout=120', 'update'], aptEnv);
  const install = () =>
    run(
      'apt-get',
      ['-o', 'DPkg::Lock::Timeout=120', 'install', '-y', '--no-install-recommends', ...missing],
      aptEnv,
    );

  let updated = false;
  if (aptListsStale()) {
    await mustSucceed(update());
    updated = true;
  }
  let result = await install();
  if (result.code !== 0 && !updated) {
    log('apt-get install failed; refreshing the package lists and trying once more');
    await mustSucceed(update());
    result = await install();
  }
  await mustSucceed(result);

  const still = missingPackages(wanted) ?? wanted;
  if (still.length > 0) {
    throw new SetupExit(2, `apt-get finished but these are still not installed: ${still.join(' ')}`);
  }
  log(`Debian packages installed (${seconds(t)})`);
  return missing;
}

// ---------------------------------------------------------------------------------------------------
// npm dependencies

function lockState() {
  const lock = join(root, 'package-lock.json');
  const hasLock = existsSync(lock);
  const source = hasLock ? lock : join(root, 'package.json');
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex');
  return { hasLock, hash };
}

/** Why npm dependencies need (re)installing, or null when the stamp matches the lock file. */
function npmOutOfDate(hash) {
  const nodeModules = join(root, 'node_modules');
  if (!existsSync(nodeModules)) return 'node_modules is missing';
  let stamp;
  try {
    stamp = readFileSync(join(nodeModules, STAMP_NAME), 'utf8').trim();
  } catch {
    return 'node_modules was not installed by this script';
  }
  return stamp === hash ? null : 'package-lock.json changed since the last install';
}

async function ensureNpmDependencies() {
  const { hasLock, hash } = lockState();
  const reason = npmOutOfDate(hash);
  if (reason === null) return null;
  const command = hasLock ? 'ci' : 'install';
  if (checkOnly) {
    problems.push(`npm dependencies need installing (${reason}; run: npm ${command})`);
    return null;
  }

  const t = performance.now();
  log(`${reason}; running npm ${command}`);
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' };
  const flags = ['--no-fund', '--no-audit'];
  let result = await run('npm', [command, ...flags], env);
  let done = `npm ${command}`;
  if (result.code !== 0 && command === 'ci' && LOCK_OUT_OF_SYNC.test(result.errText)) {
    // npm ci refuses a lock file it considers out of sync with package.json (for example one that lacks
    // other platforms' optional packages). Install from it anyway, without rewriting it, and say so.
    log(
      'WARNING: npm ci says package-lock.json is out of sync with package.json; installing with ' +
        '`npm install --no-save` instead (package-lock.json is left unchanged). Regenerate and commit the lock file.',
    );
    result = await run('npm', ['install', '--no-save', ...flags], env);
    done = 'npm install --no-save (npm ci refused the lock file)';
  }
  await mustSucceed(result);
  writeFileSync(join(root, 'node_modules', STAMP_NAME), `${lockState().hash}\n`);
  log(`npm dependencies installed (${seconds(t)})`);
  return done;
}

// ---------------------------------------------------------------------------------------------------
// Child processes: output streams to our stderr (stdout stays clean); their stderr is also kept.

function run(cmd, argv, env) {
  const shown = `${cmd} ${argv.join(' ')}`;
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let errText = '';
    child.stdout.on('data', (chunk) => process.stderr.write(chunk));
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      errText = (errText + chunk.toString()).slice(-1_000_000);
    });
    child.on('error', (error) => resolve({ shown, code: -1, errText: error.message }));
    child.on('close', (code, signal) => resolve({ shown, code: code ?? -1, signal, errText }));
  });
}

async function mustSucceed(pending) {
  const r = await pending;
  if (r.code === 0) return;
  // The start of the error output usually says why, the end where the log is; skip empty `npm error` lines.
  let lines = r.errText
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '' && l !== 'npm error');
  if (lines.length > HEAD_LINES + TAIL_LINES) {
    lines = [...lines.slice(0, HEAD_LINES), '…', ...lines.slice(-TAIL_LINES)];
  }
  const why = r.signal ? `was stopped by ${r.signal}` : `failed (exit ${r.code})`;
  throw new SetupExit(
    2,
    `\`${r.shown}\` ${why}; its error output:\n${lines.map((l) => `    ${l}`).join('\n')}`,
  );
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  if (truthy(process.env.FOLIO_SKIP_SETUP) && !checkOnly) {
    log('skipped (FOLIO_SKIP_SETUP is set)');
    return 0;
  }
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0)
    throw new SetupExit(1, `unknown argument ${unknown[0]}; usage: setup.mjs [--check]`);
  checkNode();

  const installedPackages = await ensureDebianPackages();
  const npmStep = await ensureNpmDependencies();
  if (problems.length > 0) throw new SetupExit(1, `not ready:\n  ${problems.join('\n  ')}`);

  if (installedPackages.length === 0 && npmStep === null) {
    log(`all present (${seconds()})`);
  } else {
    const did = [];
    if (installedPackages.length > 0) did.push(`apt-get install ${installedPackages.join(' ')}`);
    if (npmStep) did.push(npmStep);
    log(`done in ${seconds()}: ${did.join('; ')}`);
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof SetupExit) {
    log(error.message);
    process.exitCode = error.exitCode;
  } else {
    log(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
