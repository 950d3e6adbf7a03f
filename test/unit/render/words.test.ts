// Block labels break only between words: the units Intl.Segmenter's boundaries give, with the words ICU
// cuts into characters kept whole; SVG labels (bars) wrap on the same units.
import { describe, expect, it } from 'vitest';
import { wordUnits, words } from '../../../src/render/words.ts';
import { wrap } from '../../../src/blocks/chart.ts';

const LABELS = [
  '发明专利拥有量',
  '“一网通办”事项占比',
  '普惠性幼儿园覆盖率',
  '全国双拥模范城连冠次数',
  '“两新组织”党组织覆盖率',
  '市疫情防控工作领导小组会议',
  '城镇累计新增就业',
  '2016年',
];
/** Offsets inside `label` where a unit ends (a break may fall there and nowhere else). */
const breaks = (units: string[]) => units.slice(0, -1).map((_, i) => units.slice(0, i + 1).join('').length);
const inside = (label: string, word: string) => {
  const at = label.indexOf(word);
  return Array.from({ length: word.length - 1 }, (_, i) => at + i + 1);
};

describe('wordUnits', () => {
  it('loses nothing and never breaks inside a word the issue names', () => {
    for (const l of LABELS) expect(wordUnits(l).join('')).toBe(l);
    for (const [label, word] of [
      ['发明专利拥有量', '专利'],
      ['“一网通办”事项占比', '一网通办'],
      ['“两新组织”党组织覆盖率', '两新'],
      ['2016年', '2016年'],
    ] as const)
      for (const at of inside(label, word))
        expect(breaks(wordUnits(label)), `${label} at ${at}`).not.toContain(at);
  });

  it('keeps the word boundaries ICU knows and leaves no Chinese character alone (拥有|量, 覆盖|率)', () => {
    const icu = (s: string) =>
      breaks([...new Intl.Segmenter('zh-Hans', { granularity: 'word' }).segment(s)].map((x) => x.segment));
    for (const l of LABELS) {
      const units = wordUnits(l);
      for (const b of breaks(units)) expect(icu(l), l).toContain(b);
      for (const u of units) if (/^\p{Script=Han}$/u.test(u)) expect.fail(`${l}: lone ${u}`);
    }
    expect(wordUnits('发明专利拥有量')).toEqual(['发明', '专利', '拥有量']);
  });

  it('splits a long run of characters ICU does not know evenly, so a narrow label can still break', () => {
    const units = wordUnits('市疫情防控工作');
    expect(units.join('')).toBe('市疫情防控工作');
    expect(Math.max(...units.map((u) => u.length))).toBeLessThanOrEqual(4);
  });

  it('marks each break with <wbr> and escapes the text', () => {
    expect(words('发明专利拥有量').toString()).toBe('<span class="words">发明<wbr>专利<wbr>拥有量</span>');
    expect(words('<b>').toString()).not.toContain('<b>');
  });
});

describe('wrap (SVG labels)', () => {
  it('wraps on word units, and cuts a word only when it is wider than a line', () => {
    for (const l of LABELS) {
      const lines = wrap(l, 4, 4);
      expect(lines.join('')).toBe(l);
      const b = breaks(lines);
      for (const at of b) expect(breaks(wordUnits(l)), `${l}: ${lines.join('|')}`).toContain(at);
    }
    expect(wrap('一网通办', 2, 4)).toEqual(['一网', '通办']);
  });
});
