// package-lock.json agrees with package.json (npm ci would accept it), checked offline; and the check itself
// finds each kind of drift that made npm ci refuse the lock before.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lockDrift, type Lock, type Manifest } from '../../helpers/lock.ts';

const pkg = (): Manifest => JSON.parse(readFileSync('package.json', 'utf8'));
const lock = (): Lock => JSON.parse(readFileSync('package-lock.json', 'utf8'));

it('package-lock.json is in sync with package.json', () => {
  expect(lockDrift(pkg(), lock())).toEqual([]);
});

describe('the check finds drift', () => {
  it('a dependency added to package.json only', () => {
    const p = pkg();
    p.dependencies = { ...p.dependencies, 'left-pad': '^1.3.0' };
    expect(lockDrift(p, lock())).toContain(
      'package.json dependencies.left-pad is ^1.3.0, the lock says nothing',
    );
  });

  it('a range changed in package.json', () => {
    const p = pkg();
    p.dependencies = { ...p.dependencies, yaml: '^1.0.0' };
    expect(lockDrift(p, lock()).join('\n')).toMatch(/dependencies\.yaml is \^1\.0\.0, the lock says \^2/);
  });

  it("a platform's optional package missing from the lock (the @rollup/rollup-* case)", () => {
    const l = lock();
    const [path, entry] = Object.entries(l.packages).find(([, e]) => e.optionalDependencies)!;
    const [name] = Object.keys(entry.optionalDependencies!);
    delete l.packages[`node_modules/${name}`];
    delete l.packages[`${path}/node_modules/${name}`];
    expect(lockDrift(pkg(), l).join('\n')).toContain(`${path} needs ${name}@`);
  });

  it('a locked version outside the range', () => {
    const l = lock();
    l.packages['node_modules/yaml'] = { ...l.packages['node_modules/yaml'], version: '1.10.2' };
    expect(lockDrift(pkg(), l).join('\n')).toMatch(
      /package\.json needs yaml@\^2[\d.]+: the lock has 1\.10\.2/,
    );
  });
});
