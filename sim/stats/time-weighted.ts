// TimeWeighted: time-average of a piecewise-constant level (queue length, WIP, busy servers).

/**
 * Integrates a level that holds its value between updates (a step function of
 * simulated time). Unlike a Tally, each value is weighted by how long it lasted,
 * which is what "average queue length" means in Little's-law terms.
 *
 * Times must be non-decreasing; several updates at the same instant are fine
 * (the earlier ones simply get zero weight).
 */
export class TimeWeighted {
  private t0: number;
  private tLast: number;
  private lvl: number;
  private acc = 0;
  private hi: number;
  private lo: number;

  constructor(startTime = 0, initialLevel = 0) {
    if (!Number.isFinite(startTime)) throw new Error(`TimeWeighted: start time must be finite, got ${startTime}`);
    this.t0 = startTime;
    this.tLast = startTime;
    this.lvl = initialLevel;
    this.hi = initialLevel;
    this.lo = initialLevel;
  }

  /** Sets the level from `time` onwards. */
  update(time: number, newLevel: number): void {
    this.advance(time, 'update');
    this.lvl = newLevel;
    if (newLevel > this.hi) this.hi = newLevel;
    if (newLevel < this.lo) this.lo = newLevel;
  }

  /** Changes the level by `delta` at `time` (arrival +1, departure -1). */
  add(time: number, delta: number): void {
    this.update(time, this.lvl + delta);
  }

  /** Current level. */
  get level(): number {
    return this.lvl;
  }

  /** Largest level seen since construction or the last reset (including the level carried over by reset). */
  get max(): number {
    return this.hi;
  }

  /** Smallest level seen since construction or the last reset. */
  get min(): number {
    return this.lo;
  }

  /** Start of the current accumulation window. */
  get startTime(): number {
    return this.t0;
  }

  /** Time of the most recent update (or reset/construction). */
  get lastTime(): number {
    return this.tLast;
  }

  /** Integral of the level over [startTime, untilTime]; `untilTime` defaults to the last update time. */
  area(untilTime: number = this.tLast): number {
    this.checkNotBefore(untilTime, 'area');
    return this.acc + this.lvl * (untilTime - this.tLast);
  }

  /**
   * Time-average level over [startTime, untilTime]. For a zero-length window
   * the current level is returned (the limit of the average as the window shrinks),
   * so a statistic read right after a reset is still meaningful.
   */
  mean(untilTime: number = this.tLast): number {
    const a = this.area(untilTime);
    const span = untilTime - this.t0;
    return span > 0 ? a / span : this.lvl;
  }

  /**
   * Discards everything accumulated so far and restarts at `time`, keeping the
   * current level. Used to delete the warm-up period: the system state at the end
   * of warm-up is real, only its history is biased.
   */
  reset(time: number): void {
    this.advance(time, 'reset');
    this.t0 = time;
    this.acc = 0;
    this.hi = this.lvl;
    this.lo = this.lvl;
  }

  private advance(time: number, op: string): void {
    this.checkNotBefore(time, op);
    this.acc += this.lvl * (time - this.tLast);
    this.tLast = time;
  }

  private checkNotBefore(time: number, op: string): void {
    // Negated comparison so NaN is rejected too.
    if (!(time >= this.tLast)) {
      throw new Error(`TimeWeighted.${op}: time ${time} is before the last update time ${this.tLast}`);
    }
  }
}
