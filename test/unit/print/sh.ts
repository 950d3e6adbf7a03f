// Runs the independent command-line tools the print tests check outputs with.
import { execFileSync } from 'node:child_process';

export function sh(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** pdfinfo's "Key:   value" lines as a record. */
export function pdfinfo(pdf: string, ...args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of sh('pdfinfo', ...args, pdf).split('\n')) {
    const m = /^([^:]+):\s+(.*)$/.exec(line);
    // First wins: the PDF subtype section repeats keys such as Title, indented.
    if (m && !(m[1]!.trim() in out)) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

/** Ghostscript inkcov: the page-average coverage of C, M, Y, K (0–1) per page. */
export function inkcov(pdf: string): number[][] {
  return sh('gs', '-q', '-o', '-', '-sDEVICE=inkcov', pdf)
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).slice(0, 4).map(Number));
}
