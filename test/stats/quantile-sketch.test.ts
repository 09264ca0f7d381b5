import { describe, expect, it } from 'vitest';
import { QuantileSample, QuantileSketch, quantile } from '../../sim/stats/index.js';
import { mulberry32, normalStream } from './helpers/rng.js';

// The sketch promises, under the same type-7 definition as sim/stats/quantiles.ts, that
// every quantile q with same-signed neighbouring order statistics is reported within
// alpha |q|, and within alpha max(|x(lo)|, |x(lo+1)|) when they straddle zero. The slack
// factor allows for log/exp rounding at bucket boundaries (see the file header).
const SLACK = 1 + 1e-9;
const PS = Array.from({ length: 1001 }, (_, i) => i / 1000);

function exponential(seed: number, mean: number): () => number {
  const u = mulberry32(seed);
  return () => -mean * Math.log(1 - u());
}

/** Lognormal with a given coefficient of variation: sigma^2 = ln(1 + cv^2). */
function lognormal(seed: number, median: number, cv: number): () => number {
  const z = normalStream(seed);
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  return () => median * Math.exp(sigma * z());
}

/** 97 % short jobs, 3 % a far tail four decades out. */
function mixture(seed: number): () => number {
  const u = mulberry32(seed);
  const short = exponential(seed + 1, 2);
  const far = lognormal(seed + 2, 2e4, 1);
  return () => (u() < 0.97 ? short() : far());
}

/** Log-uniform over 1e-3 .. 1e6, so every decade of the range is populated. */
function logUniform(seed: number): () => number {
  const u = mulberry32(seed);
  return () => 10 ** (-3 + 9 * u());
}

const DISTRIBUTIONS: [string, (seed: number) => () => number][] = [
  ['exponential', (s) => exponential(s, 3)],
  ['lognormal cv 0.6', (s) => lognormal(s, 2, 0.6)],
  ['lognormal cv 3', (s) => lognormal(s, 2, 3)],
  ['mixture with a far tail', mixture],
  ['constant', () => () => 7.25],
  ['log-uniform 1e-3..1e6', logUniform],
];

function draw(gen: () => number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = gen();
  return out;
}

function sketchOf(values: ArrayLike<number>, options = {}): QuantileSketch {
  const s = new QuantileSketch(options);
  for (let i = 0; i < values.length; i++) s.add(values[i] as number);
  return s;
}

/** Largest error over PS, as a multiple of the bound the header promises (must be <= 1). */
function worstErrorRatio(values: Float64Array, sketch: QuantileSketch): number {
  const sorted = values.slice().sort();
  const n = sorted.length;
  let worst = 0;
  for (const p of PS) {
    const exact = quantile(sorted, p);
    const lo = Math.floor((n - 1) * p);
    const a = sorted[lo]!;
    const b = sorted[Math.min(lo + 1, n - 1)]!;
    const scale = a * b >= 0 ? Math.abs(exact) : Math.max(Math.abs(a), Math.abs(b));
    const err = Math.abs(sketch.quantile(p) - exact);
    const bound = sketch.relativeAccuracy * scale * SLACK;
    worst = Math.max(worst, bound > 0 ? err / bound : err === 0 ? 0 : Number.POSITIVE_INFINITY);
  }
  return worst;
}

describe('QuantileSketch: error bound against exact type-7 quantiles', () => {
  for (const [name, make] of DISTRIBUTIONS) {
    for (const n of [1, 10, 100_000]) {
      it(`${name}, n = ${n}: every quantile within alpha = 0.5 %`, () => {
        const values = draw(make(1000 + n), n);
        const sketch = sketchOf(values);
        expect(sketch.count).toBe(n);
        expect(worstErrorRatio(values, sketch)).toBeLessThanOrEqual(1);
        // Count, min, max and mean are exact.
        expect(sketch.min).toBe(values.reduce((a, b) => Math.min(a, b)));
        expect(sketch.max).toBe(values.reduce((a, b) => Math.max(a, b)));
        const mean = values.reduce((a, b) => a + b, 0) / n;
        expect(sketch.mean).toBeCloseTo(mean, 9);
      });
    }
  }

  it('the bound is not vacuous: a tighter alpha gives smaller errors, and errors do occur', () => {
    const values = draw(lognormal(7, 2, 3), 20_000);
    const coarse = sketchOf(values, { relativeAccuracy: 0.05 });
    // At alpha = 0.1 % the default 4096 buckets span only e^8.2; this sample spans more, so
    // give it room (with too few buckets the lowest values collapse, tested below).
    const fine = sketchOf(values, { relativeAccuracy: 0.001, maxBuckets: 20_000 });
    expect(worstErrorRatio(values, coarse)).toBeLessThanOrEqual(1);
    expect(worstErrorRatio(values, fine)).toBeLessThanOrEqual(1);
    const exact = quantile(values.slice().sort(), 0.5);
    expect(Math.abs(coarse.quantile(0.5) - exact)).toBeGreaterThan(Math.abs(fine.quantile(0.5) - exact));
    expect(coarse.quantile(0.5)).not.toBe(exact);
  });

  it('is exact at p = 0 and p = 1, and for a single value at every p', () => {
    const s = sketchOf([3.14159]);
    expect(PS.every((p) => s.quantile(p) === 3.14159)).toBe(true);
    const t = sketchOf(draw(exponential(3, 1), 1000));
    expect(t.quantile(0)).toBe(t.min);
    expect(t.quantile(1)).toBe(t.max);
  });

  it('handles zeros and negatives: relative bound for same-signed neighbours, absolute across zero', () => {
    const z = normalStream(11);
    const u = mulberry32(12);
    const values = draw(() => (u() < 0.1 ? 0 : 50 * z()), 50_000);
    expect(worstErrorRatio(values, sketchOf(values))).toBeLessThanOrEqual(1);
    const zeros = sketchOf([0, 0, 0]);
    expect(zeros.quantiles([0, 0.5, 1])).toEqual([0, 0, 0]);
    const signs = sketchOf([-8, -1, 0, 1, 8]);
    expect(signs.quantile(0.5)).toBe(0);
    expect(signs.quantile(0.25)).toBeCloseTo(-1, 1);
    expect(signs.quantile(0.75)).toBeCloseTo(1, 1);
  });

  it('agrees with QuantileSample (the store it replaces) within alpha on lead-time-like data', () => {
    const sample = new QuantileSample();
    const sketch = new QuantileSketch();
    const gen = mixture(5);
    for (let i = 0; i < 30_000; i++) {
      const x = gen();
      sample.add(x);
      sketch.add(x);
    }
    for (const p of [0.5, 0.9, 0.99]) {
      const exact = sample.quantile(p);
      expect(Math.abs(sketch.quantile(p) - exact)).toBeLessThanOrEqual(0.005 * exact * SLACK);
    }
  });
});

describe('QuantileSketch: memory is bounded', () => {
  it('bucket count depends on the spread of the values, not on how many there are', () => {
    const gen = lognormal(21, 2, 3);
    const s = new QuantileSketch();
    for (let i = 0; i < 1000; i++) s.add(gen());
    const after1e3 = s.bucketCount;
    let grownAfter = 0;
    for (let i = 0; i < 1_000_000; i++) {
      s.add(gen());
      if (i === 10_000) grownAfter = s.bucketCount;
    }
    // Lognormal cv 3: about 1.48 sigma-units, a few thousand buckets at most, one store.
    expect(s.bucketCount).toBeLessThanOrEqual(4096);
    expect(s.bucketCount).toBeLessThanOrEqual(4 * after1e3);
    expect(s.bucketCount).toBe(grownAfter);
    expect(s.collapsedBelow).toBe(0);
  });

  it('never exceeds 2 * maxBuckets, even for values spanning 1e-300 .. 1e300 in any order', () => {
    const u = mulberry32(31);
    const values = draw(() => (u() < 0.5 ? 1 : -1) * 10 ** (-300 + 600 * u()), 200_000);
    const s = sketchOf(values, { maxBuckets: 256 });
    expect(s.bucketCount).toBeLessThanOrEqual(512);
    expect(s.collapsedBelow).toBeGreaterThan(0);
    // Above the collapse the guarantee still holds: 256 buckets of 1 % keep the top factor
    // gamma^256 ~ 13 below the max, i.e. roughly the top 0.09 % of this sample.
    const sorted = values.slice().sort();
    for (const p of [0.9996, 0.9998, 0.99995]) {
      const exact = quantile(sorted, p);
      expect(exact).toBeGreaterThan(s.collapsedBelow);
      expect(Math.abs(s.quantile(p) - exact)).toBeLessThanOrEqual(0.005 * exact * SLACK);
    }
  });

  it('collapses the lowest buckets when the range outgrows the cap, whichever end arrives first', () => {
    const low = [1e-6, 2e-6, 1e-3];
    const high = [1, 10, 100, 1000];
    const up = sketchOf([...low, ...high], { maxBuckets: 1000 });
    const down = sketchOf([...high, ...low], { maxBuckets: 1000 });
    expect(up.bucketCount).toBeLessThanOrEqual(1000);
    expect(down.bucketCount).toBeLessThanOrEqual(1000);
    expect(up.collapsedBelow).toBeGreaterThan(1e-3);
    expect(up.quantiles(PS)).toEqual(down.quantiles(PS));
    // The high values are far above the floor (1000 buckets of 1 % span ~2e4) and keep the bound.
    for (let r = 3; r < 7; r++) {
      const v = up.quantile(r / 6);
      const exact = [...low, ...high][r]!;
      expect(Math.abs(v - exact)).toBeLessThanOrEqual(0.005 * exact * SLACK);
    }
  });
});

describe('QuantileSketch: collapsing under a drifting range (small cap, many re-layouts)', () => {
  for (const [name, drift] of [['upwards', 1], ['downwards', -1]] as const) {
    it(`drifting ${name}: bounded, monotone, exact ends, the bound above the floor, order-independent`, () => {
      const u = mulberry32(name === 'upwards' ? 61 : 62);
      // Log-magnitude walks 40 e-folds over the run with noise: far more than 64 buckets
      // of 1 % hold, so the window shifts, grows and collapses again and again.
      const n = 20_000;
      const values = draw(
        (() => {
          let i = 0;
          return () => Math.exp(drift * (40 * (i++ / n) - 20) + 2 * (u() - 0.5));
        })(),
        n,
      );
      const s = sketchOf(values, { maxBuckets: 64 });
      expect(s.bucketCount).toBeLessThanOrEqual(128);
      expect(s.collapsedBelow).toBeGreaterThan(0);
      const qs = s.quantiles(PS);
      for (let i = 1; i < qs.length; i++) expect(qs[i]!).toBeGreaterThanOrEqual(qs[i - 1]!);
      expect(qs[0]).toBe(s.min);
      expect(qs[qs.length - 1]).toBe(s.max);
      const sorted = values.slice().sort();
      let checked = 0;
      for (const p of PS) {
        const lo = Math.floor((n - 1) * p);
        if (sorted[lo]! <= s.collapsedBelow) continue;
        const exact = quantile(sorted, p);
        expect(Math.abs(s.quantile(p) - exact)).toBeLessThanOrEqual(0.005 * exact * SLACK);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
      expect(sketchOf(values.slice().reverse(), { maxBuckets: 64 }).quantiles(PS)).toEqual(qs);
    });
  }
});

describe('QuantileSketch: determinism and state', () => {
  it('gives identical output for the same input, and for the same values in another order', () => {
    const values = draw(mixture(41), 50_000);
    const a = sketchOf(values).quantiles(PS);
    const b = sketchOf(values).quantiles(PS);
    expect(b).toEqual(a);
    const reversed = values.slice().reverse();
    expect(sketchOf(reversed).quantiles(PS)).toEqual(a);
  });

  it('clear() forgets everything and the sketch then matches a fresh one', () => {
    const s = sketchOf(draw(logUniform(51), 10_000));
    s.clear();
    expect(s.count).toBe(0);
    expect(() => s.quantile(0.5)).toThrow(/no observations/);
    const values = draw(exponential(52, 4), 5000);
    for (const v of values) s.add(v);
    expect(s.quantiles(PS)).toEqual(sketchOf(values).quantiles(PS));
    expect(s.mean).toBe(sketchOf(values).mean);
  });

  it('rejects values and settings it cannot honour, with clear messages', () => {
    const s = new QuantileSketch();
    expect(() => s.add(Number.NaN)).toThrow(/finite.*NaN/);
    expect(() => s.add(Number.POSITIVE_INFINITY)).toThrow(/finite/);
    s.add(1);
    expect(() => s.quantile(1.5)).toThrow(/\[0, 1\].*1\.5/);
    expect(() => s.quantile(Number.NaN)).toThrow(/NaN/);
    expect(() => new QuantileSketch({ relativeAccuracy: 0 })).toThrow(/relativeAccuracy/);
    expect(() => new QuantileSketch({ relativeAccuracy: 1 })).toThrow(/relativeAccuracy/);
    expect(() => new QuantileSketch({ maxBuckets: 1 })).toThrow(/maxBuckets/);
    expect(new QuantileSketch().mean).toBeNaN();
  });
});
