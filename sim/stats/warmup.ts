// Warm-up (initial transient) detection: MSER-5 for a single series and
// Welch's moving-average plot data across replications.

export interface MserResult {
  /** d*: number of leading batches to delete. */
  truncationBatches: number;
  /** d* · batchSize: number of leading raw observations to delete. */
  truncationIndex: number;
  /** Minimised MSER value Σ_{j>d}(Z_j - Z̄_d)² / (k-d)² at d*. */
  statistic: number;
  /** k: number of complete batches (trailing leftover observations are not used). */
  batchCount: number;
  /**
   * True when d* sits at the search limit k/2: the transient may be longer than
   * the search allows, so the series is too short to trust the truncation.
   */
  atLimit: boolean;
}

/**
 * MSER-5 (White 1997; Franklin & White 2008). The series is averaged into k
 * batches of `batchSize` (5 by default, which damps noise without hiding the
 * transient), and the truncation d in 0..⌊k/2⌋ minimising
 *
 *   MSER(d) = Σ_{j=d+1..k} (Z_j - Z̄_d)² / (k - d)²
 *
 * is chosen, Z̄_d being the mean of the batches kept. MSER(d) is the squared
 * standard error of the truncated mean up to a constant: deleting biased early
 * batches lowers it, deleting good data raises it through the shrinking
 * denominator. Restricting d to k/2 follows the usual rule that a transient
 * longer than half the run cannot be told from a trend. Ties keep the smallest d.
 */
export function mser5(values: ArrayLike<number>, batchSize = 5): MserResult {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`mser5: batch size must be a positive integer, got ${batchSize}`);
  }
  const k = Math.floor(values.length / batchSize);
  if (k < 2) {
    throw new RangeError(`mser5: need at least ${2 * batchSize} observations (2 batches of ${batchSize}), got ${values.length}`);
  }
  const z = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let m = 0;
    for (let i = 0; i < batchSize; i++) m += ((values[j * batchSize + i] as number) - m) / (i + 1);
    z[j] = m;
  }
  // Welford from the end: after absorbing batches d..k-1, m2 is the sum of
  // squared deviations for truncation d, without sum-of-squares cancellation.
  const maxD = Math.floor(k / 2);
  let count = 0;
  let mean = 0;
  let m2 = 0;
  let bestD = 0;
  let best = Infinity;
  for (let d = k - 1; d >= 0; d--) {
    const x = z[d] as number;
    count++;
    const delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
    if (d <= maxD) {
      const stat = m2 / (count * count);
      // d decreases through the loop, so <= makes ties resolve to the smallest d.
      if (stat <= best) {
        best = stat;
        bestD = d;
      }
    }
  }
  return { truncationBatches: bestD, truncationIndex: bestD * batchSize, statistic: best, batchCount: k, atLimit: bestD === maxD };
}

/**
 * Welch's procedure (Law & Kelton, Simulation Modeling and Analysis, §9.5.1):
 * average the replications index by index into Ȳ_i, then smooth with a centred
 * moving average of half-width w,
 *
 *   Ȳ_i(w) = Σ_{s=-w..w} Ȳ_{i+s} / (2w+1)           for i = w+1, ..., m-w
 *   Ȳ_i(w) = Σ_{s=-(i-1)..i-1} Ȳ_{i+s} / (2i-1)      for i = 1, ..., w
 *
 * (1-based), so early points use the widest symmetric window that fits rather
 * than a lopsided one that would smear the transient. Returns the m-w values
 * Ȳ_1(w)..Ȳ_{m-w}(w); the warm-up is read off where the curve flattens.
 * Replications of unequal length are cut to the shortest (m) so every point
 * averages the same replications. w = 0 returns the across-replication means.
 */
export function welchMovingAverage(replicationSeries: ArrayLike<number>[], window: number): Float64Array {
  const reps = replicationSeries.length;
  if (reps === 0) throw new RangeError('welchMovingAverage: need at least one replication');
  if (!Number.isInteger(window) || window < 0) {
    throw new RangeError(`welchMovingAverage: window must be a non-negative integer, got ${window}`);
  }
  let m = Infinity;
  for (const s of replicationSeries) m = Math.min(m, s.length);
  if (window >= m) {
    throw new RangeError(`welchMovingAverage: window ${window} leaves no points for series of length ${m} (need window < length)`);
  }
  const avg = new Float64Array(m);
  for (const s of replicationSeries) for (let i = 0; i < m; i++) avg[i]! += s[i] as number;
  for (let i = 0; i < m; i++) avg[i]! /= reps;

  // Prefix sums of the centred series: window sums become O(1) differences, and
  // centring keeps large common offsets from eating the significant digits.
  let centre = 0;
  for (let i = 0; i < m; i++) centre += ((avg[i] as number) - centre) / (i + 1);
  const prefix = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) prefix[i + 1] = (prefix[i] as number) + ((avg[i] as number) - centre);

  const out = new Float64Array(m - window);
  for (let i = 0; i < out.length; i++) {
    // 0-based i: half-width min(i, w); window covers [i-h, i+h].
    const h = Math.min(i, window);
    const sum = (prefix[i + h + 1] as number) - (prefix[i - h] as number);
    out[i] = centre + sum / (2 * h + 1);
  }
  return out;
}
