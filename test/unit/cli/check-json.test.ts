// `folio check --json` prints one shape — edition, ok, counts, errors, warnings — whatever the outcome.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../../src/check.ts';
import { copyEdition, edit, folio } from '../../helpers/edition.ts';

const KEYS = ['counts', 'edition', 'errors', 'ok', 'warnings'];
const COUNT_KEYS = ['errors', 'figures', 'references', 'warnings'];

function run(dir: string) {
  const r = folio(['check', dir, '--json']);
  const lines = r.stdout.trim().split('\n');
  expect(lines, r.stdout).toHaveLength(1);
  const json = JSON.parse(lines[0]!);
  expect(Object.keys(json).sort()).toEqual(KEYS);
  expect(Object.keys(json.counts).sort()).toEqual(COUNT_KEYS);
  return { code: r.code, json, stderr: r.stderr };
}

describe('folio check --json', () => {
  it('on success carries the counts the text output gives', async () => {
    const dir = 'content/taiyuan-five-years';
    const checked = await checkEdition(dir);
    const { code, json } = run(dir);
    expect(code).toBe(0);
    expect(json).toMatchObject({ edition: 'taiyuan-five-years', ok: true, errors: [] });
    expect(json.counts).toEqual({
      errors: 0,
      warnings: checked.warnings.length,
      figures: checked.figures.figures.size,
      references: checked.uses.length,
    });
    expect(json.warnings).toHaveLength(checked.warnings.length);
  });

  it('on failure has the same shape, every error with its position', () => {
    const dir = copyEdition();
    const a = edit(join(dir, 'article.md'), '{{employment.newUrbanJobs}}', '{{employment.nope}}');
    const b = edit(join(dir, 'article.md'), '{{income.urbanPerCapita}}', '{{income.nope}}');
    const { code, json, stderr } = run(dir);
    expect(code).toBe(1);
    expect(json.ok).toBe(false);
    expect(json.edition).toBe('taiyuan-five-years');
    expect(json.counts).toEqual({ errors: 2, warnings: 0, figures: null, references: null });
    expect(json.errors.map((e: { line: number }) => e.line).sort()).toEqual([a.line, b.line].sort());
    expect(json.errors[0]).toMatchObject({ code: 'UnknownFigure', file: join(dir, 'article.md') });
    expect(stderr).toMatch(/unknown figure "employment\.nope"/);
  });

  it('an edition that is not there is the same shape too', () => {
    const { code, json } = run('content/no-such-edition');
    expect(code).toBe(1);
    expect(json).toMatchObject({ edition: 'no-such-edition', ok: false, counts: { errors: 1 } });
    expect(json.errors[0].code).toBe('EditionNotFound');
  });
});
