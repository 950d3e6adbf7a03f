// strictNumbers (on in the examples): a statistic typed by hand into the prose fails folio check at its
// line:col, unless it is a declared literal; without the setting only numbers equal to a figure warn.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../../src/check.ts';
import { FolioError, FolioErrors } from '../../../src/errors/FolioError.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';

const PHRASE = '坚决打赢打好脱贫攻坚战';

async function errorsOf(dir: string): Promise<FolioError[]> {
  const err = await checkEdition(dir).catch((e: unknown) => e);
  if (err instanceof FolioErrors) return err.errors;
  expect(err).toBeInstanceOf(FolioError);
  return [err as FolioError];
}

describe('strictNumbers', () => {
  it('is on in the examples, and they pass it', async () => {
    for (const ed of ['content/taiyuan-five-years', 'content/taiyuan-work-report']) {
      const { source } = await checkEdition(ed);
      expect(source.config.strictNumbers, ed).toBe(true);
    }
  });

  it('a hand-typed “突破12亿元” is an error at its digits', async () => {
    const dir = copyEdition();
    const at = edit(join(dir, 'article.md'), PHRASE, `投资突破12亿元，${PHRASE}`);
    const errors = await errorsOf(dir);
    expect(errors.map((e) => e.code)).toEqual(['HandTypedNumber']);
    expect(errors[0]!.position).toEqual({
      file: join(dir, 'article.md'),
      line: at.line,
      column: at.column + 4,
    });
    expect(errors[0]!.message).toContain('"12"');
  });

  it('one equal to a figure names the figure to write instead', async () => {
    const dir = copyEdition();
    edit(join(dir, 'article.md'), PHRASE, `新增就业47.65万人，${PHRASE}`);
    const [e] = await errorsOf(dir);
    expect(e!.hint).toBe('write {{employment.newUrbanJobs}} instead');
  });

  it('a number listed in literals passes', async () => {
    const dir = copyEdition();
    edit(join(dir, 'article.md'), PHRASE, `投资突破12亿元，${PHRASE}`);
    edit(join(dir, 'edition.yaml'), 'literals:\n', "literals:\n  - '12亿元'\n");
    await expect(checkEdition(dir)).resolves.toBeDefined();
  });

  it('off, a hand-typed number that equals no figure passes as before', async () => {
    const dir = copyEdition();
    edit(join(dir, 'edition.yaml'), 'strictNumbers: true', 'strictNumbers: false');
    edit(join(dir, 'article.md'), PHRASE, `投资突破12亿元，${PHRASE}`);
    const { warnings } = await checkEdition(dir);
    expect(warnings.filter((w) => w.code === 'HandTypedFigure')).toEqual([]);
  });
});
