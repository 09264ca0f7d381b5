// Windows of weeks over the replicated weekly series: the observation period split
// into equal windows, and the change between two windows (before and after a timeline
// entry, an absence, a pilot). Each is turned into ordinary per-replication records
// (one value per series and replication), so the usual summaries and paired
// comparisons on common random numbers apply unchanged: the mean of a window across
// replications, the paired difference between designs per window, and the
// difference in differences (a design's change minus the baseline's change).
//
// Weeks are numbered from the start of the run (week 1 = hours 0 to 40, warm-up
// included), the clock a scenario's timeline uses; only observed weeks are used.

import type { ReplicationRecord } from './replications.js';

/** Hours in a model week (sim/model/spec.ts WEEK_HOURS; repeated to keep this layer model-free). */
export const WEEK_HOURS = 40;

/** A closed range of week numbers, first ≤ last. */
export interface WeekRange {
  first: number;
  last: number;
}

/** The observed weeks: the whole weeks between the end of the warm-up and the end of
 *  the run (a week cut by either, when they are not whole weeks, would count short). */
export function observedWeeks(horizon: number, warmup: number): WeekRange {
  return weeksBetween(warmup, warmup + horizon);
}

/** `n` windows of (nearly) equal length covering `period`; earlier windows are the shorter ones. */
export function splitWindows(period: WeekRange, n: number): WeekRange[] {
  const weeks = period.last - period.first + 1;
  if (!(Number.isInteger(n) && n >= 1 && n <= weeks)) throw new RangeError(`splitWindows: ${n} windows of ${weeks} weeks`);
  return Array.from({ length: n }, (_, i) => ({
    first: period.first + Math.floor((i * weeks) / n),
    last: period.first + Math.floor(((i + 1) * weeks) / n) - 1,
  }));
}

/** The weeks whose whole span lies between hours `from` and `to`. */
export function weeksBetween(from: number, to: number): WeekRange {
  return { first: Math.ceil(from / WEEK_HOURS - 1e-9) + 1, last: Math.floor(to / WEEK_HOURS + 1e-9) };
}

/** Mean of a weekly series over a window, skipping weeks without a value (NaN); NaN if none has one. */
export function windowMean(values: ArrayLike<number>, weeks: ArrayLike<number>, w: WeekRange): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const k = weeks[i]!;
    if (k < w.first || k > w.last) continue;
    const v = values[i]!;
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** The organisation-wide weekly series a record has, without the week column. */
export function seriesNames(records: readonly ReplicationRecord[]): string[] {
  const s = records.find((r) => r.series !== undefined)?.series;
  return s === undefined ? [] : Object.keys(s).filter((k) => k !== 'week');
}

function derived(r: ReplicationRecord, metrics: Record<string, number>): ReplicationRecord {
  const out: ReplicationRecord = { design: r.design, replication: r.replication, seed: r.seed, metrics };
  if (r.point !== undefined) out.point = r.point;
  return out;
}

function seriesOf(r: ReplicationRecord): { week: ArrayLike<number>; [name: string]: ArrayLike<number> } {
  if (r.series === undefined) throw new Error(`windows: replication ${r.replication} of design ${r.design} has no weekly series`);
  return r.series;
}

/** Per window, records whose metrics are each series' window mean in that replication. */
export function windowRecords(records: readonly ReplicationRecord[], windows: readonly WeekRange[], names: readonly string[]): ReplicationRecord[][] {
  return windows.map((w) => records.map((r) => {
    const s = seriesOf(r);
    return derived(r, Object.fromEntries(names.map((m) => [m, windowMean(s[m] ?? [], s.week, w)])));
  }));
}

/** Records whose metrics are each series' change from window `before` to window `after`
 *  (mean over `after` minus mean over `before`) within the replication. */
export function changeRecords(records: readonly ReplicationRecord[], before: WeekRange, after: WeekRange, names: readonly string[]): ReplicationRecord[] {
  return records.map((r) => {
    const s = seriesOf(r);
    return derived(r, Object.fromEntries(names.map((m) => [m, windowMean(s[m] ?? [], s.week, after) - windowMean(s[m] ?? [], s.week, before)])));
  });
}
