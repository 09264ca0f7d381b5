import { describe, expect, it } from 'vitest';
import { logGamma, normalCdf, normalQuantile, regularizedBeta, tCdf, tQuantile } from '../../sim/stats/index.js';

/** |a - b| ≤ tol·|b|. */
function expectRel(a: number, b: number, tol: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b));
}

describe('tQuantile', () => {
  it('reproduces t-table values', () => {
    // [p, df, table value to 9 decimals]; tolerance is half a unit in the 9th decimal plus slack.
    const table: [number, number, number][] = [
      [0.975, 1, 12.706204736],
      [0.975, 2, 4.30265273],
      [0.975, 9, 2.262157163],
      [0.975, 29, 2.045229642],
      [0.995, 10, 3.169272673],
      [0.95, 100, 1.660234326],
      [0.975, 4, 2.776445105],
    ];
    for (const [p, df, v] of table) {
      expect(Math.abs(tQuantile(p, df) - v), `t(${p}, ${df})`).toBeLessThan(6e-10);
      expect(Math.abs(tQuantile(1 - p, df) + v), `t(${1 - p}, ${df})`).toBeLessThan(6e-10);
    }
  });

  it('tends to the normal quantile for large df', () => {
    // z_0.975 = 1.959963984540054; at df = 1e12 the 1/df correction (z³+z)/(4df) is 2.4e-12.
    expect(Math.abs(tQuantile(0.975, 1e12) - 1.959963984540054)).toBeLessThan(1e-11);
    expect(tQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    // ...but stays above it for any finite df (heavier tails).
    expect(tQuantile(0.975, 1e6)).toBeGreaterThan(tQuantile(0.975, 1e12));
  });

  it('matches the closed forms for df = 1 and df = 2, deep into the tails', () => {
    // df=1 (Cauchy): t = tan(π(p - ½)). df=2: t = (2p-1)/√(2p(1-p)).
    // Tail forms: for small p, tan(π(p-½)) = -1/tan(πp) and (2p-1)/√(2p(1-p)) computed directly.
    for (const p of [1e-12, 1e-6, 0.001, 0.01, 0.2, 0.45, 0.6, 0.9, 0.999]) {
      const cauchy = p < 0.5 ? -1 / Math.tan(Math.PI * p) : 1 / Math.tan(Math.PI * (1 - p));
      expectRel(tQuantile(p, 1), cauchy, 1e-10);
      expectRel(tQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-10);
    }
  });

  it('matches 40-digit reference values across regimes', () => {
    // References: mpmath 1.3 (mp.dps = 40), root of betainc(df/2, 1/2, 0, df/(df+t²))/2 = tail.
    const ref: [number, number, number][] = [
      [0.01, 1e6, -2.3263516031208054], // large df, near-normal expansion path
      [0.001, 1e4, -3.0910475160306121],
      [0.975, 2000, 1.9611508260994377], // large df, continued-fraction path
      [1e-10, 5, -156.82559270889432], // far tail
      [0.3, 1.5, -0.6517954826023571], // non-integer df
      [0.999999, 3, 103.29946777942897],
    ];
    for (const [p, df, v] of ref) expectRel(tQuantile(p, df), v, 1e-12);
  });

  it('inverts tCdf over a wide grid of df and p', () => {
    for (const df of [1, 1.3, 2.5, 4, 7.3, 15, 60, 333, 1e3, 5e3, 1e5, 1e8]) {
      for (const p of [1e-200, 1e-30, 1e-9, 1e-4, 0.02, 0.2, 0.4, 0.499]) {
        const t = tQuantile(p, df);
        expect(t).toBeLessThan(0);
        // Tail probability recovered to 1e-10 relative.
        expectRel(tCdf(t, df), p, 1e-10);
        // Upper tail mirrors the lower one; 1-(1-p) is the lower tail 1-p really stands for.
        if (p > 1e-15) expect(tQuantile(1 - p, df)).toBe(-tQuantile(1 - (1 - p), df));
      }
    }
  });

  it('is monotone in df', () => {
    let prev = Infinity;
    for (const df of [1, 1.5, 2, 3, 5, 10, 50, 400, 499, 501, 600, 1e4, 1e7]) {
      const t = tQuantile(0.975, df);
      expect(t).toBeLessThan(prev);
      prev = t;
    }
  });

  it('handles the edges of its domain', () => {
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(tQuantile(0, 3)).toBe(-Infinity);
    expect(tQuantile(1, 3)).toBe(Infinity);
    expect(() => tQuantile(1.2, 3)).toThrow(/\[0, 1\]/);
    expect(() => tQuantile(Number.NaN, 3)).toThrow(RangeError);
    expect(() => tQuantile(0.9, 0)).toThrow(/degrees of freedom/);
    expect(() => tQuantile(0.9, Number.NaN)).toThrow(/degrees of freedom/);
  });
});

describe('tCdf', () => {
  it('matches closed forms for df = 1 and 2', () => {
    // df=1: ½ + atan(t)/π. df=2: ½ + t/(2√(2+t²)).
    for (const t of [-50, -3, -1, -0.1, 0, 0.5, 2, 10]) {
      expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
      expect(tCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 14);
    }
  });

  it('matches 40-digit reference values', () => {
    // mpmath 1.3, mp.dps = 40.
    expectRel(tCdf(-2, 1e6), 0.022750266925659604, 1e-12);
    expectRel(tCdf(1, 3.5), 0.80933137321827723, 1e-13);
    expectRel(tCdf(-40, 4), 1.1670081613006343e-6, 1e-12);
    expectRel(tCdf(0.1, 700), 0.53981352121046062, 1e-13);
  });

  it('is symmetric and handles infinities', () => {
    expect(tCdf(1.7, 6) + tCdf(-1.7, 6)).toBeCloseTo(1, 15);
    expect(tCdf(Infinity, 6)).toBe(1);
    expect(tCdf(-Infinity, 6)).toBe(0);
    expect(tCdf(Number.NaN, 6)).toBeNaN();
    expect(tCdf(1.5, Infinity)).toBe(normalCdf(1.5));
  });
});

describe('normal distribution', () => {
  it('normalCdf matches standard table values', () => {
    // Φ(-1) = 0.158655253931457, Φ(-3) = 0.00134989803163009, Φ(-5) = 2.86651571879194e-7 (R pnorm).
    expectRel(normalCdf(-1), 0.158655253931457, 1e-13);
    expectRel(normalCdf(-3), 0.00134989803163009, 1e-13);
    expectRel(normalCdf(-5), 2.86651571879194e-7, 1e-13);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
  });

  it('normalQuantile matches known quantiles and inverts the CDF', () => {
    // qnorm(0.975) = 1.959963984540054, qnorm(0.995) = 2.575829303548901.
    expectRel(normalQuantile(0.975), 1.959963984540054, 1e-14);
    expectRel(normalQuantile(0.995), 2.575829303548901, 1e-14);
    for (const p of [1e-300, 1e-50, 1e-8, 0.001, 0.02425, 0.1, 0.3, 0.4999999]) {
      const x = normalQuantile(p);
      expectRel(normalCdf(x), p, 1e-13);
      if (p > 1e-15) expect(normalQuantile(1 - p)).toBe(-normalQuantile(1 - (1 - p)));
    }
    expect(() => normalQuantile(-0.01)).toThrow(RangeError);
  });
});

describe('special functions', () => {
  it('logGamma and regularizedBeta agree with closed forms', () => {
    // Γ(5) = 24, Γ(½) = √π, Γ(20.5) = 19.5·18.5·…·0.5·√π.
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    let g = Math.sqrt(Math.PI);
    for (let k = 0.5; k < 20.5; k++) g *= k;
    expectRel(logGamma(20.5), Math.log(g), 1e-14);
    // I_x(1, b) = 1 - (1-x)^b and I_x(a, 1) = x^a.
    expect(regularizedBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
    expect(regularizedBeta(0.8, 3.5, 1)).toBeCloseTo(0.8 ** 3.5, 14);
  });
});
