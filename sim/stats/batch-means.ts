// Batch means: a confidence interval for the steady-state mean from one long,
// autocorrelated run, plus the lag-1 autocorrelation used to judge the batches.

import { confidenceInterval, type ConfidenceInterval } from './confidence.js';

export interface BatchMeansResult {
  batchSize: number;
  /** Observations dropped from the start so the rest divides into equal batches. */
  dropped: number;
  batchMeans: Float64Array;
  /** Student-t interval over the batch means. */
  ci: ConfidenceInterval;
  /**
   * Lag-1 autocorrelation of the batch means. Should be near 0; clearly positive
   * means the batches are too short and `ci` is too narrow.
   */
  lag1: number;
}

/**
 * Non-overlapping batch means. Observations inside a run are correlated, so a
 * naive interval over them is far too narrow; means of long enough batches are
 * nearly independent and normal. The leftover n mod nBatches observations are
 * dropped from the start, the part of the run nearest the (deleted) warm-up.
 */
export function batchMeans(values: ArrayLike<number>, nBatches = 20, level = 0.95): BatchMeansResult {
  if (!Number.isInteger(nBatches) || nBatches < 2) {
    throw new RangeError(`batchMeans: need an integer number of batches ≥ 2, got ${nBatches}`);
  }
  const n = values.length;
  if (n < nBatches) throw new RangeError(`batchMeans: ${n} observations cannot fill ${nBatches} batches`);
  const batchSize = Math.floor(n / nBatches);
  const dropped = n - batchSize * nBatches;
  const means = new Float64Array(nBatches);
  for (let b = 0; b < nBatches; b++) {
    const start = dropped + b * batchSize;
    // Running mean rather than sum/size keeps large offsets from losing digits.
    let m = 0;
    for (let i = 0; i < batchSize; i++) m += ((values[start + i] as number) - m) / (i + 1);
    means[b] = m;
  }
  return { batchSize, dropped, batchMeans: means, ci: confidenceInterval(means, level), lag1: lag1Autocorrelation(means) };
}

/**
 * Sample lag-1 autocorrelation Σ(x_i - x̄)(x_{i+1} - x̄) / Σ(x_i - x̄)², the
 * standard (biased, always in [-1, 1]) estimator. NaN for fewer than 2 values
 * or a constant series.
 */
export function lag1Autocorrelation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += ((values[i] as number) - mean) / (i + 1);
  let num = 0;
  let den = 0;
  let prev = (values[0] as number) - mean;
  den += prev * prev;
  for (let i = 1; i < n; i++) {
    const cur = (values[i] as number) - mean;
    num += prev * cur;
    den += cur * cur;
    prev = cur;
  }
  return den > 0 ? num / den : NaN;
}
