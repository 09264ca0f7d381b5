// Bounded-memory quantiles: a log-bucketed histogram with a relative-error guarantee
// (the DDSketch idea of Masson, Rim & Lee, "DDSketch: a fast and fully-mergeable
// quantile sketch with relative-error guarantees", VLDB 2019), written for stroom.
//
// Why this algorithm. Lead times are positive with a heavy right tail, and what we report
// of them (p50, p90, p99) must be trustworthy in the tail. A relative-error bound fits
// that shape: it is tight where values are small and loose only in proportion where they
// are large, and unlike rank-error sketches (t-digest, KLL, GK) it cannot report a p99
// that is off by a factor because the tail is sparse. The bound is deterministic (no
// randomness, no dependence on insertion order) and memory depends only on the spread
// of the values (their max/min ratio), never on how many there are.
//
// How. With gamma = (1 + alpha) / (1 - alpha), a value x > 0 goes to bucket
// k = ceil(log_gamma x), which holds (gamma^(k-1), gamma^k]. Every value in that bucket
// lies within relative distance alpha of the bucket's representative 2 gamma^k / (gamma + 1):
// (gamma - 1) / (gamma + 1) = alpha at both ends. Negative values go to a mirror store by
// magnitude, exact zeros to a counter; count, sum, min and max are kept exactly.
//
// ERROR BOUND (the contract the tests check). quantile(p) uses the same definition as
// sim/stats/quantiles.ts (Hyndman-Fan type 7: h = (n - 1) p, interpolate between the
// order statistics at 0-based ranks floor(h) and floor(h) + 1). The sketch replaces each
// of those two order statistics by its bucket's representative, clamped to the exact
// [min, max]; ranks 0 and n - 1 are the exact min and max. So:
//   - each order statistic x(r) is estimated within |est - x(r)| <= alpha |x(r)|;
//   - when both neighbours have the same sign (always, for lead times), the interpolated
//     quantile q is within |est - q| <= alpha |q| (a convex combination of estimates each
//     within alpha relative of a same-signed value stays within alpha relative);
//   - when they straddle zero, |est - q| <= alpha max(|x(lo)|, |x(lo+1)|).
// Floating-point rounding of log/exp can move a value lying on a bucket boundary into
// the neighbouring bucket; it is then still within alpha of that bucket's representative
// up to a relative 1e-12 or so, which the tests allow for.
//
// Memory. Each store is a dense Float64Array of bucket counts over the range of keys
// seen, growing by doubling up to maxBuckets. At the default alpha = 0.005 and 4096
// buckets a store spans a max/min ratio of gamma^4096, about 6e17, so lead times never
// reach the cap. Past it the lowest buckets are collapsed into one (the largest values
// keep their guarantee, which is where lead-time quantiles live); `collapsedBelow` then
// tells from which magnitude down the guarantee no longer holds. Worst case memory:
// 2 * maxBuckets * 8 bytes (64 KiB at the default), whatever the count.
//
// Hot path. `add` is one log, one ceil and an array increment; it allocates only when the
// key range grows beyond the current array (O(log maxBuckets) times over a run).
//
// Determinism: the result depends only on the multiset of values added, not on their
// order. It is bit-identical from run to run on one JavaScript engine; engines whose
// Math.log differs in the last bit could place a boundary value in a neighbouring bucket,
// which stays within the bound above.

function checkProbability(p: number, fn: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: probability must be in [0, 1], got ${p}`);
}

/** Dense bucket counts for positive magnitudes, indexed by key - offset. */
class BucketStore {
  counts: Float64Array;
  /** Key of counts[0]. */
  offset = 0;
  /** Lowest and highest key holding a count (meaningless while total is 0). */
  minKey = 0;
  maxKey = 0;
  total = 0;
  /** Lowest key still kept separately after a collapse; -Infinity while none happened. */
  floorKey = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly maxBuckets: number,
    private readonly initialBuckets: number,
  ) {
    this.counts = new Float64Array(0);
  }

  add(key: number): void {
    if (this.total === 0) {
      if (this.counts.length === 0) this.counts = new Float64Array(this.initialBuckets);
      // Centre the first key so the range can grow either way without a shift.
      this.offset = key - (this.counts.length >> 1);
      this.minKey = this.maxKey = key;
    } else {
      if (key < this.floorKey) key = this.floorKey;
      if (key < this.offset || key >= this.offset + this.counts.length) key = this.makeRoom(key);
      if (key < this.minKey) this.minKey = key;
      if (key > this.maxKey) this.maxKey = key;
    }
    this.counts[key - this.offset]! += 1;
    this.total += 1;
  }

  /** Key of the 0-based rank-th smallest magnitude. */
  keyAtRank(rank: number): number {
    let cum = 0;
    for (let k = this.minKey; k <= this.maxKey; k++) {
      cum += this.counts[k - this.offset]!;
      if (cum > rank) return k;
    }
    return this.maxKey;
  }

  clear(): void {
    if (this.total > 0) this.counts.fill(0, this.minKey - this.offset, this.maxKey - this.offset + 1);
    this.total = 0;
    this.floorKey = Number.NEGATIVE_INFINITY;
  }

  /**
   * Re-lays the counts so that `key` fits: grows the array (doubling) while the range
   * fits in maxBuckets, otherwise folds the lowest buckets into one. Returns the key to
   * count (a key below the new floor is raised to it).
   */
  private makeRoom(key: number): number {
    const lo = Math.min(this.minKey, key);
    const hi = Math.max(this.maxKey, key);
    let len = this.counts.length;
    while (len < hi - lo + 1 && len < this.maxBuckets) len = Math.min(this.maxBuckets, len * 2);
    if (hi - lo + 1 <= len) {
      this.relayout(lo, hi, len, true);
      return key;
    }
    // Collapse: the top `len` keys stay separate, everything below joins the floor bucket.
    // The existing range always fits the array, so only a new high key can fold old ones.
    const floor = hi - len + 1;
    let folded = 0;
    for (let k = this.minKey; k < floor && k <= this.maxKey; k++) {
      folded += this.counts[k - this.offset]!;
      this.counts[k - this.offset] = 0;
    }
    const survivors = this.maxKey >= floor;
    if (survivors) this.minKey = Math.max(this.minKey, floor);
    this.relayout(floor, hi, len, survivors);
    if (!survivors) this.minKey = this.maxKey = floor;
    if (folded > 0) {
      this.counts[floor - this.offset]! += folded;
      this.minKey = floor;
    }
    this.floorKey = floor;
    return key < floor ? floor : key;
  }

  /**
   * Moves the counts of minKey..maxKey (if `copy`) so that keys lo..hi fit in an array of
   * length len, centred so the range can still grow either way.
   */
  private relayout(lo: number, hi: number, len: number, copy: boolean): void {
    const newOffset = lo - ((len - (hi - lo + 1)) >> 1);
    const from = this.minKey - this.offset;
    const to = this.maxKey - this.offset + 1;
    const dest = this.minKey - newOffset;
    if (len !== this.counts.length) {
      const grown = new Float64Array(len);
      if (copy) grown.set(this.counts.subarray(from, to), dest);
      this.counts = grown;
    } else if (copy && dest !== from) {
      this.counts.copyWithin(dest, from, to);
      // Zero the part of the old range that the moved range does not cover.
      if (dest > from) this.counts.fill(0, from, Math.min(dest, to));
      else this.counts.fill(0, Math.max(dest + (to - from), from), to);
    }
    this.offset = newOffset;
  }
}

export interface QuantileSketchOptions {
  /** Relative accuracy alpha of every quantile, in (0, 1). Default 0.005 (0.5 %). */
  relativeAccuracy?: number;
  /** Cap on buckets per sign; past it the lowest buckets are collapsed. Default 4096. */
  maxBuckets?: number;
}

/**
 * Streaming quantiles in bounded memory, within relative accuracy alpha of the exact
 * type-7 quantiles (see the header for the exact bound). Drop-in for QuantileSample
 * where only add / count / quantile / quantiles / clear are used.
 */
export class QuantileSketch {
  readonly relativeAccuracy: number;
  readonly maxBuckets: number;
  private readonly gamma: number;
  private readonly lnGamma: number;
  private readonly invLnGamma: number;
  private readonly pos: BucketStore;
  private readonly neg: BucketStore;
  private zeros = 0;
  private n = 0;
  private sum = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  constructor(options: QuantileSketchOptions = {}) {
    const alpha = options.relativeAccuracy ?? 0.005;
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`QuantileSketch: relativeAccuracy must be in (0, 1), got ${alpha}`);
    const maxBuckets = options.maxBuckets ?? 4096;
    if (!(Number.isInteger(maxBuckets) && maxBuckets >= 2)) {
      throw new RangeError(`QuantileSketch: maxBuckets must be an integer >= 2, got ${maxBuckets}`);
    }
    this.relativeAccuracy = alpha;
    this.maxBuckets = maxBuckets;
    this.gamma = (1 + alpha) / (1 - alpha);
    this.lnGamma = Math.log(this.gamma);
    this.invLnGamma = 1 / this.lnGamma;
    const initial = Math.min(maxBuckets, 128);
    this.pos = new BucketStore(maxBuckets, initial);
    this.neg = new BucketStore(maxBuckets, initial);
  }

  add(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`QuantileSketch.add: value must be finite, got ${x}`);
    if (x > 0) this.pos.add(this.key(x));
    else if (x < 0) this.neg.add(this.key(-x));
    else this.zeros++;
    this.n++;
    this.sum += x;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  get count(): number {
    return this.n;
  }

  /** Exact mean of the values added (plain summation). */
  get mean(): number {
    return this.n > 0 ? this.sum / this.n : Number.NaN;
  }

  /** Exact smallest value added. */
  get min(): number {
    return this.n > 0 ? this.lo : Number.NaN;
  }

  /** Exact largest value added. */
  get max(): number {
    return this.n > 0 ? this.hi : Number.NaN;
  }

  /** Buckets allocated (both signs): the memory in use is 8 bytes each. */
  get bucketCount(): number {
    return this.pos.counts.length + this.neg.counts.length;
  }

  /**
   * 0 while no bucket was collapsed. After a collapse: order statistics whose magnitude
   * exceeds this value still keep the alpha bound; smaller ones may be overestimated
   * in magnitude (they are reported as the floor bucket's representative).
   */
  get collapsedBelow(): number {
    const k = Math.max(this.pos.floorKey, this.neg.floorKey);
    return k === Number.NEGATIVE_INFINITY ? 0 : Math.exp(k * this.lnGamma);
  }

  /** Type-7 quantile estimate, within the header's error bound. */
  quantile(p: number): number {
    checkProbability(p, 'QuantileSketch.quantile');
    if (this.n === 0) throw new RangeError('QuantileSketch.quantile: no observations');
    const h = (this.n - 1) * p;
    const lo = Math.floor(h);
    const xLo = this.valueAtRank(lo);
    if (lo >= this.n - 1) return xLo;
    const frac = h - lo;
    if (frac === 0) return xLo;
    const xHi = this.valueAtRank(lo + 1);
    return xLo + frac * (xHi - xLo);
  }

  quantiles(ps: ArrayLike<number>): number[] {
    const out: number[] = new Array<number>(ps.length);
    for (let i = 0; i < ps.length; i++) out[i] = this.quantile(ps[i] as number);
    return out;
  }

  /** Forgets all values; keeps the arrays already allocated. */
  clear(): void {
    this.pos.clear();
    this.neg.clear();
    this.zeros = 0;
    this.n = 0;
    this.sum = 0;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = Number.NEGATIVE_INFINITY;
  }

  private key(magnitude: number): number {
    return Math.ceil(Math.log(magnitude) * this.invLnGamma);
  }

  /** Representative of bucket k: equidistant (relatively) from both bucket ends. */
  private representative(k: number): number {
    return (2 * Math.exp(k * this.lnGamma)) / (this.gamma + 1);
  }

  /** Estimate of the order statistic at 0-based rank r, clamped to the exact [min, max]. */
  private valueAtRank(r: number): number {
    if (r <= 0) return this.lo;
    if (r >= this.n - 1) return this.hi;
    const nNeg = this.neg.total;
    let v: number;
    if (r < nNeg) v = -this.representative(this.neg.keyAtRank(nNeg - 1 - r));
    else if (r < nNeg + this.zeros) return 0;
    else v = this.representative(this.pos.keyAtRank(r - nNeg - this.zeros));
    return v < this.lo ? this.lo : v > this.hi ? this.hi : v;
  }
}
