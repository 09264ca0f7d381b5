import { describe, expect, it } from 'vitest';
import { histogram } from '../../sim/stats/index.js';
import { mulberry32 } from './helpers/rng.js';

describe('histogram', () => {
  it('bins against explicit edges, last bin closed', () => {
    // Edges [0,1,2,3]: [0,1) ← 0, 0.5; [1,2) ← 1; [2,3] ← 2.5, 3; below: -1; above: 4; NaN: 1.
    const h = histogram([0, 0.5, 1, 2.5, 3, -1, 4, Number.NaN], [0, 1, 2, 3]);
    expect(Array.from(h.counts)).toEqual([2, 1, 2]);
    expect(h.underflow).toBe(1);
    expect(h.overflow).toBe(1);
    expect(h.nan).toBe(1);
    expect(Array.from(h.edges)).toEqual([0, 1, 2, 3]);
  });

  it('handles uneven edges (binary search path)', () => {
    // Edges [0, 1, 10, 100]: 0.2 → bin 0; 5, 9.99 → bin 1; 10, 99 → bin 2.
    const h = histogram([0.2, 5, 9.99, 10, 99], [0, 1, 10, 100]);
    expect(Array.from(h.counts)).toEqual([1, 2, 2]);
  });

  it('builds equal-width bins from {bins, min, max}', () => {
    // Edges 0, .25, .5, .75, 1: [0,.25) ← 0, 0.1; [.25,.5) ← .25; [.5,.75) ← .5, .74; [.75,1] ← 1.
    const h = histogram([0, 0.25, 0.5, 0.74, 1, 0.1], { bins: 4, min: 0, max: 1 });
    expect(Array.from(h.edges)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(h.counts)).toEqual([2, 1, 2, 1]);
  });

  it('puts decimal edge values in the bin they start', () => {
    // 10 bins on [0,1]: edge i is i/10 exactly as written, so 0.3 belongs to bin 3, 0.7 to bin 7.
    const h = histogram([0.3, 0.7, 0.1], { bins: 10, min: 0, max: 1 });
    expect(h.edges[3]).toBe(0.3);
    expect(h.counts[3]).toBe(1);
    expect(h.counts[7]).toBe(1);
    expect(h.counts[1]).toBe(1);
  });

  it('agrees with its own edges for random data', () => {
    const u = mulberry32(5);
    const xs = Array.from({ length: 5000 }, () => 3 + 7 * u());
    const h = histogram(xs, { bins: 13 });
    // Range from data: min and max land in the first and last bins, nothing outside.
    expect(h.underflow + h.overflow).toBe(0);
    let total = 0;
    for (let i = 0; i < h.counts.length; i++) {
      const lo = h.edges[i] as number;
      const hi = h.edges[i + 1] as number;
      const last = i === h.counts.length - 1;
      const expected = xs.filter((x) => x >= lo && (x < hi || (last && x === hi))).length;
      expect(h.counts[i]).toBe(expected);
      total += h.counts[i] as number;
    }
    expect(total).toBe(5000);
  });

  it('widens a degenerate data range like numpy', () => {
    // All values 4 → range [3.5, 4.5]; 2 bins, 4 falls on the middle edge → bin 1.
    const h = histogram([4, 4, 4], { bins: 2 });
    expect(Array.from(h.edges)).toEqual([3.5, 4, 4.5]);
    expect(Array.from(h.counts)).toEqual([0, 3]);
    // No data: range [0, 1].
    expect(Array.from(histogram([], { bins: 1 }).edges)).toEqual([0, 1]);
  });

  it('rejects bad binning specs', () => {
    expect(() => histogram([1], [0, 2, 1])).toThrow(/strictly increasing/);
    expect(() => histogram([1], [0])).toThrow(/at least 2 edges/);
    expect(() => histogram([1], { bins: 0 })).toThrow(/positive integer/);
    expect(() => histogram([1], { bins: 3, min: 2, max: 2 })).toThrow(/min < max/);
  });
});
