// Sample quantiles (Hyndman-Fan type 7, the R / numpy default) and a growable sample store for them.

function checkProbability(p: number, fn: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: probability must be in [0, 1], got ${p}`);
}

/**
 * Type-7 quantile of already sorted values: linear interpolation between order
 * statistics at position h = (n-1)p (0-based). Chosen because it matches what
 * analysts get from R's `quantile()` and numpy's `percentile()` by default.
 * The input is not checked for sortedness (that would cost O(n) per call).
 */
export function quantile(sortedValues: ArrayLike<number>, p: number): number {
  checkProbability(p, 'quantile');
  const n = sortedValues.length;
  if (n === 0) throw new RangeError('quantile: cannot take a quantile of an empty sample');
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const xLo = sortedValues[lo] as number;
  if (lo >= n - 1) return xLo;
  const frac = h - lo;
  if (frac === 0) return xLo;
  const xHi = sortedValues[lo + 1] as number;
  // Written as a + f(b-a) so equal neighbours give exactly that value.
  return xLo + frac * (xHi - xLo);
}

/**
 * Several type-7 quantiles of unsorted values; sorts one Float64Array copy and
 * leaves the input untouched. NaN values are rejected because they have no
 * place in an ordering and would silently shift every quantile.
 */
export function quantiles(values: ArrayLike<number>, ps: ArrayLike<number>): number[] {
  for (let i = 0; i < ps.length; i++) checkProbability(ps[i] as number, 'quantiles');
  const n = values.length;
  if (n === 0) throw new RangeError('quantiles: cannot take quantiles of an empty sample');
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) throw new RangeError(`quantiles: value at index ${i} is NaN`);
    sorted[i] = v;
  }
  sorted.sort();
  const out: number[] = new Array<number>(ps.length);
  for (let i = 0; i < ps.length; i++) out[i] = quantile(sorted, ps[i] as number);
  return out;
}

/**
 * Stores observations for later quantile queries. Backed by a Float64Array that
 * doubles when full, so `add` allocates only O(log n) times overall.
 * Queries sort the store in place (order of observations is irrelevant to
 * quantiles) and the sorted state is cached until the next `add`.
 */
export class QuantileSample {
  private buf: Float64Array;
  private n = 0;
  private sorted = true;

  constructor(initialCapacity = 64) {
    this.buf = new Float64Array(Math.max(1, Math.floor(initialCapacity)));
  }

  add(x: number): void {
    if (Number.isNaN(x)) throw new RangeError('QuantileSample.add: NaN cannot be ordered');
    if (this.n === this.buf.length) {
      const grown = new Float64Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.n++] = x;
    this.sorted = false;
  }

  get count(): number {
    return this.n;
  }

  quantile(p: number): number {
    checkProbability(p, 'QuantileSample.quantile');
    if (this.n === 0) throw new RangeError('QuantileSample.quantile: no observations');
    return quantile(this.sortedView(), p);
  }

  quantiles(ps: ArrayLike<number>): number[] {
    const out: number[] = new Array<number>(ps.length);
    for (let i = 0; i < ps.length; i++) out[i] = this.quantile(ps[i] as number);
    return out;
  }

  /** A copy of the observations, sorted ascending. */
  toArray(): Float64Array {
    return this.sortedView().slice();
  }

  clear(): void {
    this.n = 0;
    this.sorted = true;
  }

  private sortedView(): Float64Array {
    const view = this.buf.subarray(0, this.n);
    if (!this.sorted) {
      view.sort();
      this.sorted = true;
    }
    return view;
  }
}
