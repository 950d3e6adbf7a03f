// Finds numbers typed by hand into prose that should have been figure references ({{id}}).
// Run it on prose after references are removed; what is left in Arabic digits must be a date, a name or a
// declared literal, or it is a statistic that escaped the figures file.

export interface HandTypedNumber {
  /** The number as written (digits, decimal point). */
  match: string;
  /** 0-based UTF-16 offset of the number in the text. */
  index: number;
}

const DIGITS = '0-9０-９'; // ASCII and full-width digits, for use inside a character class
const DIGIT = `[${DIGITS}]`;
const NOT_AFTER_DIGIT = `(?<![${DIGITS}])`;
const MONTH = '(?:[1１][0-2０-２]|[0０]?[1-9１-９])'; // 1–12, optionally zero-padded
const NUMBER = new RegExp(`${DIGIT}+(?:[.．]${DIGIT}+)?`, 'g');

/** Spans that may hold digits without being statistics, one rule per entry. */
const EXCLUSIONS: ReadonlyArray<{ rule: string; pattern: RegExp }> = [
  // Month ranges as periods of a statistic (1~11月, 1-11月): the period is not the statistic.
  {
    rule: 'monthRange',
    pattern: new RegExp(`${NOT_AFTER_DIGIT}${MONTH}\\s*[~～\\-—至]\\s*${MONTH}\\s*月`, 'g'),
  },
  // Years (2020年, 2021 年): dates, not quantities.
  { rule: 'year', pattern: new RegExp(`${NOT_AFTER_DIGIT}${DIGIT}{4}\\s*年`, 'g') },
  // Days of a month (9月27日) and months alone (5月): dates, not quantities.
  {
    rule: 'monthDay',
    pattern: new RegExp(`${NOT_AFTER_DIGIT}${MONTH}\\s*月(?:\\s*${DIGIT}{1,2}\\s*日)?`, 'g'),
  },
  // A year that opens an event's name (2020中国（太原）人工智能大会, 2020 太原国际马拉松赛); the first
  // character after the year must not be a measure word, so 2020万元 still counts as a number.
  {
    rule: 'eventYear',
    pattern: new RegExp(
      `${NOT_AFTER_DIGIT}20${DIGIT}{2}\\s?(?![万亿余多元个人名家项次件户座场起天年月%％.．])` +
        `[^\\s，。；、：！？${DIGITS}]{1,24}?(?:大会|会议|博览会|论坛|峰会|马拉松|比赛|赛|节|展)`,
      'g',
    ),
  },
  // Ordinals inside names written with digits (第2届, 第3批, 第1卷); 第7位 is a rank and stays a figure.
  { rule: 'nameOrdinal', pattern: new RegExp(`第${DIGIT}+(?=届|批|卷)`, 'g') },
  // Section numbers at the start of a Markdown heading (## 06 为民事事): numbering, not a quantity.
  { rule: 'headingNumber', pattern: new RegExp(`^#{1,6}[ \\t]+${DIGIT}+(?=[ \\t])`, 'gm') },
];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A literal matches only as a whole number: '13710' does not cover 137100, '5G' does not cover 15G. */
function literalPattern(literal: string): RegExp {
  const startsWithDigit = new RegExp(`^${DIGIT}`).test(literal);
  const endsWithDigit = new RegExp(`${DIGIT}$`).test(literal);
  const before = startsWithDigit ? `(?<![${DIGITS}.．])` : '';
  const after = endsWithDigit ? `(?!${DIGIT}|[.．]${DIGIT})` : '';
  return new RegExp(`${before}${escapeRegExp(literal)}${after}`, 'g');
}

/** Blanks every match of `pattern` with spaces, keeping offsets. */
function mask(text: string, pattern: RegExp): string {
  return text.replace(pattern, (m) => ' '.repeat(m.length));
}

export function findHandTypedNumbers(text: string, literals: string[]): HandTypedNumber[] {
  let masked = text;
  // Longest literals first, so '4.3米' is not half-covered by a shorter literal such as '4'.
  const byLength = literals.filter((l) => l.length > 0).sort((a, b) => b.length - a.length);
  for (const literal of byLength) masked = mask(masked, literalPattern(literal));
  for (const { pattern } of EXCLUSIONS) masked = mask(masked, pattern);

  const found: HandTypedNumber[] = [];
  for (const m of masked.matchAll(NUMBER)) found.push({ match: m[0], index: m.index });
  return found;
}
