// An article too long for its module fails the build, naming the module, page and overflow in mm.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../../src/pipeline.ts';
import { FolioError, FolioErrors } from '../../../src/errors/FolioError.ts';
import { copyEdition, folio, messages } from '../../helpers/edition.ts';

/** Section 11 gets its own text 25 more times: far more than its module holds. */
function overfill(): string {
  const dir = copyEdition('taiyuan-five-years');
  const file = join(dir, 'article.md');
  const text = readFileSync(file, 'utf8');
  const para =
    '人大围绕重点领域谋划和推进立法、监督等工作，制定出台海绵城市建设管理、大气污染防治、城乡社区治理促进条例等一批引领性法规。';
  writeFileSync(file, text.replace(`${para}\n`, `${para}\n\n${Array(25).fill(para).join('\n\n')}\n`));
  return dir;
}

describe('overset', () => {
  it('fails the build and names the module, its page and the overflow in mm', async () => {
    const dir = overfill();
    const err = await build([dir], { outDir: mkdtempSync(join(tmpdir(), 'folio-ov-')), draft: true }).catch(
      (e) => e,
    );
    const errors = err instanceof FolioErrors ? err.errors : [err];
    const overset = errors.filter((e): e is FolioError => e instanceof FolioError && e.code === 'Overset');
    expect(overset.map((e) => (e.details as { module: string }).module)).toEqual(['s11']);
    const d = overset[0]!.details as { page: number; overflowMm: number };
    expect(d.page).toBe(4);
    expect(d.overflowMm).toBeGreaterThan(10);
    expect(overset[0]!.position?.file).toBe(join(dir, 'article.md'));
  }, 120_000);

  it('only warns with --allow-overset, and writes the PDF', () => {
    const dir = overfill();
    const out = mkdtempSync(join(tmpdir(), 'folio-ov-'));
    const r = folio(['build', dir, '--out', out, '--draft', '--allow-overset']);
    expect(r.code, r.stderr).toBe(0);
    // Fitting the other modules may warn too (loose lines, underset); overset is reported once.
    const lines = messages(r.stderr).filter((l) => l.includes('overset'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /article\.md:\d+:\d+: warning: overset: module "s11" .*on page 4 .*by \d+\.\d mm/,
    );
  }, 120_000);
});
