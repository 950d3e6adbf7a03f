// The syntax check: qpdf --check on the file as written (damage is reported, warnings are not defects).
import { run, type RunOptions } from '../print/run.ts';
import { fail, pass, type Check } from './types.ts';

/** qpdf --check: exit 2 is damage; 3 is warnings only (reported, not a defect). */
export async function checkSyntax(pdf: string, o: RunOptions): Promise<Check> {
  const r = await run('qpdf', ['--check', pdf], { ...o, okCodes: [0, 2, 3] });
  const warnings = (r.stdout + r.stderr)
    .split('\n')
    .filter((l) => /WARNING|error/i.test(l) && !/cannot detect/.test(l));
  if (r.code === 2) return fail('syntax', warnings.slice(0, 5).join('; ') || 'qpdf found errors');
  return pass('syntax', r.code === 3 ? `warnings: ${warnings.slice(0, 3).join('; ')}` : 'qpdf --check clean');
}
