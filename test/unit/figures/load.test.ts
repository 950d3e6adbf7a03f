// loadFigures on fixture files: the three formats agree, and each bad file fails at the right place.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { FolioErrors, type FolioError } from '../../../src/errors/FolioError.ts';
import type { ErrorCode } from '../../../src/errors/catalogue.ts';
import { loadFigures, loadFiguresModule, parseFigures } from '../../../src/figures/load.ts';
import type { Figure } from '../../../src/figures/schema.ts';

const dir = (name: string) => fileURLToPath(new URL(`../../fixtures/figures/${name}`, import.meta.url));

/** Figures without where they came from, so the formats can be compared. */
function data(figures: Map<string, Figure>) {
  return [...figures.values()].map(({ file: _file, line: _line, ...f }) => f);
}

describe('good files', () => {
  test('yaml, json and ts give the same figures in the same order', async () => {
    const [yaml, json, ts] = await Promise.all(['yaml', 'json', 'ts'].map((d) => loadFigures(dir(d))));
    expect(data(json!.figures)).toEqual(data(yaml!.figures));
    expect(data(ts!.figures)).toEqual(data(yaml!.figures));
    expect([...yaml!.figures.keys()]).toEqual([
      'employment.newUrbanJobs',
      'employment.unemploymentRate',
      'income.urban',
      'income.rural',
      'safety.accidents.fatal',
      'honours.doubleSupport',
    ]);
  });

  test('defaults are applied and the file is named', async () => {
    const { file, figures } = await loadFigures(dir('yaml'));
    expect(file).toBe(dir('yaml/figures.yaml'));
    expect(figures.get('employment.newUrbanJobs')).toMatchObject({ kind: 'count', value: 476500, file });
  });

  test.each([
    ['yaml', [3, 8, 15, 21, 24, 31]],
    ['json', [3, 4, 13, 20, 24, 34]],
    ['ts', [6, 7, 16, 23, 27, 31]],
  ])('each %s figure has the line of its key', async (format, lines) => {
    const { figures } = await loadFigures(dir(format));
    expect([...figures.values()].map((f) => f.line)).toEqual(lines);
  });
});

describe('finding the file', () => {
  test('none', async () => {
    await expect(loadFigures(dir('missing'))).rejects.toMatchObject({ code: 'FiguresMissing' });
  });
  test('several', async () => {
    const e = await loadFigures(dir('ambiguous')).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'FiguresAmbiguous' });
    expect((e as FolioError<'FiguresAmbiguous'>).details.files.map((f) => f.split('/').pop())).toEqual([
      'figures.yaml',
      'figures.json',
    ]);
  });
  test('no such folder', async () => {
    await expect(loadFigures(dir('nope'))).rejects.toMatchObject({ code: 'EditionNotFound' });
  });
});

/** Loads one bad fixture and returns the error it throws. */
async function failure(name: string): Promise<FolioError> {
  const file = dir(`bad/${name}`);
  try {
    if (name.endsWith('.ts')) await loadFiguresModule(file);
    else parseFigures(readFileSync(file, 'utf8'), file);
  } catch (e) {
    if (e instanceof FolioErrors) throw new Error(`expected one error, got: ${e.message}`);
    return e as FolioError;
  }
  throw new Error(`${name} loaded without an error`);
}

describe('bad files fail with a code and a position', () => {
  test.each<[string, ErrorCode, number, number, RegExp]>([
    ['syntax.yaml', 'YamlSyntax', 4, 11, /closing "quote/],
    ['syntax.json', 'JsonSyntax', 4, 5, /Expected ',' or '}' after property value/],
    ['duplicate.yaml', 'FigureDuplicate', 10, 3, /employment\.newUrbanJobs .*duplicate\.yaml:2/],
    ['duplicate.json', 'FigureDuplicate', 4, 5, /employment\.schools .*duplicate\.json:3/],
    ['value-string.yaml', 'FigureInvalid', 8, 12, /"value" must be a number, not the text "abc"/],
    ['value-string.json', 'FigureInvalid', 4, 16, /"value" must be a number, not the text "abc"/],
    ['value-string.ts', 'FigureInvalid', 9, 7, /"value" must be a number, not the text "abc"/],
    ['missing-unit.yaml', 'FigureInvalid', 3, 3, /"unit" is required/],
    ['missing-unit.json', 'FigureInvalid', 3, 5, /"unit" is required/],
    ['missing-unit.ts', 'FigureInvalid', 7, 5, /"unit" is required/],
    ['unknown-field.yaml', 'FigureInvalid', 6, 5, /"units" is not a figure field \(did you mean "unit"\?\)/],
    ['unknown-field.json', 'FigureInvalid', 7, 7, /"units" is not a figure field/],
    ['bad-id.yaml', 'FigureIdInvalid', 2, 3, /"2020"/],
    ['not-a-figure.yaml', 'FigureInvalid', 2, 12, /expected a figure .* not number 58/],
    ['throws.ts', 'FiguresModule', 0, 0, /boom at import/],
  ])('%s → %s at %i:%i', async (name, code, line, column, message) => {
    const e = await failure(name);
    expect(e.code).toBe(code);
    expect(e.position).toEqual({ file: dir(`bad/${name}`), line, column });
    expect(e.message).toMatch(message);
  });

  test('a figures.ts that does not compile fails where the compiler says', async () => {
    // Written at test time: a fixture with a syntax error would break tsc and eslint on the repo.
    const file = join(mkdtempSync(join(tmpdir(), 'folio-figures-')), 'figures.ts');
    writeFileSync(file, "export default {\n  a: { value: 1, unit: '个' label: 'x' },\n};\n");
    const e = await loadFiguresModule(file).catch((x: unknown) => x as FolioError);
    expect(e).toMatchObject({ code: 'FiguresModule', position: { file, line: 2, column: 28 } });
  });

  test('several problems are reported together, in line order', () => {
    const text = 'a:\n  x: { value: "1", unit: 个, label: x }\n  y: { value: 2, label: y }\n';
    const e = (() => {
      try {
        parseFigures(text, 'figures.yaml');
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(FolioErrors);
    expect((e as FolioErrors).errors.map((x) => [x.code, x.position?.line])).toEqual([
      ['FigureInvalid', 2],
      ['FigureInvalid', 3],
    ]);
  });

  test('JSON that YAML would accept is still a JSON error', () => {
    expect(() =>
      parseFigures('{ "a": { "b": { "value": 1, "unit": "个", "label": "x" }, } }', 'f.json'),
    ).toThrow(
      expect.objectContaining({ code: 'JsonSyntax', position: { file: 'f.json', line: 1, column: 58 } }),
    );
  });

  test('an empty YAML file has no figures', () => {
    expect(parseFigures('# nothing yet\n', 'figures.yaml').size).toBe(0);
  });
});
