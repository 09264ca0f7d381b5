import { describe, expect, it } from 'vitest';
import { confidenceInterval, confidenceIntervalFromMoments, pairedDifference, relativePrecision } from '../../sim/stats/index.js';
import { normalStream } from './helpers/rng.js';

describe('confidenceInterval', () => {
  it('matches a hand calculation', () => {
    // [1..5]: mean 3, s² = (4+1+0+1+4)/4 = 2.5; t(0.975, 4) = 2.776445105 (table);
    // halfWidth = 2.776445105·√2.5/√5 = 2.776445105·√0.5.
    const ci = confidenceInterval([1, 2, 3, 4, 5]);
    const hw = 2.776445105 * Math.sqrt(0.5);
    expect(ci.n).toBe(5);
    expect(ci.mean).toBe(3);
    expect(ci.stdev).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(ci.halfWidth).toBeCloseTo(hw, 9);
    expect(ci.lower).toBeCloseTo(3 - hw, 9);
    expect(ci.upper).toBeCloseTo(3 + hw, 9);
    expect(ci.level).toBe(0.95);
  });

  it('widens with the confidence level', () => {
    // 99% uses t(0.995, 4) = 4.604094871 (table).
    const ci = confidenceInterval([1, 2, 3, 4, 5], 0.99);
    expect(ci.halfWidth).toBeCloseTo(4.604094871 * Math.sqrt(0.5), 9);
  });

  it('gives NaN half-widths for fewer than two observations', () => {
    const one = confidenceInterval([7]);
    expect(one.n).toBe(1);
    expect(one.mean).toBe(7);
    expect(one.halfWidth).toBeNaN();
    expect(one.lower).toBeNaN();
    expect(one.upper).toBeNaN();
    const none = confidenceInterval([]);
    expect(none.n).toBe(0);
    expect(none.mean).toBeNaN();
    expect(relativePrecision(one)).toBeNaN();
  });

  it('rejects levels outside (0, 1)', () => {
    expect(() => confidenceInterval([1, 2], 1)).toThrow(/\(0, 1\)/);
    expect(() => confidenceInterval([1, 2], 95)).toThrow(/95/);
    expect(() => confidenceIntervalFromMoments(3, 0, 1, 0)).toThrow(RangeError);
  });

  it('covers the true mean at the nominal rate (t, not z, quantiles)', () => {
    // 2000 intervals from n = 10 draws of N(5, 2²). Coverage count ~ Binomial(2000, 0.95):
    // mean 1900, sd √(2000·0.95·0.05) = 9.75; accept ±4 sd = [1861, 1939].
    // A z-interval (1.96) would cover only P(|T_9| < 1.96) ≈ 0.918, i.e. ~1836: rejected.
    const z = normalStream(20240601);
    let covered95 = 0;
    let covered80 = 0;
    for (let rep = 0; rep < 2000; rep++) {
      const xs = Array.from({ length: 10 }, () => 5 + 2 * z());
      const ci = confidenceInterval(xs);
      if (ci.lower <= 5 && 5 <= ci.upper) covered95++;
      const ci80 = confidenceInterval(xs, 0.8);
      if (ci80.lower <= 5 && 5 <= ci80.upper) covered80++;
    }
    expect(covered95).toBeGreaterThanOrEqual(1861);
    expect(covered95).toBeLessThanOrEqual(1939);
    // 80%: mean 1600, sd √(2000·0.8·0.2) = 17.9; ±4 sd = [1529, 1671].
    expect(covered80).toBeGreaterThanOrEqual(1529);
    expect(covered80).toBeLessThanOrEqual(1671);
  });
});

describe('pairedDifference', () => {
  it('builds the interval on a[i] - b[i]', () => {
    // Differences [1, 2, 3]: mean 2, s = 1; t(0.975, 2) = 4.302652730 (table); hw = 4.30265273/√3.
    const ci = pairedDifference([10, 12, 14], [9, 10, 11]);
    expect(ci.n).toBe(3);
    expect(ci.mean).toBe(2);
    expect(ci.stdev).toBeCloseTo(1, 14);
    expect(ci.halfWidth).toBeCloseTo(4.30265273 / Math.sqrt(3), 9);
  });

  it('is much tighter than separate intervals when the noise is shared', () => {
    // b = a + 1 + small noise: separate intervals overlap heavily, the paired one excludes 0.
    const a = [10, 30, 20, 50, 40];
    const b = [11.1, 30.9, 21.0, 51.2, 40.8];
    const paired = pairedDifference(b, a);
    expect(paired.lower).toBeGreaterThan(0);
    expect(paired.halfWidth).toBeLessThan(confidenceInterval(a).halfWidth / 10);
  });

  it('throws when the samples cannot be paired', () => {
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(/3.*2/);
  });
});

describe('relativePrecision', () => {
  it('is halfWidth / |mean|', () => {
    const ci = confidenceIntervalFromMoments(5, -4, Math.sqrt(2.5));
    // halfWidth = 2.776445105·√0.5 (as above), mean magnitude 4.
    expect(relativePrecision(ci)).toBeCloseTo((2.776445105 * Math.sqrt(0.5)) / 4, 9);
    expect(relativePrecision(confidenceIntervalFromMoments(5, 0, 1))).toBe(Infinity);
  });
});
