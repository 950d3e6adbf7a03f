// The copyfit ladder on synthetic measurements: step order, limits, and where it stops.
import { describe, expect, it } from 'vitest';
import { fitModule, type LadderLimits, type Settings } from '../../../src/fit/ladder.ts';

const limits: LadderLimits = {
  graphics: [-0.15, 1],
  leading: [-0.06, 0.12],
  paragraphEm: 0.6,
  trackingEm: 0.02,
  bodyPt: 0.5,
  sizeFloor: -3,
  slack: 2,
};

/** A module: a band of `band` px that scales with g (and wraps to twice its height above g = wrapAt),
 *  and `lines` lines of text whose count grows with tracking and size, `paras` paragraph gaps. */
function model(o: { band: number; lines: number; paras: number; wrapAt?: number }) {
  const seen: Settings[] = [];
  const measure = (s: Settings) => {
    seen.push(s);
    const band = o.band * s.g * (o.wrapAt && s.g > o.wrapAt ? 2 : 1);
    const lines = Math.ceil(o.lines * (1 + s.track * 5 + s.size / 10));
    return band + lines * 17 * s.lead + o.paras * s.para * 14;
  };
  return { measure, seen };
}

describe('fitModule', () => {
  it('grows the graphics first and stops once the module is full', () => {
    const m = model({ band: 100, lines: 20, paras: 4 });
    const r = fitModule(m.measure, 100 + 340 + 60, limits);
    expect(r.settings.g).toBeGreaterThan(1.4);
    expect(r.settings.lead).toBe(1);
    expect(r.settings.size).toBe(0);
    expect(500 - r.height).toBeLessThanOrEqual(2);
    expect(r.steps[0]).toMatch(/^graphics \+\d+ %$/);
  });

  it('goes on to leading, paragraph space, tracking and size only as the earlier steps run out', () => {
    const m = model({ band: 20, lines: 20, paras: 4 });
    const box = 20 * 2 + 340 * 1.12 + 4 * 0.6 * 14 + 30;
    const r = fitModule(m.measure, box, limits);
    expect(r.settings.g).toBe(2);
    expect(r.settings.lead).toBeCloseTo(1.12, 5);
    expect(r.settings.para).toBeCloseTo(0.6, 5);
    expect(r.settings.track > 0 || r.settings.size > 0).toBe(true);
    expect(r.height).toBeLessThanOrEqual(box);
  });

  it('never passes its limits, and reports what is left when they cannot fill the box', () => {
    const m = model({ band: 20, lines: 10, paras: 2 });
    const r = fitModule(m.measure, 2000, limits);
    for (const s of m.seen) {
      expect(s.g).toBeLessThanOrEqual(2 + 1e-9);
      expect(s.lead).toBeLessThanOrEqual(1.12 + 1e-9);
      expect(s.para).toBeLessThanOrEqual(0.6 + 1e-9);
      expect(Math.abs(s.track)).toBeLessThanOrEqual(0.02 + 1e-9);
      expect(Math.abs(s.size)).toBeLessThanOrEqual(0.5 + 1e-9);
    }
    expect(2000 - r.height).toBeGreaterThan(1000);
  });

  it('shrinks graphics, then leading, then tracking, then size, and never below the size floor', () => {
    const m = model({ band: 50, lines: 30, paras: 4 });
    const natural = m.measure({ g: 1, lead: 1, para: 0, track: 0, size: 0 });
    // The band gives up to 7.5 px: enough for 5, not for 10, where leading follows.
    const r = fitModule(m.measure, natural - 5, limits);
    expect(r.height).toBeLessThanOrEqual(natural - 5);
    expect(r.settings.g).toBeLessThan(1);
    expect(r.settings.lead).toBe(1);
    const more = fitModule(m.measure, natural - 10, limits);
    expect(more.settings.g).toBeCloseTo(0.85, 5);
    expect(more.settings.lead).toBeLessThan(1);
    expect(more.settings.track).toBe(0);
    const hard = fitModule(m.measure, natural * 0.8, { ...limits, sizeFloor: -0.2 });
    for (const s of m.seen) expect(s.size).toBeGreaterThanOrEqual(-0.5 - 1e-9);
    expect(hard.settings.size).toBeGreaterThanOrEqual(-0.2 - 1e-9);
  });

  it('steps over a band that wraps, and over settings that make a graphic collide', () => {
    const m = model({ band: 40, lines: 20, paras: 4, wrapAt: 1.5 });
    const collide = (s: Settings) => (s.g > 1.8 ? Infinity : m.measure(s));
    const r = fitModule(collide, 40 * 1.6 * 2 + 340 + 20, limits);
    expect(r.settings.g).toBeGreaterThan(1.5);
    expect(r.settings.g).toBeLessThanOrEqual(1.8);
    expect(Number.isFinite(r.height)).toBe(true);
  });
});
