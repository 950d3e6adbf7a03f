// The character set a font conversion covers: the content's characters plus a fixed base set.
import { readFileSync } from 'node:fs';

/** Shared with convert.py, which adds the same characters on its side. */
export const BASE_CHARS_FILE = new URL('./base-chars.txt', import.meta.url);

let baseChars: string | undefined;

/** Characters of base-chars.txt: every line except `#` comments, line breaks dropped. */
export function readBaseChars(): string {
  baseChars ??= readFileSync(BASE_CHARS_FILE, 'utf8')
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .join('');
  return baseChars;
}

/**
 * Unique characters of `chars` ∪ the base set, sorted by code point, control characters dropped.
 * Digits, Latin, punctuation and Chinese numerals are in the base set, so a figure that only changes
 * its digits (or 万 → 亿) yields the same set and so the same cache key.
 */
export function fontCharSet(chars: string): string {
  const set = new Set<string>();
  for (const c of readBaseChars() + chars) {
    if (!/\p{Cc}/u.test(c)) set.add(c);
  }
  return [...set].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join('');
}

/** Whether every character of `needed` occurs in `have` (both from fontCharSet). */
export function covers(have: string, needed: string): boolean {
  const available = new Set(have);
  for (const c of needed) if (!available.has(c)) return false;
  return true;
}
