// Labels break only between words: Intl.Segmenter finds the word boundaries, a <wbr> marks each, and the
// label's CSS (word-break: keep-all) forbids every other break between Chinese characters. SVG labels
// (bars) wrap on the same units.
import Handlebars from 'handlebars';

const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });
const HAN = /^\p{Script=Han}+$/u;
/** Longest run of one-character segments kept whole (Chinese words are rarely longer). */
const RUN = 4;

/**
 * The units a label may break between. ICU's dictionary knows 发明|专利 but cuts a word it does not know
 * into characters (一|网|通|办, 疫|情|防|控), and leaves suffixes alone (拥有|量, 覆盖|率, 2016|年): so a
 * run of one-character segments is one unit (split evenly when longer than four), and a single character
 * left over joins the word before it, or the one after it when none comes before.
 */
export function wordUnits(text: string): string[] {
  type Unit = { s: string; han: boolean; word: boolean };
  const units: Unit[] = [];
  const segs = [...segmenter.segment(text)].map((g) => ({
    s: g.segment,
    han: !!g.isWordLike && HAN.test(g.segment),
    word: !!g.isWordLike,
  }));
  for (let i = 0; i < segs.length;) {
    const g = segs[i]!;
    if (!g.han || [...g.s].length > 1) {
      units.push(g);
      i++;
      continue;
    }
    let j = i;
    while (j < segs.length && segs[j]!.han && [...segs[j]!.s].length === 1) j++;
    const run = segs.slice(i, j).map((x) => x.s);
    const parts = Math.ceil(run.length / RUN);
    const size = Math.ceil(run.length / parts);
    for (let k = 0; k < run.length; k += size)
      units.push({ s: run.slice(k, k + size).join(''), han: true, word: true });
    i = j;
  }
  // A lone character: onto the word before it (2016年), else the Han word after it.
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (!u.han || [...u.s].length !== 1) continue;
    const before = units[i - 1];
    const after = units[i + 1];
    if (before?.word) {
      before.s += u.s;
      units.splice(i--, 1);
    } else if (after?.han) {
      after.s = u.s + after.s;
      units.splice(i--, 1);
    }
  }
  return units.map((u) => u.s);
}

export function words(text: unknown): Handlebars.SafeString {
  const s = typeof text === 'string' ? text : String(text ?? '');
  const parts = wordUnits(s).map((p) => Handlebars.escapeExpression(p));
  return new Handlebars.SafeString(`<span class="words">${parts.join('<wbr>')}</span>`);
}
