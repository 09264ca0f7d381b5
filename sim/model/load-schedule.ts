// A load schedule: the arrival rate of every stream multiplied by a factor that changes
// at given times (a ramp up and back down, for the hysteresis runs of `stroom tipping`).
// The environment's load, not a design choice and not behaviour: every design of a run
// gets the same schedule. Arrivals stay Poisson with a piecewise-constant rate: each
// gap is drawn at the base rate and then stretched through the schedule (a time change
// of the cumulative intensity), so the draws are the same random numbers with or
// without a schedule and a run without one is unchanged to the bit.

/** Most changes a schedule may hold (a weekly ramp over 100 years is 5,200). */
export const MAX_SCHEDULE = 10_000;

/** From `at` (hours) on, every stream arrives at `factor` x its base rate. */
export interface ArrivalScaleChange {
  at: number;
  factor: number;
}

/** The factor in force at time t (1 before the first change). Changes are sorted by `at`. */
export function factorAt(schedule: readonly ArrivalScaleChange[], t: number): number {
  let f = 1;
  for (const c of schedule) {
    if (c.at > t) break;
    f = c.factor;
  }
  return f;
}

/**
 * The delay until the next arrival, from `now`, when `base` is the gap drawn at the
 * base rate: the time over which the integral of the factor reaches `base`.
 */
export function scaledDelay(schedule: readonly ArrivalScaleChange[], now: number, base: number): number {
  let t = now;
  let left = base;
  let i = 0;
  let f = 1;
  while (i < schedule.length && schedule[i]!.at <= now) f = schedule[i++]!.factor;
  for (; i < schedule.length; i++) {
    const next = schedule[i]!.at;
    const room = (next - t) * f;
    if (left <= room) return t + left / f - now;
    left -= room;
    t = next;
    f = schedule[i]!.factor;
  }
  return t + left / f - now;
}

/** Problems of a schedule as [path, message] pairs (validate.ts reports them). */
export function scheduleIssues(schedule: readonly ArrivalScaleChange[]): [string, string][] {
  const out: [string, string][] = [];
  // Every arrival walks the schedule: bound it (a model may come from a queue job).
  if (schedule.length > MAX_SCHEDULE) return [['arrivalScale', `at most ${MAX_SCHEDULE} changes, got ${schedule.length}`]];
  schedule.forEach((c, i) => {
    if (!(c.at >= 0) || !Number.isFinite(c.at)) out.push([`arrivalScale[${i}].at`, `must be a finite time >= 0 hours, got ${c.at}`]);
    if (!(c.factor > 0) || !Number.isFinite(c.factor)) out.push([`arrivalScale[${i}].factor`, `must be a finite factor > 0, got ${c.factor}`]);
    if (i > 0 && !(c.at >= schedule[i - 1]!.at)) out.push([`arrivalScale[${i}].at`, `changes must be in time order; ${c.at} h comes after ${schedule[i - 1]!.at} h`]);
  });
  return out;
}

/** The highest factor the schedule reaches (1 without one): what a size estimate must allow for. */
export function peakFactor(schedule: readonly ArrivalScaleChange[] | undefined): number {
  return Math.max(1, ...(schedule ?? []).map((c) => c.factor));
}
