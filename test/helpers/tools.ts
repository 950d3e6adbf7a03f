// Runs the independent PDF tools (poppler) that tests use to check Folio's output from outside.
import { execFileSync } from 'node:child_process';

export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdffonts(pdf: string): FontRow[] {
  const lines = run('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    const m = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(l);
    return { name: m?.[1] ?? l, type: m?.[2]?.trim() ?? '?', embedded: m?.[3] === 'yes' };
  });
}

/** pdfinfo -box: the Info fields and the boxes of page 1 (or of page `page`). */
export function pdfinfo(pdf: string, page = 1): Record<string, string> {
  const out = run('pdfinfo', ['-box', '-f', String(page), '-l', String(page), pdf]);
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^(?:Page\s+\d+\s+)?([A-Za-z ]+?):\s+(.*)$/.exec(line);
    // The first occurrence wins: PDF/X files repeat keys such as Title for their output intent.
    if (m && !(m[1]!.trim() in info)) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

export function box(info: Record<string, string>, name: string): number[] {
  return (info[name] ?? '').split(/\s+/).map(Number);
}

/** The text layer of the whole PDF, or of one page. */
export function pdftext(pdf: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return run('pdftotext', ['-enc', 'UTF-8', ...range, pdf, '-']);
}
