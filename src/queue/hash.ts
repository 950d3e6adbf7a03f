// The job id of an edition: a hash of every file in its folder and of the build options, so adding the
// same edition twice (unchanged, to the same place) finds the job already there.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { EditionJob } from '../batch/outcome.ts';

export async function editionHash(job: EditionJob): Promise<string> {
  const h = createHash('sha256');
  const { dir, outDir, draft, allowOverset } = job;
  h.update(JSON.stringify({ outDir, draft: Boolean(draft), allowOverset: Boolean(allowOverset) }));
  for (const file of await files(dir, outDir)) {
    h.update(`\0${relative(dir, file)}\0`);
    h.update(await readFile(file));
  }
  // A custom BullMQ id must not look like a number; the prefix makes sure it never does.
  return `e${h.digest('hex').slice(0, 32)}`;
}

/** Files under dir, sorted, without dot files and without an output folder placed inside it. */
async function files(dir: string, skip: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, d.name);
    if (d.name.startsWith('.') || p === skip) continue;
    if (d.isDirectory()) out.push(...(await files(p, skip)));
    else if (d.isFile()) out.push(p);
  }
  return out;
}
