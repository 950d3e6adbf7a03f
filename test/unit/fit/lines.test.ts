// The per-paragraph line fitter on synthetic line measurements: how looseness is read, what counts as an
// issue, the order of the settings tried, and which one is kept.
import { describe, expect, it } from 'vitest';
import {
  choose,
  paraIssues,
  spreadEm,
  squeezeCandidates,
  trials,
  type MeasuredLine,
  type ParaState,
  type Trial,
} from '../../../src/fit/lines.ts';

const PX = 14;
/** A line of `text` whose characters are 1 em wide, each given `extra` em by justification (the last
 *  none); `double` marks characters beside a digit run, which get two opportunities. */
function line(
  text: string,
  extra: number,
  o: { column?: number; double?: number[]; digits?: number[]; start?: number } = {},
) {
  const chars = [...text];
  const natural = chars.map(() => PX);
  const set = chars.map((_, i) => {
    if (i === chars.length - 1 || o.digits?.includes(i)) return PX;
    return PX + extra * PX * (o.double?.includes(i) ? 2 : 1);
  });
  return { text, set, natural, column: o.column ?? 0, start: o.start ?? 0 } satisfies MeasuredLine;
}

describe('spreadEm', () => {
  it('reads the space between characters, not the characters beside a digit run twice', () => {
    // "位10.4万个…": 万 gets an opportunity on each side, the digits none.
    const l = line('位10.4万个普惠性', 0.06, { digits: [1, 2, 3, 4], double: [5] });
    expect(spreadEm(l, PX)).toBeCloseTo(0.06, 3);
  });

  it('is 0 for a line set at its natural width', () => {
    expect(spreadEm(line('改革委员会会议', 0), PX)).toBe(0);
  });
});

describe('paraIssues', () => {
  it('finds loose justified lines but never judges the last line, set flush left', () => {
    const s = paraIssues(
      [line('农村集体产权制', 0.24), line('度、县域医疗卫生一', 0.02), line('体化', 0.9)],
      PX,
      0.1,
    );
    expect(s.lines).toBe(3);
    expect(s.issues).toEqual([{ text: '农村集体产权制', em: expect.closeTo(0.24, 3), kind: 'loose' }]);
  });

  it('finds a 孤字 last line, also when punctuation follows the character', () => {
    for (const last of ['化', '化。', '化”。']) {
      const s = paraIssues([line('度县域医疗卫生一体', 0), line(last, 0)], PX, 0.1);
      expect(s.issues.map((i) => i.kind)).toEqual(['orphan']);
    }
    expect(paraIssues([line('度县域医疗卫生一体', 0), line('体化。', 0)], PX, 0.1).issues).toEqual([]);
    // A one-line paragraph of one character is a paragraph, not a 孤字.
    expect(paraIssues([line('好', 0)], PX, 0.1).issues).toEqual([]);
  });

  it('finds one line parted from its paragraph by a column break, at the head or the foot of a column', () => {
    const head = paraIssues(
      [line('一二三四五', 0), line('六七八九十', 0), line('尾行字', 0, { column: 1 })],
      PX,
      0.1,
    );
    expect(head.issues).toEqual([{ text: '尾行字', em: 0, kind: 'widow' }]);
    const foot = paraIssues(
      [line('首行字', 0), line('六七八九十', 0, { column: 1 }), line('尾行字', 0, { column: 1 })],
      PX,
      0.1,
    );
    expect(foot.issues).toEqual([{ text: '首行字', em: 0, kind: 'widow' }]);
    const two = paraIssues(
      [
        line('首行字', 0),
        line('六七八九十', 0),
        line('尾行字', 0, { column: 1 }),
        line('尾行', 0, { column: 1 }),
      ],
      PX,
      0.1,
    );
    expect(two.issues).toEqual([]);
  });
});

describe('squeezeCandidates', () => {
  // "…塑造灵|魂，以…": 魂 could not come up because "，" may not start a line.
  const para = [
    line('这五年，我市牢牢把握', 0.02, { start: 0 }),
    line('力，以先进文化塑造灵', 0.2, { start: 10 }),
    line('魂，以优秀作品鼓舞斗', 0.2, { start: 20 }),
    line('志。', 0, { start: 30 }),
  ];

  it("sets the mark after the next line's first unit half-width first, then with one of the line's own", () => {
    expect(squeezeCandidates(para, 1)).toEqual([
      [21], // 魂，
      [21, 11], // and 力，
      [3, 21], // or 这五年， gives room above and takes 力 up
    ]);
  });

  it('finds the mark after a figure that cannot break ("达到|8.82张；")', () => {
    const fig = [line('人拥有床位数达到', 0.45, { start: 0 }), line('8.82张；居民养老', 0, { start: 8 })];
    expect(squeezeCandidates(fig, 0)).toEqual([[13]]);
  });

  it('has nothing to offer for a line followed by a long unit without a mark and no marks above', () => {
    const fig = [line('口总额年均', 1.3, { start: 0 }), line('增长12.8%', 0, { start: 5 })];
    expect(squeezeCandidates(fig, 0)).toEqual([]);
    expect(squeezeCandidates(para, 3)).toEqual([]);
  });
});

describe('trials', () => {
  it('tries the smallest tracking steps first, tighter before looser, punctuation compression as two steps', () => {
    const t = trials(0.02);
    expect(t.slice(0, 4)).toEqual([
      { track: -0.005, squeeze: false },
      { track: 0.005, squeeze: false },
      { track: -0.01, squeeze: false },
      { track: 0.01, squeeze: false },
    ]);
    expect(t[4]).toEqual({ track: 0, squeeze: true });
    expect(t).toHaveLength(8 + 9);
    expect(Math.max(...t.map((x) => Math.abs(x.track)))).toBe(0.02);
    expect(t).not.toContainEqual({ track: 0, squeeze: false });
  });

  it('stays within the limit edition.yaml sets', () => {
    expect(trials(0)).toEqual([{ track: 0, squeeze: true }]);
    expect(Math.max(...trials(0.05).map((x) => Math.abs(x.track)))).toBe(0.05);
  });
});

describe('choose', () => {
  const loose = (lines: number, n = 1): ParaState => ({
    lines,
    issues: Array.from({ length: n }, () => ({ text: 'x', em: 0.2, kind: 'loose' as const })),
  });
  const clean = (lines: number): ParaState => ({ lines, issues: [] });
  /** A paragraph that answers each setting from a table (by its key) and records what was tried. */
  function para(table: Record<string, ParaState>, fallback: ParaState) {
    const tried: string[] = [];
    let last = '';
    const key = (t: Trial) => `${t.track}${t.squeeze ? 'H' : ''}`;
    const measure = (t: Trial) => {
      last = key(t);
      tried.push(last);
      return table[last] ?? fallback;
    };
    return { measure, tried, last: () => last };
  }

  it('keeps the first setting that cures the paragraph at its line count, and stops there', () => {
    const p = para({ '0.005': clean(6), '-0.01': clean(6) }, loose(6));
    const c = choose(loose(6), trials(0.02), p.measure, () => true);
    expect(c.trial).toEqual({ track: 0.005, squeeze: false });
    expect(c.lineChange).toBe(0);
    expect(p.tried).toEqual(['-0.005', '0.005']);
  });

  it('takes one line more or less only when no setting keeps the count, and only if the module still fits', () => {
    const table = { '-0.005': clean(5), '0.01': clean(7), '0H': loose(6, 1) };
    const fitsAfter = (ok: string[]) => {
      const p = para(table, loose(6, 2));
      return { p, c: choose(loose(6, 2), trials(0.02), p.measure, () => ok.includes(p.last())) };
    };
    const a = fitsAfter(['-0.005', '0.01']);
    expect(a.c.trial).toEqual({ track: -0.005, squeeze: false });
    expect(a.c.lineChange).toBe(-1);
    expect(a.p.tried).toHaveLength(17);
    const b = fitsAfter(['0.01']);
    expect(b.c.trial).toEqual({ track: 0.01, squeeze: false });
    expect(b.c.lineChange).toBe(1);
    // The module fits with neither: the best setting at the same count (one issue left instead of two).
    const c = fitsAfter([]);
    expect(c.c.trial).toEqual({ track: 0, squeeze: true });
    expect(c.c.state.issues).toHaveLength(1);
  });

  it('leaves a paragraph alone when nothing helps, and does not touch one without issues', () => {
    const p = para({}, loose(6));
    expect(choose(loose(6), trials(0.02), p.measure, () => true).trial).toBeUndefined();
    const q = para({}, loose(6));
    expect(choose(clean(6), trials(0.02), q.measure, () => true)).toEqual({
      trial: undefined,
      state: clean(6),
      lineChange: 0,
    });
    expect(q.tried).toEqual([]);
  });
});
