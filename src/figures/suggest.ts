// "Did you mean …?" for figure ids: nearest known ids by edit distance.

/**
 * Known ids closest to `id`, best first. Compares whole ids (a typo anywhere) and last segments
 * (the right name in the wrong group, or the group left out), ignoring case.
 */
export function suggestIds(id: string, known: Iterable<string>, max = 2): string[] {
  const want = id.toLowerCase();
  const wantLast = lastSegment(want);
  const scored: { id: string; score: number; whole: number }[] = [];
  for (const k of new Set(known)) {
    const cand = k.toLowerCase();
    if (cand === want && k === id) continue;
    const whole = levenshtein(want, cand);
    const last = levenshtein(wantLast, lastSegment(cand));
    // A right name in another group costs one edit more than a typo: the group was also wrong.
    const score = Math.min(whole, last + (whole > 0 ? 1 : 0));
    if (whole <= tolerance(want) || last <= tolerance(wantLast)) scored.push({ id: k, score, whole });
  }
  scored.sort((a, b) => a.score - b.score || a.whole - b.whole || a.id.localeCompare(b.id));
  // A runner-up much further off than the best match is noise, not a second guess.
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => s.score <= best + 1)
    .slice(0, max)
    .map((s) => s.id);
}

/** About one typo per three characters: a one-letter name matches only exactly. */
function tolerance(s: string): number {
  return Math.floor((s.length + 1) / 3);
}

function lastSegment(id: string): string {
  return id.slice(id.lastIndexOf('.') + 1);
}

/** Edit distance (insert, delete, substitute), one row at a time. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
