// Bad input: one `file:line:col: what — what to do` line, exit 1, no stack trace (via the real CLI).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyEdition, edit, folio, messages } from '../../helpers/edition.ts';

function expectOneMessage(stderr: string, pattern: RegExp): void {
  const lines = messages(stderr);
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('folio check on broken editions', () => {
  it('names an unknown figure id with its position and the nearest ids', () => {
    const dir = copyEdition();
    const at = edit(join(dir, 'article.md'), '{{employment.newUrbanJobs}}', '{{employment.newUrbanJob}}');
    const r = folio(['check', dir]);
    expect(r.code).toBe(1);
    expectOneMessage(
      r.stderr,
      new RegExp(
        `article\\.md:${at.line}:${at.column}: unknown figure "employment\\.newUrbanJob" — did you mean "employment\\.newUrbanJobs"`,
      ),
    );
  });

  it('points at malformed front matter YAML', () => {
    const dir = copyEdition();
    const at = edit(join(dir, 'article.md'), 'title: ', 'title: [');
    const r = folio(['check', dir]);
    expect(r.code).toBe(1);
    expectOneMessage(r.stderr, /article\.md:\d+:\d+: YAML syntax error/);
    // The YAML parser notices an unclosed [ where the flow should have ended: at or just after it.
    expect(Number(/article\.md:(\d+)/.exec(r.stderr)?.[1]) - at.line).toBeLessThanOrEqual(1);
  });

  it('points at a figure with a wrong type', () => {
    const dir = copyEdition();
    const at = edit(join(dir, 'figures.yaml'), 'value: 47.65', 'value: 四十七');
    const r = folio(['check', dir]);
    expect(r.code).toBe(1);
    expectOneMessage(
      r.stderr,
      new RegExp(`figures\\.yaml:${at.line}:\\d+: figure employment\\.newUrbanJobs: "value"`),
    );
  });

  it('points at broken figures YAML', () => {
    const dir = copyEdition();
    const at = edit(join(dir, 'figures.yaml'), 'unit: 万人', 'unit: "万人');
    const r = folio(['check', dir]);
    expect(r.code).toBe(1);
    expectOneMessage(r.stderr, /figures\.yaml:\d+:\d+: YAML syntax error/);
    expect(Number(/figures\.yaml:(\d+)/.exec(r.stderr)?.[1])).toBeGreaterThanOrEqual(at.line);
  });

  it('points at front matter that disagrees with edition.yaml', () => {
    const dir = copyEdition();
    const at = edit(join(dir, 'article.md'), 'page: 4', 'page: 5');
    const r = folio(['check', dir]);
    expect(r.code).toBe(1);
    expectOneMessage(
      r.stderr,
      new RegExp(
        `article\\.md:${at.line}:1: front matter field "page": is 5 but the edition's pages are 4 — `,
      ),
    );
  });

  it('says so when the edition folder does not exist', () => {
    const r = folio(['check', 'content/no-such-edition']);
    expect(r.code).toBe(1);
    expectOneMessage(r.stderr, /no-such-edition: edition folder not found: \S+ — pass a folder/);
  });

  it('exits 0 and prints the JSON findings for a clean edition', () => {
    const r = folio(['check', 'content/taiyuan-five-years', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ edition: 'taiyuan-five-years', errors: [] });
  });
});
