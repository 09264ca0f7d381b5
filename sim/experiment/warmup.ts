// Warm-up estimation. A run starts empty and idle, so early weeks are biased;
// the warm-up is read from a weekly series (e.g. 'wip') averaged across
// replications — averaging removes most of the noise, leaving the transient —
// and truncated by MSER-5.

import { mser5, welchMovingAverage, type MserResult } from '../stats/index.js';
import type { RunResult } from './types.js';

export interface WarmupOptions {
  /** Name of the weekly series to analyse, e.g. 'wip'. */
  series: string;
  /** MSER batch size (default 5, i.e. MSER-5). */
  batchSize?: number;
  /** Hours in a simulated week, to convert the warm-up (default 168). */
  hoursPerWeek?: number;
  /**
   * Whether week[i] is the start (default) or the end of observation i's week;
   * it decides whether the first kept observation begins at week[d] or one week earlier.
   */
  weekLabels?: 'start' | 'end';
  /** If set, also return Welch's moving average with this half-window, for plotting. */
  welchWindow?: number;
}

export interface WarmupEstimate {
  series: string;
  replications: number;
  /** Week labels of the analysed observations (shortest replication's length). */
  week: number[];
  /** Across-replication mean of the series, per week. */
  mean: Float64Array;
  /** Leading observations to delete. */
  truncationIndex: number;
  /** Warm-up length: where the first kept observation's week begins. */
  warmupWeeks: number;
  warmupHours: number;
  /** Length of the analysed series in weeks. */
  runWeeks: number;
  /** False when the truncation is at MSER's search limit or beyond half the run. */
  reliable: boolean;
  /** Why the estimate is not reliable (absent when it is). */
  reason?: string;
  mser: MserResult;
  smoothed?: Float64Array;
}

function seriesOf(result: RunResult, name: string, i: number): { week: ArrayLike<number>; values: ArrayLike<number> } {
  const s = result.series;
  if (s === undefined) throw new Error(`estimateWarmup: replication ${i} has no series`);
  const values = s[name];
  if (values === undefined) throw new Error(`estimateWarmup: replication ${i} has no series "${name}"`);
  return { week: s.week, values };
}

/** Spacing of the week labels around observation i (1 when there is only one). */
function spacing(week: readonly number[], i: number): number {
  if (week.length < 2) return 1;
  return i > 0 ? week[i]! - week[i - 1]! : week[1]! - week[0]!;
}

/** Estimates the warm-up from the weekly series `options.series` of every run. */
export function estimateWarmup(results: readonly RunResult[], options: WarmupOptions): WarmupEstimate {
  if (results.length === 0) throw new Error('estimateWarmup: need at least one replication');
  const hoursPerWeek = options.hoursPerWeek ?? 168;
  const labels = options.weekLabels ?? 'start';
  const all = results.map((r, i) => seriesOf(r, options.series, i));
  let m = Infinity;
  for (const s of all) m = Math.min(m, s.values.length, s.week.length);
  const week = Array.from(all[0]!.week).slice(0, m);
  all.forEach((s, i) => {
    for (let j = 0; j < m; j++) {
      if (s.week[j] !== week[j]) throw new Error(`estimateWarmup: replication ${i} has week ${s.week[j]} at index ${j}, replication 0 has ${week[j]}`);
    }
  });

  const mean = welchMovingAverage(all.map((s) => s.values), 0).slice(0, m);
  const bad = mean.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new Error(`estimateWarmup: series "${options.series}" is not finite at week ${week[bad]}`);

  const mser = mser5(mean, options.batchSize ?? 5);
  const d = mser.truncationIndex;
  const start = (i: number): number => (labels === 'start' ? week[i]! : week[i]! - spacing(week, i));
  const origin = start(0);
  const runWeeks = week[m - 1]! + (labels === 'start' ? spacing(week, m - 1) : 0) - origin;
  const warmupWeeks = d < m ? start(d) : runWeeks + origin;

  let reason: string | undefined;
  if (mser.atLimit) reason = `truncation at MSER's search limit (${d} of ${m} weeks): the transient may be longer than the run can show`;
  else if (warmupWeeks - origin > runWeeks / 2) reason = `warm-up of ${warmupWeeks} weeks exceeds half the ${runWeeks}-week run`;

  const estimate: WarmupEstimate = {
    series: options.series,
    replications: results.length,
    week,
    mean,
    truncationIndex: d,
    warmupWeeks,
    warmupHours: warmupWeeks * hoursPerWeek,
    runWeeks,
    reliable: reason === undefined,
    mser,
  };
  if (reason !== undefined) estimate.reason = reason;
  if (options.welchWindow !== undefined) estimate.smoothed = welchMovingAverage(all.map((s) => s.values), options.welchWindow);
  return estimate;
}

/** The weekly series warm-up detection watches by default: the flow and the slow variables of the organisation. */
export const WARMUP_SERIES = ['wip', 'coverage', 'design_backlog', 'manager_queue'] as const;

export interface MultiWarmupEstimate {
  /** The longest warm-up any watched series asks for. */
  warmupWeeks: number;
  warmupHours: number;
  /** The series that set it. */
  decisive: string;
  /** Reliable only if every series' estimate is. */
  reliable: boolean;
  reasons: string[];
  perSeries: WarmupEstimate[];
}

/**
 * Warm-up over several weekly series at once: MSER-5 on each (the across-replication
 * mean), and the longest truncation wins, so a run is not declared warm while a slow
 * variable (agreement coverage, the design backlog, managers' escalation queues) is
 * still climbing although WIP has settled. Series a run lacks are skipped.
 */
export function estimateWarmupMulti(results: readonly RunResult[], series: readonly string[], options: Omit<WarmupOptions, 'series'>): MultiWarmupEstimate {
  const present = series.filter((name) => results.every((r) => r.series?.[name] !== undefined));
  if (present.length === 0) throw new Error(`estimateWarmupMulti: none of ${series.join(', ')} is in every replication's series`);
  const perSeries = present.map((name) => estimateWarmup(results, { ...options, series: name }));
  let best = perSeries[0]!;
  for (const e of perSeries) if (e.warmupWeeks > best.warmupWeeks) best = e;
  const reasons = perSeries.filter((e) => !e.reliable).map((e) => `${e.series}: ${e.reason ?? 'unreliable'}`);
  return { warmupWeeks: best.warmupWeeks, warmupHours: best.warmupHours, decisive: best.series, reliable: reasons.length === 0, reasons, perSeries };
}
