// Font preparation: cache keys, a real (small) CFF → TrueType conversion, cache hits, abort and errors.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { fontCharSet } from '../../../src/fonts/charset.ts';
import { FACES } from '../../../src/fonts/faces.ts';
import { fontCacheKey, prepareFonts } from '../../../src/fonts/prepare.ts';

const TMP = fileURLToPath(new URL(`../../.tmp/fonts-prepare-${process.pid}`, import.meta.url));
const TEXT = '这五年，太原发生了哪些变化——从数字亮点看太原发展。为民事事，为民造福。';

afterAll(() => rm(TMP, { recursive: true, force: true }));

describe('fontCharSet and fontCacheKey', () => {
  it('always includes digits, Latin, CJK punctuation and fullwidth forms, once each and sorted', () => {
    const set = fontCharSet('太原太原\n\t');
    for (const c of '0123456789AZaz%，。、；：？！“”‘’（）《》—…·～×０Ａｚ') expect(set).toContain(c);
    expect(set).not.toMatch(/[\n\t]/);
    expect([...set].filter((c) => c === '太')).toHaveLength(1);
    const codes = [...set].map((c) => c.codePointAt(0) ?? 0);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
  });

  it('keeps the key when a figure changes only its digits or units, changes it for new characters', async () => {
    const before = await fontCacheKey('城镇累计新增就业47.65万人，失业率4%以内');
    expect(await fontCacheKey('城镇累计新增就业52.1亿人，失业率3.8%以内')).toBe(before);
    expect(await fontCacheKey('城镇累计新增就业47.65万人，失业率4%以内，财政')).not.toBe(before);
  });
});

/** Reads what fontTools sees in a converted font (Debian's python has fontTools). */
function inspect(file: string): { tables: string[]; family: string; style: string; weight: number } {
  const script = `import json, sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
print(json.dumps({"tables": sorted(f.keys()), "family": f["name"].getDebugName(1),
  "style": f["name"].getDebugName(2), "weight": f["OS/2"].usWeightClass}))`;
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }),
  ) as ReturnType<typeof inspect>;
}

describe('prepareFonts (real conversion of a few dozen characters)', () => {
  const cacheDir = path.join(TMP, 'cache');

  it('converts four TrueType faces, then serves them from the cache', { timeout: 30_000 }, async () => {
    const first = await prepareFonts({ chars: TEXT, cacheDir });
    expect(first.converted, 'the first call must convert').toBe(true);
    expect(first.families).toEqual({ serif: 'Folio Serif SC', sans: 'Folio Sans SC' });
    expect((await readdir(first.fontDir)).sort()).toEqual(FACES.map((f) => f.file).sort());

    for (const face of FACES) {
      const info = inspect(path.join(first.fontDir, face.file));
      expect(info.tables, `${face.file} must have TrueType outlines`).toContain('glyf');
      expect(info.tables, `${face.file} must not keep CFF outlines`).not.toContain('CFF ');
      expect(info, face.file).toMatchObject({
        family: face.family,
        style: face.style,
        weight: face.style === 'Bold' ? 700 : 400,
      });
    }

    // fontconfig (what Chromium asks) finds the Bold file for weight 700.
    const env = { ...process.env, FONTCONFIG_FILE: first.fontconfigFile };
    const match = (pattern: string): string =>
      execFileSync('fc-match', ['--format=%{file}', pattern], { env, encoding: 'utf8' });
    expect(match('Folio Sans SC:bold')).toBe(path.join(first.fontDir, 'FolioSansSC-Bold.ttf'));
    expect(match('Folio Serif SC')).toBe(path.join(first.fontDir, 'FolioSerifSC-Regular.ttf'));

    const again = await prepareFonts({ chars: TEXT, cacheDir });
    expect(again, 'a repeat build must not convert again').toEqual({ ...first, converted: false });

    const fewer = await prepareFonts({ chars: '太原发展，2025年47.65万', cacheDir });
    expect(fewer, 'a subset of cached characters is a cache hit').toEqual({ ...first, converted: false });
  });

  it('kills the conversion on abort and leaves no half-written entry', { timeout: 30_000 }, async () => {
    const dir = path.join(TMP, 'abort');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const error = await prepareFonts({
      chars: TEXT + '中止',
      cacheDir: dir,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).code).toBe('Aborted');
    expect(Date.now() - started, 'abort must not wait for the conversion').toBeLessThan(2000);
    expect(await readdir(dir)).toEqual([]);
    const alive = spawnSync('pgrep', ['-f', `convert.py.*${dir}`], { encoding: 'utf8' }).stdout;
    expect(alive, 'convert.py processes survived the abort').toBe('');
  });

  it('reports a failing converter as FontPrepareFailed with its stderr, not a stack trace', async () => {
    const fake = path.join(TMP, 'fake-python');
    await mkdir(TMP, { recursive: true });
    await writeFile(fake, '#!/bin/sh\necho "convert.py: something broke in the font" >&2\nexit 1\n');
    await chmod(fake, 0o755);
    const saved = process.env.FOLIO_PYTHON;
    process.env.FOLIO_PYTHON = fake;
    try {
      const error = (await prepareFonts({ chars: TEXT + '失败', cacheDir: path.join(TMP, 'fail') }).catch(
        (e: unknown) => e,
      )) as FolioError<'FontPrepareFailed'>;
      expect(error).toBeInstanceOf(FolioError);
      expect(error.code).toBe('FontPrepareFailed');
      expect(error.details.detail).toContain('convert.py: something broke in the font');
      expect(error.format()).not.toMatch(/\n\s+at /);

      process.env.FOLIO_PYTHON = path.join(TMP, 'no-such-python');
      const missing = (await prepareFonts({ chars: TEXT + '失败', cacheDir: path.join(TMP, 'fail') }).catch(
        (e: unknown) => e,
      )) as FolioError<'FontPrepareFailed'>;
      expect(missing.code).toBe('FontPrepareFailed');
      expect(missing.details.detail).toMatch(/cannot run .*no-such-python/);
    } finally {
      if (saved === undefined) delete process.env.FOLIO_PYTHON;
      else process.env.FOLIO_PYTHON = saved;
    }
  });
});
