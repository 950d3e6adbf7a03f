// The CLI lists a few warnings of one kind and sums up many (one line with the first), --verbose lists all.
import { join } from 'node:path';
import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { warningLines } from '../../../src/cli/warnings.ts';
import type { Warning } from '../../../src/errors/FolioError.ts';
import { copyEdition, folio } from '../../helpers/edition.ts';

const loose = (n: number): Warning[] =>
  Array.from({ length: n }, (_, i) => ({
    code: 'LooseLine',
    message: `loose line ${i + 1}`,
    file: '/ed/a.md',
    line: 10 + i,
    column: 1,
  }));

describe('warningLines', () => {
  it('lists three of a kind, sums up twelve in one line naming the first and the count', () => {
    const unused: Warning = { code: 'FigureUnused', message: 'figure x unused', file: '/ed/f.yaml', line: 3 };
    expect(warningLines([...loose(3), unused], false, '/ed')).toHaveLength(4);
    const lines = warningLines([...loose(12), unused], false, '/ed');
    expect(lines).toEqual([
      'a.md:10:1: warning: loose line 1 — and 11 more LooseLine warnings (a line is set too loosely); --verbose lists them all',
      'f.yaml:3:1: warning: figure x unused',
    ]);
  });

  it('--verbose lists every one', () => {
    expect(warningLines(loose(12), true, '/ed')).toHaveLength(12);
  });
});

describe('folio check', () => {
  const unusedFigures = () => {
    const dir = copyEdition();
    const extra = Array.from(
      { length: 6 },
      (_, i) => `  spare${i}: { value: ${i + 1}, unit: 个, label: 备用${i} }`,
    ).join('\n');
    appendFileSync(join(dir, 'figures.yaml'), `\nspares:\n${extra}\n`);
    return dir;
  };

  it('prints six unused figures as one line, and all six with --verbose', () => {
    const dir = unusedFigures();
    const warnings = (r: { stderr: string }) => r.stderr.split('\n').filter((l) => l.includes('warning:'));
    const short = folio(['check', dir]);
    expect(short.code, short.stderr).toBe(0);
    expect(warnings(short)).toHaveLength(1);
    expect(warnings(short)[0]).toMatch(/spares\.spare0 .* and 5 more FigureUnused warnings/);
    const long = folio(['check', dir, '--verbose']);
    expect(warnings(long)).toHaveLength(6);
  });
});
