// Checks package-lock.json against package.json the way npm ci does, without the network: the root's declared
// ranges match, and every dependency of every locked package (optional ones too) resolves to a locked version
// that satisfies its range.
import semver from 'semver';

interface LockEntry {
  version?: string;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export interface Lock {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

export interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const KINDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/** Every disagreement, one line each; empty when npm ci would accept the lock. */
export function lockDrift(pkg: Manifest, lock: Lock): string[] {
  const problems: string[] = [];
  if (lock.lockfileVersion < 2) problems.push(`lockfileVersion ${lock.lockfileVersion}: npm 7+ writes 3`);
  const root = lock.packages[''] ?? {};
  for (const kind of KINDS) {
    const declared = pkg[kind] ?? {};
    const locked = root[kind] ?? {};
    for (const [name, range] of Object.entries(declared))
      if (locked[name] !== range)
        problems.push(`package.json ${kind}.${name} is ${range}, the lock says ${locked[name] ?? 'nothing'}`);
    for (const name of Object.keys(locked))
      if (!(name in declared)) problems.push(`the lock has ${kind}.${name}, package.json does not`);
  }
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (entry.link) continue;
    const optionalPeer = (n: string) => entry.peerDependenciesMeta?.[n]?.optional === true;
    const edges: [string, string][] = [
      ...Object.entries(entry.dependencies ?? {}),
      ...Object.entries(entry.optionalDependencies ?? {}),
      ...(path === '' ? Object.entries(entry.devDependencies ?? {}) : []),
      ...Object.entries(entry.peerDependencies ?? {}).filter(([n]) => !optionalPeer(n)),
    ];
    for (const [name, spec] of edges) {
      const found = resolve(lock, path, name);
      const who = path || 'package.json';
      if (!found) {
        problems.push(`${who} needs ${name}@${spec}: missing from the lock`);
        continue;
      }
      const range = spec.startsWith('npm:') ? spec.slice(spec.lastIndexOf('@') + 1) : spec;
      const version = found.entry.version;
      if (
        version &&
        semver.validRange(range) &&
        !semver.satisfies(version, range, { includePrerelease: true })
      )
        problems.push(`${who} needs ${name}@${spec}: the lock has ${version} at ${found.path}`);
    }
  }
  return problems;
}

/** Node's lookup: node_modules/<name> in the package's folder, then in each folder above it. */
function resolve(lock: Lock, from: string, name: string): { path: string; entry: LockEntry } | undefined {
  let dir = from;
  for (;;) {
    const path = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    let entry = lock.packages[path];
    if (entry?.link && entry.resolved) entry = lock.packages[entry.resolved];
    if (entry) return { path, entry };
    if (!dir) return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}
