// Builds the example editions once for every test file that checks real output (e2e, visual).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../../src/pipeline.ts';
import type { BuildResult } from '../../src/output/report.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    built: { outDir: string; results: BuildResult[] };
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'folio-built-'));
  const results = await build(['content/taiyuan-five-years', 'content/taiyuan-work-report'], { outDir });
  project.provide('built', { outDir, results });
}
