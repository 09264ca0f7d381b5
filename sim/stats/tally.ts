// Tally: running count/mean/variance/min/max of independent observations
// (Welford's one-pass update, Chan et al.'s pairwise merge).

/**
 * Accumulates observation statistics in O(1) memory without allocating per
 * observation. Welford's update is used instead of sum/sum-of-squares because
 * the latter cancels catastrophically when values share a large offset
 * (e.g. timestamps or costs around 1e9).
 *
 * Empty-state conventions: `mean`, `min`, `max` are NaN when `count` is 0;
 * `variance`/`stdev` are NaN when `count` < 2 (the sample variance is undefined).
 */
export class Tally {
  private n = 0;
  private mu = 0;
  /** Sum of squared deviations from the current mean. */
  private m2 = 0;
  private lo = Infinity;
  private hi = -Infinity;
  // Neumaier-compensated sum, so `sum` stays exact-ish even when `mean * count` would not.
  private s = 0;
  private sComp = 0;

  add(x: number): void {
    const n = ++this.n;
    const delta = x - this.mu;
    this.mu += delta / n;
    // Using the updated mean for the second factor is what keeps Welford stable.
    this.m2 += delta * (x - this.mu);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    this.addToSum(x);
  }

  get count(): number {
    return this.n;
  }

  get mean(): number {
    return this.n > 0 ? this.mu : NaN;
  }

  /** Sample variance (divisor n-1). */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : NaN;
  }

  get stdev(): number {
    return Math.sqrt(this.variance);
  }

  get min(): number {
    return this.n > 0 ? this.lo : NaN;
  }

  get max(): number {
    return this.n > 0 ? this.hi : NaN;
  }

  get sum(): number {
    return this.s + this.sComp;
  }

  reset(): void {
    this.n = 0;
    this.mu = 0;
    this.m2 = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
    this.s = 0;
    this.sComp = 0;
  }

  /**
   * Folds `other` into this tally as if its observations had been added here
   * (Chan, Golub & LeVeque's pairwise formula). `other` is left unchanged.
   * Lets parallel workers tally independently and combine afterwards.
   */
  merge(other: Tally): this {
    const nb = other.n;
    if (nb === 0) return this;
    const na = this.n;
    if (na === 0) {
      this.n = nb;
      this.mu = other.mu;
      this.m2 = other.m2;
      this.lo = other.lo;
      this.hi = other.hi;
      this.s = other.s;
      this.sComp = other.sComp;
      return this;
    }
    const n = na + nb;
    const delta = other.mu - this.mu;
    this.mu += (delta * nb) / n;
    this.m2 += other.m2 + ((delta * delta * na) / n) * nb;
    this.n = n;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    this.addToSum(other.s);
    this.addToSum(other.sComp);
    return this;
  }

  private addToSum(x: number): void {
    const t = this.s + x;
    if (!Number.isFinite(t)) {
      // Compensation is meaningless once the sum overflows or sees NaN/Infinity.
      this.s = t;
      return;
    }
    // Neumaier: recover the low-order bits lost in whichever operand was smaller.
    if (Math.abs(this.s) >= Math.abs(x)) this.sComp += this.s - t + x;
    else this.sComp += x - t + this.s;
    this.s = t;
  }
}
