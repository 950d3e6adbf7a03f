// Real Chromium, killed in the middle of a build: the build ends within seconds with a clear message.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FolioError } from '../../../src/errors/FolioError.ts';
import { prepareFonts } from '../../../src/fonts/prepare.ts';
import { launchBrowser } from '../../../src/paginate/browser.ts';
import { closeBrowser } from '../../../src/paginate/lost.ts';
import { build } from '../../../src/pipeline.ts';
import { describeChange, type ChangeResult } from '../../../src/watch/report.ts';

it('a Chromium that dies mid-build ends it with BrowserCrashed, and closing the dead one returns', async () => {
  const fonts = await prepareFonts({ chars: '' });
  const browser = await launchBrowser({ fontconfigFile: fonts.fontconfigFile });
  const outDir = mkdtempSync(join(tmpdir(), 'folio-crash-'));
  let killedAt = 0;
  const log = (line: string) => {
    if (line.includes('paginating') && !killedAt) {
      killedAt = Date.now();
      browser.process()?.kill('SIGKILL');
    }
  };
  const err = await build(['content/taiyuan-five-years'], { outDir, draft: true, browser, log }).catch(
    (e: unknown) => e,
  );
  expect(killedAt).toBeGreaterThan(0);
  expect(Date.now() - killedAt).toBeLessThan(10_000); // the default --timeout is 60 s: this was not it
  expect(err).toBeInstanceOf(FolioError);
  expect((err as FolioError).code).toBe('BrowserCrashed');
  expect((err as FolioError).message).toContain('Chromium exited or was killed during the build');
  const closing = Date.now();
  await closeBrowser(browser, 2000);
  expect(Date.now() - closing).toBeLessThan(4000);
});

it('a watch whose render failed says whether a good PDF is there to keep', () => {
  const failed: ChangeResult = {
    ...{ ok: false, mode: 'failed', ms: 5 },
    ...{ paths: [], figures: [], modules: [], pages: [] },
  };
  const error = new FolioError('Aborted', {});
  expect(describeChange({ ...failed, error, kept: false }, '.').at(-1)).toMatch(/no PDF written yet/);
  expect(describeChange({ ...failed, error, kept: true }, '.').at(-1)).toMatch(/kept the last good PDF/);
});
