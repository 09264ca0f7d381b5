// Histogram binning (e.g. the viewer's lead-time distribution), numpy-compatible bin rules.

export interface HistogramResult {
  /** Bin edges, length counts.length + 1, strictly increasing. */
  edges: Float64Array;
  /** counts[i] is the number of values in [edges[i], edges[i+1]); the last bin also includes its right edge. */
  counts: Uint32Array;
  /** Values below edges[0]. */
  underflow: number;
  /** Values above the last edge. */
  overflow: number;
  /** NaN values, which belong to no bin. */
  nan: number;
}

export interface UniformBins {
  bins: number;
  /** Defaults to the smallest value (0 for no values). */
  min?: number;
  /** Defaults to the largest value (1 for no values). */
  max?: number;
}

function uniformEdges(values: ArrayLike<number>, spec: UniformBins): Float64Array {
  const { bins } = spec;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`histogram: bins must be a positive integer, got ${bins}`);
  let lo = spec.min;
  let hi = spec.max;
  if (lo === undefined || hi === undefined) {
    let dataLo = Infinity;
    let dataHi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (v < dataLo) dataLo = v;
      if (v > dataHi) dataHi = v;
    }
    if (dataLo > dataHi) {
      dataLo = 0;
      dataHi = 1;
    }
    lo ??= dataLo;
    hi ??= dataHi;
    // A degenerate data range gets a unit-wide range around it, as numpy does.
    if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
  }
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
    throw new RangeError(`histogram: need finite min < max, got min=${lo}, max=${hi}`);
  }
  const edges = new Float64Array(bins + 1);
  // min + (max-min)·(i/bins) puts decimal edges such as 0.3 exactly where users expect them.
  for (let i = 0; i <= bins; i++) edges[i] = lo + (hi - lo) * (i / bins);
  edges[bins] = hi;
  return edges;
}

function checkEdges(edges: ArrayLike<number>): Float64Array {
  if (edges.length < 2) throw new RangeError(`histogram: need at least 2 edges, got ${edges.length}`);
  const out = Float64Array.from(edges);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i] as number)) throw new RangeError(`histogram: edge ${i} is not finite (${out[i]})`);
    if (i > 0 && !((out[i] as number) > (out[i - 1] as number))) {
      throw new RangeError(`histogram: edges must be strictly increasing, but edge ${i} (${out[i]}) ≤ edge ${i - 1} (${out[i - 1]})`);
    }
  }
  return out;
}

/** Last index i with edges[i] ≤ x, for edges[0] ≤ x < edges[last]. */
function findBin(edges: Float64Array, x: number): number {
  let lo = 0;
  let hi = edges.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid] as number) <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Counts values into bins given either explicit edges or `{ bins, min, max }`
 * for equal-width bins. Bins are half-open [a, b) except the last, which is
 * closed so the maximum is counted (numpy's convention). Values outside the
 * edges are tallied in underflow/overflow instead of being silently lost.
 */
export function histogram(values: ArrayLike<number>, binning: ArrayLike<number> | UniformBins): HistogramResult {
  const edges = 'bins' in binning ? uniformEdges(values, binning) : checkEdges(binning);
  const nBins = edges.length - 1;
  const counts = new Uint32Array(nBins);
  const first = edges[0] as number;
  const last = edges[nBins] as number;
  let underflow = 0;
  let overflow = 0;
  let nan = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isNaN(x)) nan++;
    else if (x < first) underflow++;
    else if (x > last) overflow++;
    else if (x === last) counts[nBins - 1]!++;
    else counts[findBin(edges, x)]!++;
  }
  return { edges, counts, underflow, overflow, nan };
}
