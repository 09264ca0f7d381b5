import { describe, expect, it } from 'vitest';
import { QuantileSample, quantile, quantiles } from '../../sim/stats/index.js';
import { mulberry32 } from './helpers/rng.js';

describe('quantile (type 7)', () => {
  it('matches numpy.percentile on [1,2,3,4]', () => {
    // h = (n-1)p = 3p. p=.25: h=.75 → 1+.75·1 = 1.75; p=.5: h=1.5 → 2.5;
    // p=.9: h=2.7 → 3+.7 = 3.7 (numpy: percentile([1,2,3,4],[25,50,90]) = [1.75, 2.5, 3.7]).
    const x = [1, 2, 3, 4];
    expect(quantile(x, 0.25)).toBeCloseTo(1.75, 14);
    expect(quantile(x, 0.5)).toBeCloseTo(2.5, 14);
    expect(quantile(x, 0.9)).toBeCloseTo(3.7, 14);
    expect(quantile(x, 0)).toBe(1);
    expect(quantile(x, 1)).toBe(4);
  });

  it('sorts a copy for unsorted input and handles ties', () => {
    // sorted [1,1,3,4,5], h = 4p. p=.1: h=.4 → 1 + .4·0 = 1; p=.3: h=1.2 → 1 + .2·(3-1) = 1.4;
    // p=.75: h=3 → 4 exactly; p=.95: h=3.8 → 4 + .8·1 = 4.8.
    const input = [3, 1, 4, 1, 5];
    expect(quantiles(input, [0.1, 0.3, 0.75, 0.95]).map((v) => +v.toFixed(12))).toEqual([1, 1.4, 4, 4.8]);
    expect(input).toEqual([3, 1, 4, 1, 5]);
  });

  it('sorts numerically, not lexicographically', () => {
    // [10, 9, 100] sorted numerically is [9, 10, 100]; the median is 10 (lexicographic order would give 100).
    expect(quantiles([10, 9, 100], [0.5])).toEqual([10]);
  });

  it('returns the only element of a singleton', () => {
    expect(quantiles([42], [0, 0.37, 1])).toEqual([42, 42, 42]);
  });

  it('rejects bad probabilities and empty input with clear messages', () => {
    expect(() => quantile([1, 2], -0.1)).toThrow(/\[0, 1\].*-0\.1/);
    expect(() => quantile([1, 2], 1.1)).toThrow(/1\.1/);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(/NaN/);
    expect(() => quantile([], 0.5)).toThrow(/empty/);
    expect(() => quantiles([], [0.5])).toThrow(/empty/);
    expect(() => quantiles([1, Number.NaN], [0.5])).toThrow(/NaN/);
  });
});

describe('QuantileSample', () => {
  it('grows past its initial capacity and agrees with quantiles()', () => {
    const u = mulberry32(99);
    const s = new QuantileSample(4);
    const raw: number[] = [];
    for (let i = 0; i < 1001; i++) {
      const x = u() * 100;
      raw.push(x);
      s.add(x);
    }
    expect(s.count).toBe(1001);
    const ps = [0, 0.1, 0.5, 0.975, 1];
    expect(ps.map((p) => s.quantile(p))).toEqual(quantiles(raw, ps));
    const arr = s.toArray();
    expect(arr.length).toBe(1001);
    expect(Array.from(arr)).toEqual([...raw].sort((a, b) => a - b));
  });

  it('re-sorts after adding to an already queried sample', () => {
    const s = new QuantileSample();
    for (const x of [5, 1, 3]) s.add(x);
    expect(s.quantile(0.5)).toBe(3);
    s.add(0);
    s.add(-10);
    // sorted [-10, 0, 1, 3, 5]: median 1, p=.25 → h=1 → 0.
    expect(s.quantile(0.5)).toBe(1);
    expect(s.quantile(0.25)).toBe(0);
  });

  it('throws on an empty sample and on NaN', () => {
    const s = new QuantileSample();
    expect(() => s.quantile(0.5)).toThrow(/no observations/);
    expect(() => s.add(Number.NaN)).toThrow(/NaN/);
  });
});
