// Hysteresis runs (`stroom tipping --hysteresis`): within each run the load ramps up
// and back down, and we ask whether a design returns to how it worked before. Repenning
// & Sterman's capability trap: under pressure people stop improving and firefight;
// capability erodes, so when the pressure is gone the organisation does not come back
// to where it was. Here that shows as a managers' design share and a WIP that do not
// return to their pre-ramp levels after the load has.
//
// The schedule (a ModelSpec load schedule, load-schedule.ts): the warm-up and the first
// quarter of the observed window at `lo`; the second quarter ramps up in weekly steps
// to `hi`; the third ramps back down to `lo`; the last quarter stays at `lo`. Recovered
// in the week the trailing 4-week mean of the design share is back to at least 90% of
// its pre-ramp mean (unless that was below 1%) and of WIP back to at most 110% of its
// pre-ramp mean plus one request. Pure; no Node imports.

import type { ArrivalScaleChange } from '../model/load-schedule.js';
import { replicationTasks, toRecords, type ReplicationRecord } from './replications.js';
import { LOAD_SCHEDULE_KEY } from './scale.js';
import type { Executor, TaskBase } from './types.js';

const WEEK = 40;
export const RECOVERY_WINDOW_WEEKS = 4;
export const RECOVERY_SHARE = 0.9;
export const RECOVERY_WIP = 1.1;
export const HYSTERESIS_SERIES = ['manager_design_share', 'wip', 'escalations', 'throughput'] as const;

export interface HysteresisPlan {
  schedule: ArrivalScaleChange[];
  /** Week indices (from the start of the run) where the phases begin. */
  rampUp: number;
  rampDown: number;
  recovery: number;
  end: number;
  /** First observed week (after the warm-up). */
  observed: number;
}

export function hysteresisPlan(lo: number, hi: number, warmupHours: number, horizonHours: number): HysteresisPlan {
  const observed = Math.round(warmupHours / WEEK);
  const weeks = Math.floor(horizonHours / WEEK);
  if (weeks < 8) throw new Error(`hysteresis: needs an observed window of at least 8 weeks, got ${weeks}`);
  const q = Math.floor(weeks / 4);
  const rampUp = observed + q;
  const rampDown = rampUp + q;
  const recovery = rampDown + q;
  const schedule: ArrivalScaleChange[] = [{ at: 0, factor: lo }];
  const step = (from: number, to: number, start: number) => {
    for (let i = 1; i <= q; i++) schedule.push({ at: (start + i - 1) * WEEK, factor: Number((from + ((to - from) * i) / q).toPrecision(6)) });
  };
  step(lo, hi, rampUp);
  step(hi, lo, rampDown);
  return { schedule, rampUp, rampDown, recovery, end: observed + weeks, observed };
}

export interface HysteresisDesign {
  design: string;
  /** Mean weekly series across replications, whole run. */
  series: Record<string, number[]>;
  /** The factor in force each week. */
  load: number[];
  before: { designShare: number; wip: number };
  peak: { designShare: number; wip: number };
  after: { designShare: number; wip: number };
  /** Weeks after the load was back at `lo` until recovery (mean series); undefined: not within the run. */
  recoveredAfterWeeks?: number;
  /** Share of replications that recovered by the end of the run (same rule, own series). */
  recoveredShare: number;
}

function meanOf(xs: readonly number[], from: number, to: number): number {
  let s = 0;
  let n = 0;
  for (let i = Math.max(0, from); i < Math.min(xs.length, to); i++) {
    if (Number.isFinite(xs[i]!)) {
      s += xs[i]!;
      n++;
    }
  }
  return n > 0 ? s / n : NaN;
}

/** Weeks after `plan.recovery` until the trailing window meets the rule; undefined if never. */
export function recoveryWeek(share: readonly number[], wip: readonly number[], plan: HysteresisPlan): number | undefined {
  const share0 = meanOf(share, plan.observed, plan.rampUp);
  const wip0 = meanOf(wip, plan.observed, plan.rampUp);
  for (let k = plan.recovery; k < plan.end; k++) {
    const from = k - RECOVERY_WINDOW_WEEKS + 1;
    const s = meanOf(share, from, k + 1);
    const w = meanOf(wip, from, k + 1);
    const shareOk = !(share0 >= 0.01) || s >= RECOVERY_SHARE * share0;
    const wipOk = !Number.isFinite(wip0) || w <= RECOVERY_WIP * wip0 + 1;
    if (shareOk && wipOk) return k - plan.recovery;
  }
  return undefined;
}

const seriesOf = (r: ReplicationRecord, name: string): number[] => Array.from(r.series?.[name] ?? [], Number);

export function analyseHysteresis(design: string, records: readonly ReplicationRecord[], plan: HysteresisPlan): HysteresisDesign {
  const series: Record<string, number[]> = {};
  for (const name of HYSTERESIS_SERIES) {
    const all = records.map((r) => seriesOf(r, name));
    const len = Math.max(0, ...all.map((s) => s.length));
    series[name] = Array.from({ length: len }, (_, i) => meanOf(all.map((s) => s[i] ?? NaN), 0, all.length));
  }
  const share = series['manager_design_share']!;
  const wip = series['wip']!;
  const load = share.map((_, i) => {
    let f = 1;
    for (const c of plan.schedule) if (c.at <= i * WEEK) f = c.factor;
    return f;
  });
  const phase = (from: number, to: number) => ({ designShare: meanOf(share, from, to), wip: meanOf(wip, from, to) });
  const recovered = recoveryWeek(share, wip, plan);
  const perRep = records.filter((r) => recoveryWeek(seriesOf(r, 'manager_design_share'), seriesOf(r, 'wip'), plan) !== undefined).length;
  return {
    design, series, load,
    before: phase(plan.observed, plan.rampUp),
    peak: phase(plan.rampDown - 2, plan.rampDown + 2),
    after: phase(plan.end - RECOVERY_WINDOW_WEEKS, plan.end),
    ...(recovered !== undefined ? { recoveredAfterWeeks: recovered } : {}),
    recoveredShare: records.length > 0 ? perRep / records.length : NaN,
  };
}

/** Runs designs x replications under the ramp (one batch) and analyses each design. */
export async function runHysteresis(executor: Executor, base: Omit<TaskBase, 'point'>, designs: readonly string[], o: { lo: number; hi: number; replications: number; onProgress?: (done: number, total: number) => void }): Promise<{ plan: HysteresisPlan; designs: HysteresisDesign[] }> {
  const plan = hysteresisPlan(o.lo, o.hi, base.warmup, base.horizon);
  const tasks = replicationTasks({ ...base, point: { [LOAD_SCHEDULE_KEY]: plan.schedule } }, designs, o.replications);
  const records = toRecords(tasks, await executor.run(tasks, o.onProgress));
  return { plan, designs: designs.map((d) => analyseHysteresis(d, records.filter((r) => r.design === d), plan)) };
}
