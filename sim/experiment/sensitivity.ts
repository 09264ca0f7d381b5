/**
 * Pure parts of `stroom sensitivity`: default parameter ranges, influence
 * ranking across design points, sign-holding share and the PRIM box where the
 * sign of a paired difference (b − a) flips. No Node imports.
 */
import type { FactorRange } from './design-points.js';
import { primPeel, type PrimBox } from './prim.js';

/**
 * Default range for a behaviour parameter: ±50% of the scenario's value,
 * clamped to the valid range; probabilities stay in [0,1] and integers stay
 * integers (bounds rounded inwards so they remain valid).
 */
export function defaultRange(value: number, opts: { probability?: boolean; integer?: boolean; min?: number; max?: number } = {}): FactorRange {
  let lo = value - Math.abs(value) * 0.5;
  let hi = value + Math.abs(value) * 0.5;
  const min = opts.probability ? 0 : opts.min;
  const max = opts.probability ? 1 : opts.max;
  if (min !== undefined) lo = Math.max(lo, min);
  if (max !== undefined) hi = Math.min(hi, max);
  if (opts.integer) {
    lo = Math.ceil(lo);
    hi = Math.max(lo, Math.floor(hi));
  }
  return opts.integer ? { min: lo, max: hi, integer: true } : { min: lo, max: hi };
}

/** Ranks with ties averaged, so rank correlation is Spearman's rho. */
function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length).fill(0);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return out;
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

export interface SensitivityPoint {
  values: Record<string, number>;
  /** Mean paired difference (b − a) of one metric over replications. */
  diff: number;
}

export interface MetricSensitivity {
  /** The sign taken as reference: the sign at the scenario's own values if given, else the majority sign. */
  referenceSign: 1 | -1;
  /** Share of points whose difference has the reference sign. */
  signHolds: number;
  /** Parameters by |Spearman rank correlation| with the difference, strongest first. */
  influence: Array<{ parameter: string; rho: number }>;
  /** PRIM box concentrating the points where the sign flips (null when it never flips). */
  flipBox: PrimBox | null;
}

export function analyseMetric(
  points: SensitivityPoint[],
  params: string[],
  options: { baselineDiff?: number; alpha?: number; minSupport?: number } = {},
): MetricSensitivity {
  const positives = points.filter((p) => p.diff > 0).length;
  const referenceSign: 1 | -1 =
    options.baselineDiff !== undefined && options.baselineDiff !== 0
      ? (Math.sign(options.baselineDiff) as 1 | -1)
      : positives * 2 >= points.length ? 1 : -1;
  const holds = (d: number): boolean => Math.sign(d) === referenceSign;
  const ys = ranks(points.map((p) => p.diff));
  const influence = params
    .map((parameter) => ({ parameter, rho: pearson(ranks(points.map((p) => p.values[parameter] ?? 0)), ys) }))
    .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho));
  const flipBox = primPeel(
    points.map((p) => ({ values: p.values, hit: !holds(p.diff) })),
    params,
    { alpha: options.alpha ?? 0.05, minSupport: options.minSupport ?? 0.05 },
  );
  return {
    referenceSign,
    signHolds: points.length === 0 ? 0 : points.filter((p) => holds(p.diff)).length / points.length,
    influence,
    flipBox,
  };
}
