import { describe, expect, it } from 'vitest';
import { batchMeans, lag1Autocorrelation } from '../../sim/stats/index.js';
import { mulberry32, normalStream } from './helpers/rng.js';

describe('batchMeans', () => {
  it('drops the leftover at the start and averages equal batches', () => {
    // 0..21 (22 values) in 4 batches: size 5, 2 dropped → [2..6], [7..11], [12..16], [17..21],
    // means 4, 9, 14, 19 (mean 11.5, s² = (56.25+6.25+6.25+56.25)/3 = 125/3).
    const values = Array.from({ length: 22 }, (_, i) => i);
    const r = batchMeans(values, 4);
    expect(r.batchSize).toBe(5);
    expect(r.dropped).toBe(2);
    expect(Array.from(r.batchMeans)).toEqual([4, 9, 14, 19]);
    expect(r.ci.n).toBe(4);
    expect(r.ci.mean).toBe(11.5);
    expect(r.ci.stdev).toBeCloseTo(Math.sqrt(125 / 3), 13);
  });

  it('gives a sensible interval on iid data', () => {
    // 100,000 U(0,1): σ² = 1/12, so 20 batch means of 5000 have sd √(1/12/5000) = 0.00408.
    const u = mulberry32(4242);
    const xs = new Float64Array(100_000);
    for (let i = 0; i < xs.length; i++) xs[i] = u();
    const r = batchMeans(xs);
    expect(r.batchMeans.length).toBe(20);
    expect(r.batchSize).toBe(5000);
    expect(r.dropped).toBe(0);
    const sd = Math.sqrt(1 / 12 / 5000);
    // s/σ over 19 df has sd ≈ 1/√38 = 0.16; [0.5, 1.5] is beyond ±3 sd.
    expect(r.ci.stdev / sd).toBeGreaterThan(0.5);
    expect(r.ci.stdev / sd).toBeLessThan(1.5);
    // True mean 0.5 within 4 standard errors of the grand mean.
    expect(Math.abs(r.ci.mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / 100_000));
    expect(r.ci.lower).toBeLessThan(r.ci.mean);
    // 20 independent batch means: the lag-1 estimator has sd ≈ 1/√20 = 0.22; allow 3 sd.
    expect(Math.abs(r.lag1)).toBeLessThan(0.67);
  });

  it('rejects impossible batchings', () => {
    expect(() => batchMeans([1, 2, 3], 4)).toThrow(/3 observations.*4 batches/);
    expect(() => batchMeans([1, 2, 3, 4], 1)).toThrow(/≥ 2/);
    expect(() => batchMeans([1, 2, 3, 4], 2.5)).toThrow(RangeError);
  });
});

describe('lag1Autocorrelation', () => {
  it('matches a hand calculation', () => {
    // [1,2,3,4]: mean 2.5, deviations -1.5,-.5,.5,1.5;
    // numerator .75 - .25 + .75 = 1.25, denominator 5 → 0.25.
    expect(lag1Autocorrelation([1, 2, 3, 4])).toBeCloseTo(0.25, 15);
    // Alternating series: deviations ±1, numerator -3, denominator 4 → -0.75.
    expect(lag1Autocorrelation([1, -1, 1, -1])).toBeCloseTo(-0.75, 15);
  });

  it('is near 0 for iid noise and near φ for AR(1)', () => {
    // AR(1) x_t = 0.8 x_{t-1} + e_t: lag-1 autocorrelation 0.8, estimator sd ≈ √((1-φ²)/n) = 0.0019.
    const z = normalStream(31337);
    const n = 100_000;
    const iid = new Float64Array(n);
    const ar = new Float64Array(n);
    let x = 0;
    for (let i = 0; i < n; i++) {
      iid[i] = z();
      x = 0.8 * x + z();
      ar[i] = x;
    }
    // iid sd 1/√n = 0.0032; 4 sd = 0.0126.
    expect(Math.abs(lag1Autocorrelation(iid))).toBeLessThan(0.0126);
    expect(Math.abs(lag1Autocorrelation(ar) - 0.8)).toBeLessThan(0.01);
  });

  it('is NaN when undefined', () => {
    expect(lag1Autocorrelation([3])).toBeNaN();
    expect(lag1Autocorrelation([2, 2, 2])).toBeNaN();
  });
});
