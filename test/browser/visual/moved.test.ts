// The visual comparison is sharp enough to catch a block moved on the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expect, it } from 'vitest';
import { build } from '../../../src/pipeline.ts';
import { copyEdition, edit } from '../../helpers/edition.ts';
import { compare, rasterise, refPath, TOLERANCE } from './raster.ts';

it('fails when two modules swap places', async () => {
  const dir = copyEdition('taiyuan-five-years');
  // s09 and s10 trade their grid areas: same content, moved blocks.
  const yaml = join(dir, 'edition.yaml');
  edit(yaml, 's09  s09  s09  s10  s10', 's10  s10  s10  s09  s09');
  const out = mkdtempSync(join(tmpdir(), 'folio-moved-'));
  const [r] = await build([dir], { outDir: out, draft: true, allowOverset: true });
  const [page] = rasterise(r!.outputs['pdf']!);
  const d = compare(readFileSync(refPath('taiyuan-five-years', 0)), page!);
  expect(d.ratio).toBeGreaterThan(TOLERANCE);
}, 120_000);
