// Figures that pass the schema but are unlikely — a share over 100%, a negative count, a rank of 0, a value
// of 1e308 — are FigureImplausible warnings at the value's line and column; ordinary figures are not.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../../src/check.ts';
import { parseFigures } from '../../../src/figures/load.ts';
import { implausibleFigures } from '../../../src/figures/plausible.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';

function warningsFor(yaml: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'folio-plaus-')), 'figures.yaml');
  writeFileSync(file, yaml);
  return implausibleFigures(parseFigures(yaml, file)).map((w) => ({ ...w, file: 'figures.yaml' }));
}

describe('implausible figures', () => {
  it.each([
    [
      'a share over 100%',
      "a:\n  x: { value: 120, unit: '%', kind: percent, label: 覆盖率 }",
      'outside 0–100%',
    ],
    [
      'a negative count',
      'a:\n  x: { value: -47.65, unit: 万人, kind: count, label: 就业 }',
      'negative count',
    ],
    ['a rank of 0', 'a:\n  x: { value: 0, unit: 位, kind: rank, label: 排名 }', 'not a rank'],
    ['a 309-digit number', 'a:\n  x: { value: 1e308, unit: 元, kind: money, label: 收入 }', '309-digit'],
  ])('%s is a warning at its value', (_what, yaml, words) => {
    const w = warningsFor(yaml);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'FigureImplausible', line: 2, column: 15 });
    expect(w[0]!.message).toContain(words);
  });

  it('points at value: in a block mapping, lines below the id', () => {
    const w = warningsFor('a:\n  x:\n    label: 就业\n    unit: 人\n    value: -3\n');
    expect(w[0]).toMatchObject({ line: 5, column: 12 });
  });

  it('leaves ordinary figures, a fall written as a change, and a completion rate over 100% alone', () => {
    const yaml = [
      'a:',
      "  share: { value: 93.7, unit: '%', kind: percent, label: 覆盖率 }",
      "  fall: { value: -7.5, unit: '%', kind: change, label: 事故下降 }",
      "  done: { value: 143, unit: '%', kind: percent, label: 重点工程投资完成率 }",
      '  big: { value: 1.93, unit: 亿元, kind: money, label: 投资 }',
      '  first: { value: 1, unit: 位, kind: rank, label: 排名 }',
    ].join('\n');
    expect(warningsFor(yaml)).toEqual([]);
  });

  it('folio check reports one for a seed figure made negative', async () => {
    const dir = copyEdition();
    const at = edit(join(dir, 'figures.yaml'), 'value: 47.65', 'value: -47.65');
    const { warnings } = await checkEdition(dir);
    const w = warnings.filter((x) => x.code === 'FigureImplausible');
    expect(w).toEqual([
      expect.objectContaining({ file: join(dir, 'figures.yaml'), line: at.line, column: at.column + 7 }),
    ]);
  });
});
