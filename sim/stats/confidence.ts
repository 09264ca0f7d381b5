// Confidence intervals for a mean across independent replications (Student t),
// including paired comparisons of two scenarios run with common random numbers.

import { Tally } from './tally.js';
import { tQuantile } from './student-t.js';

export interface ConfidenceInterval {
  /** Number of observations (replications, batches, pairs). */
  n: number;
  mean: number;
  /** Sample standard deviation (divisor n-1). */
  stdev: number;
  /** t_{1-(1-level)/2, n-1} · stdev / √n. NaN when n < 2: one replication says nothing about its own variability. */
  halfWidth: number;
  lower: number;
  upper: number;
  level: number;
}

function checkLevel(level: number, fn: string): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`${fn}: confidence level must be in (0, 1), got ${level}`);
}

/**
 * Interval from summary statistics, for callers that already hold a Tally or
 * batch means. With n = 0 everything but n and level is NaN; with n = 1 the mean
 * is known but halfWidth, lower and upper are NaN (never a misleading zero width).
 */
export function confidenceIntervalFromMoments(n: number, mean: number, stdev: number, level = 0.95): ConfidenceInterval {
  checkLevel(level, 'confidenceIntervalFromMoments');
  if (n < 2) {
    return { n, mean: n === 1 ? mean : NaN, stdev: NaN, halfWidth: NaN, lower: NaN, upper: NaN, level };
  }
  const halfWidth = (tQuantile(0.5 + level / 2, n - 1) * stdev) / Math.sqrt(n);
  return { n, mean, stdev, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, level };
}

/**
 * Student-t interval for the mean of independent, roughly normal observations,
 * typically one output statistic per replication. Within-run observations are
 * autocorrelated and need batchMeans instead.
 */
export function confidenceInterval(values: ArrayLike<number>, level = 0.95): ConfidenceInterval {
  checkLevel(level, 'confidenceInterval');
  const tally = new Tally();
  for (let i = 0; i < values.length; i++) tally.add(values[i] as number);
  return confidenceIntervalFromMoments(tally.count, tally.mean, tally.stdev, level);
}

/**
 * Interval for the mean of a[i] - b[i]. Pairing replication i of two scenarios
 * (same seeds) cancels the shared noise, so the difference is usually far
 * tighter than two separate intervals would suggest. If it excludes 0 the
 * scenarios differ at this level.
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>, level = 0.95): ConfidenceInterval {
  if (a.length !== b.length) {
    throw new RangeError(`pairedDifference: samples must have equal length to be paired, got ${a.length} and ${b.length}`);
  }
  const diff = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) diff[i] = (a[i] as number) - (b[i] as number);
  return confidenceInterval(diff, level);
}

/**
 * halfWidth / |mean|, the usual stopping criterion for adding replications
 * ("until the half-width is within 5% of the mean"). Infinity for a zero mean
 * with a positive half-width; NaN whenever the half-width is NaN.
 */
export function relativePrecision(ci: ConfidenceInterval): number {
  return ci.halfWidth / Math.abs(ci.mean);
}
