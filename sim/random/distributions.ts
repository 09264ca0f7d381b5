// Distributions as small self-checking value objects: each validates its parameters
// when built, knows its mean and variance, and samples from a stream it is given (it
// owns no generator, so the same distribution can serve several named streams).
//
// Time-valued distributions are in hours throughout stroom.

import type { RandomStream } from './stream.js';

export interface Distribution {
  readonly kind: string;
  readonly mean: number;
  readonly variance: number;
  sample(rng: RandomStream): number;
  /** A short description, e.g. "lognormal(mean=2, cv=0.5)". */
  describe(): string;
}

export class DistributionError extends Error {}

function need(cond: boolean, msg: string): void {
  if (!cond) throw new DistributionError(msg);
}

const finitePos = (x: number) => Number.isFinite(x) && x > 0;

export class Exponential implements Distribution {
  readonly kind = 'exponential';
  readonly variance: number;
  constructor(readonly mean: number) {
    need(finitePos(mean), `exponential: mean must be a finite number > 0, got ${mean}`);
    this.variance = mean * mean;
  }
  sample(rng: RandomStream): number {
    return -this.mean * Math.log(rng.uniform01());
  }
  describe(): string {
    return `exponential(mean=${this.mean})`;
  }
}

export class Deterministic implements Distribution {
  readonly kind = 'deterministic';
  readonly variance = 0;
  constructor(readonly mean: number) {
    need(Number.isFinite(mean) && mean >= 0, `deterministic: value must be a finite number >= 0, got ${mean}`);
  }
  sample(_rng: RandomStream): number {
    return this.mean;
  }
  describe(): string {
    return `deterministic(${this.mean})`;
  }
}

export class Uniform implements Distribution {
  readonly kind = 'uniform';
  readonly mean: number;
  readonly variance: number;
  constructor(readonly min: number, readonly max: number) {
    need(Number.isFinite(min) && Number.isFinite(max) && min >= 0 && max > min, `uniform: need finite 0 <= min < max, got min=${min}, max=${max}`);
    this.mean = (min + max) / 2;
    this.variance = ((max - min) * (max - min)) / 12;
  }
  sample(rng: RandomStream): number {
    return this.min + (this.max - this.min) * rng.next();
  }
  describe(): string {
    return `uniform(${this.min}, ${this.max})`;
  }
}

export class Triangular implements Distribution {
  readonly kind = 'triangular';
  readonly mean: number;
  readonly variance: number;
  private readonly split: number;
  constructor(readonly min: number, readonly mode: number, readonly max: number) {
    need(
      [min, mode, max].every(Number.isFinite) && min >= 0 && min <= mode && mode <= max && max > min,
      `triangular: need finite 0 <= min <= mode <= max with min < max, got ${min}, ${mode}, ${max}`,
    );
    this.mean = (min + mode + max) / 3;
    this.variance = (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
    this.split = (mode - min) / (max - min);
  }
  sample(rng: RandomStream): number {
    // Inverse transform: one uniform per draw.
    const u = rng.next();
    const { min, mode, max } = this;
    return u < this.split
      ? min + Math.sqrt(u * (max - min) * (mode - min))
      : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }
  describe(): string {
    return `triangular(${this.min}, ${this.mode}, ${this.max})`;
  }
}

/** Gamma by shape and mean (Marsaglia & Tsang 2000; shape < 1 by the boost u^(1/shape)). */
export class Gamma implements Distribution {
  readonly kind: string = 'gamma';
  readonly variance: number;
  private readonly scale: number;
  private readonly d: number;
  private readonly c: number;
  constructor(readonly shape: number, readonly mean: number) {
    need(finitePos(shape), `gamma: shape must be a finite number > 0, got ${shape}`);
    need(finitePos(mean), `gamma: mean must be a finite number > 0, got ${mean}`);
    this.scale = mean / shape;
    this.variance = shape * this.scale * this.scale;
    const a = shape < 1 ? shape + 1 : shape;
    this.d = a - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
  }
  sample(rng: RandomStream): number {
    const { d, c } = this;
    let x: number;
    for (;;) {
      const z = rng.normal();
      const v0 = 1 + c * z;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = rng.uniform01();
      if (u < 1 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
        x = d * v;
        break;
      }
    }
    if (this.shape < 1) x *= Math.pow(rng.uniform01(), 1 / this.shape);
    return x * this.scale;
  }
  describe(): string {
    return `gamma(shape=${this.shape}, mean=${this.mean})`;
  }
}

/** Erlang-k with a given mean: the sum of k exponential phases. */
export class Erlang implements Distribution {
  readonly kind = 'erlang';
  readonly variance: number;
  constructor(readonly k: number, readonly mean: number) {
    need(Number.isInteger(k) && k >= 1 && k <= 1000, `erlang: k must be an integer in [1, 1000], got ${k}`);
    need(finitePos(mean), `erlang: mean must be a finite number > 0, got ${mean}`);
    this.variance = (mean * mean) / k;
  }
  sample(rng: RandomStream): number {
    // Product of uniforms, one log: exact and cheaper than k logs.
    let p = 1;
    for (let i = 0; i < this.k; i++) p *= rng.uniform01();
    return (-this.mean / this.k) * Math.log(p);
  }
  describe(): string {
    return `erlang(k=${this.k}, mean=${this.mean})`;
  }
}

/** Lognormal by its own mean and coefficient of variation (not those of the log). */
export class Lognormal implements Distribution {
  readonly kind = 'lognormal';
  readonly variance: number;
  private readonly mu: number;
  private readonly sigma: number;
  constructor(readonly mean: number, readonly cv: number) {
    need(finitePos(mean), `lognormal: mean must be a finite number > 0, got ${mean}`);
    need(Number.isFinite(cv) && cv > 0 && cv <= 20, `lognormal: cv must be in (0, 20], got ${cv}`);
    const s2 = Math.log(1 + cv * cv);
    this.sigma = Math.sqrt(s2);
    this.mu = Math.log(mean) - s2 / 2;
    this.variance = (cv * mean) ** 2;
  }
  sample(rng: RandomStream): number {
    return Math.exp(this.mu + this.sigma * rng.normal());
  }
  describe(): string {
    return `lognormal(mean=${this.mean}, cv=${this.cv})`;
  }
}

/** Discrete empirical: values with optional weights (default equal). */
export class Empirical implements Distribution {
  readonly kind = 'empirical';
  readonly mean: number;
  readonly variance: number;
  private readonly values: Float64Array;
  private readonly cumulative: Float64Array;
  constructor(values: readonly number[], weights?: readonly number[]) {
    need(values.length > 0, 'empirical: needs at least one value');
    need(values.every((v) => Number.isFinite(v) && v >= 0), 'empirical: values must be finite numbers >= 0');
    const w = weights ?? values.map(() => 1);
    need(w.length === values.length, `empirical: ${values.length} values but ${w.length} weights`);
    need(w.every((x) => Number.isFinite(x) && x >= 0), 'empirical: weights must be finite numbers >= 0');
    const total = w.reduce((a, b) => a + b, 0);
    need(total > 0, 'empirical: weights must not all be zero');
    this.values = Float64Array.from(values);
    this.cumulative = new Float64Array(values.length);
    let acc = 0;
    let m = 0;
    let m2 = 0;
    for (let i = 0; i < values.length; i++) {
      const p = w[i]! / total;
      acc += p;
      this.cumulative[i] = acc;
      m += p * values[i]!;
      m2 += p * values[i]! * values[i]!;
    }
    this.cumulative[values.length - 1] = 1;
    this.mean = m;
    this.variance = Math.max(0, m2 - m * m);
  }
  sample(rng: RandomStream): number {
    const u = rng.next();
    // Binary search for the first cumulative weight above u.
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
  describe(): string {
    return `empirical(${this.values.length} values, mean=${this.mean})`;
  }
}

/** A plain-data description of a distribution, as scenario files hold it (hours). */
export type DistributionSpec =
  | { type: 'exponential'; mean: number }
  | { type: 'deterministic'; value: number }
  | { type: 'uniform'; min: number; max: number }
  | { type: 'triangular'; min: number; mode: number; max: number }
  | { type: 'gamma'; shape: number; mean: number }
  | { type: 'erlang'; k: number; mean: number }
  | { type: 'lognormal'; mean: number; cv: number }
  | { type: 'empirical'; values: number[]; weights?: number[] };

export function makeDistribution(spec: DistributionSpec): Distribution {
  switch (spec.type) {
    case 'exponential':
      return new Exponential(spec.mean);
    case 'deterministic':
      return new Deterministic(spec.value);
    case 'uniform':
      return new Uniform(spec.min, spec.max);
    case 'triangular':
      return new Triangular(spec.min, spec.mode, spec.max);
    case 'gamma':
      return new Gamma(spec.shape, spec.mean);
    case 'erlang':
      return new Erlang(spec.k, spec.mean);
    case 'lognormal':
      return new Lognormal(spec.mean, spec.cv);
    case 'empirical':
      return new Empirical(spec.values, spec.weights);
    default: {
      const t = (spec as { type?: unknown }).type;
      throw new DistributionError(
        `unknown distribution type ${JSON.stringify(t)}; valid: exponential, deterministic, uniform, triangular, gamma, erlang, lognormal, empirical`,
      );
    }
  }
}
