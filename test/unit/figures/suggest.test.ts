// suggestIds: the "did you mean" list for unknown figure ids.
import { describe, expect, test } from 'vitest';
import { levenshtein, suggestIds } from '../../../src/figures/suggest.ts';

const known = [
  'employment.newUrbanJobs',
  'employment.unemploymentRate',
  'income.urban',
  'income.rural',
  'education.newSchools',
  'education.newPlaces',
  'honours.doubleSupport',
];

describe('suggestIds', () => {
  test.each([
    ['a typo', 'employment.newUrbanJob', ['employment.newUrbanJobs']],
    ['a wrong group', 'education.newUrbanJobs', ['employment.newUrbanJobs']],
    ['a missing group', 'newUrbanJobs', ['employment.newUrbanJobs']],
    ['wrong case', 'Income.Urban', ['income.urban']],
    ['a swapped letter in the group', 'incmoe.rural', ['income.rural']],
    ['two near misses', 'income.rurban', ['income.urban', 'income.rural']],
    ['nothing close', 'weather.rainfall', []],
  ])('%s: %s', (_name, id, expected) => expect(suggestIds(id, known)).toEqual(expected));

  test('closest first, at most max', () => {
    expect(suggestIds('education.newPlace', known, 1)).toEqual(['education.newPlaces']);
    expect(suggestIds('education.newSchool', known, 5)).toEqual(['education.newSchools']);
  });

  test('an exact id is not its own suggestion', () => {
    expect(suggestIds('income.urban', known)).not.toContain('income.urban');
  });

  test('accepts any iterable, e.g. a Map’s keys', () => {
    expect(suggestIds('income.rurl', new Map(known.map((k) => [k, 1])).keys())).toEqual(['income.rural']);
  });
});

describe('levenshtein', () => {
  test.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['城镇', '城乡', 1],
  ])('%s → %s = %i', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });
});
