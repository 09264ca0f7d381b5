// Windows of weeks over weekly series (sim/experiment/windows.ts): which weeks count,
// how the observation period splits, and means that skip weeks without a value.
import { describe, expect, it } from 'vitest';
import { changeRecords, observedWeeks, splitWindows, weeksBetween, windowMean, windowRecords } from '../../sim/experiment/index.js';

describe('windows of weeks', () => {
  it('counts whole weeks only: a warm-up or end inside a week leaves that week out', () => {
    expect(observedWeeks(52 * 40, 8 * 40)).toEqual({ first: 9, last: 60 });
    // Warm-up ends at hour 50 (inside week 2), the run at hour 210 (inside week 6).
    expect(observedWeeks(160, 50)).toEqual({ first: 3, last: 5 });
    expect(weeksBetween(40 * 40, 52 * 40)).toEqual({ first: 41, last: 52 });
  });

  it('splits the period into windows that cover it once, the shorter ones first', () => {
    const w = splitWindows({ first: 9, last: 60 }, 5);
    expect(w[0]!.first).toBe(9);
    expect(w[4]!.last).toBe(60);
    for (let i = 1; i < w.length; i++) expect(w[i]!.first).toBe(w[i - 1]!.last + 1);
    const lengths = w.map((x) => x.last - x.first + 1);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(52);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
    expect(() => splitWindows({ first: 1, last: 3 }, 4)).toThrow(RangeError);
  });

  it('means skip weeks without a value, and changes are after minus before per replication', () => {
    const week = [1, 2, 3, 4, 5, 6];
    expect(windowMean([1, NaN, 3, 10, 20, 30], week, { first: 1, last: 3 })).toBe(2);
    expect(Number.isNaN(windowMean([NaN, NaN, 3], week, { first: 1, last: 2 }))).toBe(true);
    const records = [0, 1].map((rep) => ({ design: 'a', replication: rep, seed: 1, metrics: {}, series: { week, x: week.map((k) => k * (rep + 1)) } }));
    const per = windowRecords(records, [{ first: 1, last: 2 }, { first: 5, last: 6 }], ['x']);
    expect(per.map((rs) => rs.map((r) => r.metrics['x']))).toEqual([[1.5, 3], [5.5, 11]]);
    expect(changeRecords(records, { first: 1, last: 2 }, { first: 5, last: 6 }, ['x']).map((r) => r.metrics['x'])).toEqual([4, 8]);
  });
});
