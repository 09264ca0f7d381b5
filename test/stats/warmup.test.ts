import { describe, expect, it } from 'vitest';
import { mser5, welchMovingAverage } from '../../sim/stats/index.js';
import { normalStream } from './helpers/rng.js';

describe('mser5', () => {
  it('matches a hand calculation', () => {
    // Batch means of 5: [10, 0, 0, 0] (k = 4, d ≤ 2).
    // d=0: mean 2.5, SS = 56.25 + 3·6.25 = 75 → 75/16 = 4.6875; d=1: SS 0 → 0; d=2: 0.
    // Tie between d=1 and d=2 resolves to the smaller.
    const xs = [...Array(5).fill(10), ...Array(15).fill(0)];
    const r = mser5(xs);
    expect(r.truncationBatches).toBe(1);
    expect(r.truncationIndex).toBe(5);
    expect(r.statistic).toBe(0);
    expect(r.batchCount).toBe(4);
    expect(r.atLimit).toBe(false);
  });

  it('uses batch means, and ignores a trailing partial batch', () => {
    // 12 values → 2 batches (last 2 values unused): means [1, 3]; d ≤ 1.
    // d=0: mean 2, SS 2 → 2/4 = 0.5; d=1: one batch, SS 0 → 0. So d*=1, at the k/2 limit.
    const r = mser5([1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 1000, -1000]);
    expect(r.truncationBatches).toBe(1);
    expect(r.statistic).toBe(0);
    expect(r.atLimit).toBe(true);
  });

  it('keeps everything when there is no transient in the batch means', () => {
    // Batch means alternate 1, 3, 1, 3, ... (20 batches). Keeping n = 20-d of them:
    // d even → half 1s, half 3s, SS = n, MSER = 1/n; d odd → mean 2 ± 1/n, SS = n - 1/n,
    // MSER = 1/n - 1/n³ ≥ 1/19 - 1/19³ ≈ 0.0525. Both exceed MSER(0) = 20/400 = 0.05.
    const xs: number[] = [];
    for (let j = 0; j < 20; j++) for (let i = 0; i < 5; i++) xs.push(j % 2 === 0 ? 1 : 3);
    const r = mser5(xs);
    expect(r.truncationBatches).toBe(0);
    expect(r.statistic).toBeCloseTo(20 / 400, 15);
  });

  it('finds a known transient', () => {
    // x_t = 10·(1 - t/100) + N(0,1) for t < 100, then N(0,1): the transient ends at 100.
    // MSER-5 is a statistical rule; in a 300-seed trial ~3% of runs over-truncated by more
    // than 25 (never under), so require 18 of 20 seeds within 100 ± 25 and none below 75.
    const hits: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const z = normalStream(seed);
      const xs = Array.from({ length: 2000 }, (_, t) => (t < 100 ? 10 * (1 - t / 100) : 0) + z());
      const r = mser5(xs);
      expect(r.truncationIndex).toBeGreaterThanOrEqual(75);
      expect(r.atLimit).toBe(false);
      if (Math.abs(r.truncationIndex - 100) <= 25) hits.push(r.truncationIndex);
    }
    expect(hits.length).toBeGreaterThanOrEqual(18);
  });

  it('supports other batch sizes and rejects short series', () => {
    // Batch size 1 on [10, 0, 0, 0]: same calculation as the first test at raw level.
    expect(mser5([10, 0, 0, 0], 1).truncationIndex).toBe(1);
    expect(() => mser5([1, 2, 3, 4, 5, 6, 7, 8, 9])).toThrow(/at least 10/);
    expect(() => mser5([1, 2, 3], 0)).toThrow(RangeError);
  });
});

describe('welchMovingAverage', () => {
  it('averages replications and reproduces a linear trend', () => {
    // Means across the two replications: [2,3,4,5,6,7,8]. With w = 2, m - w = 5 points:
    // i=1: window {2} → 2; i=2: {2,3,4} → 3; i=3..5: 5-point windows → 4, 5, 6.
    // A moving average of a straight line is the line itself.
    const out = welchMovingAverage(
      [
        [1, 2, 3, 4, 5, 6, 7],
        [3, 4, 5, 6, 7, 8, 9],
      ],
      2,
    );
    expect(Array.from(out).map((v) => +v.toFixed(12))).toEqual([2, 3, 4, 5, 6]);
  });

  it('smooths out a periodic pattern with the shorter window at the start', () => {
    // Series [0,0,6,0,0,6,0], w = 1 → 6 points: i=1: {0} → 0; every later point averages
    // one full period (0,0,6 in some order) → 2.
    const out = welchMovingAverage([[0, 0, 6, 0, 0, 6, 0]], 1);
    expect(Array.from(out).map((v) => +v.toFixed(12))).toEqual([0, 2, 2, 2, 2, 2]);
  });

  it('uses the shortest replication and keeps precision under large offsets', () => {
    // Mean series (1e9 + [1,2,3]; extra points in the longer run ignored), w = 1:
    // [1e9+1, 1e9+2] (the second is the mean of 1, 2, 3).
    const out = welchMovingAverage(
      [
        [1e9, 1e9 + 2, 1e9 + 4, 5],
        [1e9 + 2, 1e9 + 2, 1e9 + 2],
      ],
      1,
    );
    expect(Array.from(out)).toEqual([1e9 + 1, 1e9 + 2]);
  });

  it('returns the plain across-replication mean for w = 0', () => {
    expect(Array.from(welchMovingAverage([[1, 5], [3, 7]], 0))).toEqual([2, 6]);
  });

  it('rejects invalid windows and empty input', () => {
    expect(() => welchMovingAverage([], 1)).toThrow(/at least one replication/);
    expect(() => welchMovingAverage([[1, 2, 3]], 3)).toThrow(/window 3/);
    expect(() => welchMovingAverage([[1, 2, 3]], -1)).toThrow(RangeError);
    expect(() => welchMovingAverage([[1, 2, 3]], 1.5)).toThrow(RangeError);
  });
});
