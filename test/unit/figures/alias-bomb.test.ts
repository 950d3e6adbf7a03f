// A YAML alias bomb in the figures file is a catalogue error at the figure, not an internal error or a hang.
import { expect, it } from 'vitest';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { parseFigures } from '../../../src/figures/load.ts';

/** Ten levels of nine aliases each: 9^10 strings if expanded in full. */
function bomb(): string {
  const names = 'abcdefghij';
  const lines = ['  a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < names.length; i++) {
    const p = names[i - 1]!;
    lines.push(`  ${names[i]}: &${names[i]} [${Array(9).fill(`*${p}`).join(', ')}]`);
  }
  return lines.join('\n');
}

it('refuses an alias bomb inside a figure with the file, the line and what to do', () => {
  const text = `anchors:\n${bomb()}\njobs:\n  urban:\n    value: 1\n    unit: 人\n    label: 就业\n    note: *j\n`;
  const err = (() => {
    try {
      parseFigures(text, '/ed/figures.yaml');
    } catch (e) {
      return e;
    }
  })();
  expect(err).toBeInstanceOf(FolioError);
  const e = err as FolioError;
  expect(e.code).toBe('YamlSyntax');
  expect(e.message).toContain('alias bomb');
  // The figure that pulls the bomb in: `urban:` on line 13.
  expect(e.position).toEqual({ file: '/ed/figures.yaml', line: 13, column: 3 });
});

it('still reads a figure that uses an alias', () => {
  const text =
    'jobs:\n  urban: { value: 1, unit: 人, label: &l 就业 }\n  rural: { value: 2, unit: 人, label: *l }\n';
  expect(parseFigures(text, '/ed/figures.yaml').get('jobs.rural')?.label).toBe('就业');
});
