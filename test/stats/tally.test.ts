import { describe, expect, it } from 'vitest';
import { Tally } from '../../sim/stats/index.js';
import { mulberry32 } from './helpers/rng.js';

function tallyOf(values: ArrayLike<number>): Tally {
  const t = new Tally();
  for (let i = 0; i < values.length; i++) t.add(values[i] as number);
  return t;
}

describe('Tally', () => {
  it('matches hand-computed statistics', () => {
    // Sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32, sample variance 32/7.
    const t = tallyOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(t.count).toBe(8);
    expect(t.mean).toBe(5);
    expect(t.variance).toBeCloseTo(32 / 7, 14);
    expect(t.stdev).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(t.min).toBe(2);
    expect(t.max).toBe(9);
    expect(t.sum).toBe(40);
  });

  it('reports NaN for undefined statistics instead of zeros', () => {
    const t = new Tally();
    expect(t.count).toBe(0);
    expect(t.mean).toBeNaN();
    expect(t.variance).toBeNaN();
    expect(t.min).toBeNaN();
    expect(t.max).toBeNaN();
    expect(t.sum).toBe(0);
    t.add(3);
    expect(t.mean).toBe(3);
    expect(t.variance).toBeNaN(); // sample variance needs n >= 2
  });

  it('stays accurate with a 1e9 offset where the textbook formula collapses', () => {
    // 1e9 + {4, 7, 13, 16}: mean 1e9+10, squared deviations 36+9+9+36 = 90, variance 90/3 = 30.
    const small = tallyOf([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(small.mean).toBe(1e9 + 10);
    expect(small.variance).toBeCloseTo(30, 9);

    // 10,000 values 1e9 + U(0,1): compare with a two-pass computation (mean first,
    // then squared deviations), which is the accurate reference.
    const u = mulberry32(12345);
    const xs = new Float64Array(10_000);
    for (let i = 0; i < xs.length; i++) xs[i] = 1e9 + u();
    let mean = 0;
    for (const x of xs) mean += x;
    mean /= xs.length;
    let ss = 0;
    let sumSq = 0;
    for (const x of xs) {
      ss += (x - mean) * (x - mean);
      sumSq += x * x;
    }
    const twoPass = ss / (xs.length - 1);
    const naive = (sumSq - xs.length * mean * mean) / (xs.length - 1);
    const t = tallyOf(xs);
    expect(Math.abs(t.variance - twoPass) / twoPass).toBeLessThan(1e-6);
    expect(t.mean).toBeCloseTo(mean, 5);
    // Uniform(0,1) variance is 1/12; Welford must land near it...
    expect(t.variance).toBeGreaterThan(0.08);
    expect(t.variance).toBeLessThan(0.087);
    // ...while sum-of-squares is off by orders of magnitude (proving the data is hard).
    expect(Math.abs(naive - twoPass)).toBeGreaterThan(1);
  });

  it('merge equals adding everything to one tally', () => {
    const u = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => 50 + 10 * u());
    const seq = tallyOf(xs);
    const merged = tallyOf(xs.slice(0, 123)).merge(tallyOf(xs.slice(123, 700))).merge(tallyOf(xs.slice(700)));
    expect(merged.count).toBe(seq.count);
    expect(merged.mean).toBeCloseTo(seq.mean, 12);
    expect(merged.variance).toBeCloseTo(seq.variance, 12);
    expect(merged.min).toBe(seq.min);
    expect(merged.max).toBe(seq.max);
    expect(merged.sum).toBeCloseTo(seq.sum, 9);
  });

  it('merging with an empty tally changes nothing, in either direction', () => {
    const a = tallyOf([1, 2, 6]);
    a.merge(new Tally());
    expect([a.count, a.mean, a.variance]).toEqual([3, 3, 7]); // deviations 4+1+9 = 14, /2 = 7
    const b = new Tally().merge(a);
    expect([b.count, b.mean, b.variance, b.min, b.max, b.sum]).toEqual([3, 3, 7, 1, 6, 9]);
    // Source tally is not modified.
    expect(a.count).toBe(3);
  });

  it('reset starts over', () => {
    const t = tallyOf([100, 200]);
    t.reset();
    t.add(1);
    t.add(3);
    expect([t.count, t.mean, t.variance, t.min, t.max, t.sum]).toEqual([2, 2, 2, 1, 3, 4]);
  });
});
