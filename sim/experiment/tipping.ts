// The tipping point of a design: the lowest load (a scale factor, by default on every
// stream's arrival rate) at which the organisation can no longer keep up or slides into
// firefighting. Found per design by a replicated search: a grid over the factor's range,
// then bisection of the bracket where the verdict first changes. The interval reported
// is that final bracket: the highest load found not tipped and the lowest found tipped.
//
// The criterion, for a design at load s, judged over all replications at s (common
// random numbers across loads), with s0 the lowest load of the range:
//   overload      some team's offered load before questions is at least 1 (diagnostics);
//   falls behind  WIP grows over the observed window (the diagnostics' trend test: 95%
//                 interval across replications excludes 0, above 0.2%/week and at least
//                 one request), or fewer than 97% of the window's arrivals are completed;
//   firefighting  the managers' design share falls below half of its value at s0 (where
//                 that was at least 1%) AND escalations per request grew by a larger
//                 factor than the load did: esc(s)/esc(s0) > s/s0.
// Tipped when any of the three holds. Pure; no Node imports.

import { diagnoseDesign, type Diagnostic } from './diagnostics.js';
import { replicationTasks, toRecords, type ReplicationRecord } from './replications.js';
import { SCALE_KEY_PREFIX, type ScaleName } from './scale.js';
import type { Executor, TaskBase } from './types.js';
import { confidenceInterval } from '../stats/index.js';

/** Design share below this fraction of its value at the lowest load: design time collapsed. */
export const DESIGN_COLLAPSE_RATIO = 0.5;
/** A design share at the lowest load below this is too small to collapse. */
export const DESIGN_SHARE_FLOOR = 0.01;
/** Metrics reported per load level, with intervals. */
export const TIPPING_METRICS = ['manager_design_share', 'escalations_per_100', 'wip_mean', 'lead_time_mean', 'completion_ratio', 'max_offered_load'] as const;

export type TippingReason = 'overload' | 'falls_behind' | 'firefighting';

export interface LevelStat {
  mean: number;
  lower: number;
  upper: number;
  n: number;
}

export interface TippingLevel {
  load: number;
  tipped: boolean;
  reasons: TippingReason[];
  /** Metric → mean and 95% interval across replications. */
  stats: Record<string, LevelStat>;
  /** The run diagnostics at this load. */
  diagnostics: Diagnostic[];
}

export interface TippingDesign {
  design: string;
  /** Every load run, lowest first. */
  levels: TippingLevel[];
  /** tipped: inside the range; below: tipped already at its lowest load; above: never tipped in the range. */
  status: 'tipped' | 'below' | 'above';
  /** Midpoint of the bracket (undefined unless tipped in the range). */
  point?: number;
  /** The bracket: highest load not tipped, lowest load tipped (one end open when status is not 'tipped'). */
  lower?: number;
  upper?: number;
}

export interface TippingOptions {
  factor: ScaleName;
  lo: number;
  hi: number;
  /** Loads on the first grid (at least 2, lo and hi included). */
  grid: number;
  /** Bisection rounds after the grid. */
  refine: number;
  replications: number;
  warmupWeeks: number;
  level?: number;
  onRound?: (label: string) => ((done: number, total: number) => void) | undefined;
}

function stat(values: number[], level: number): LevelStat {
  const v = values.filter(Number.isFinite);
  if (v.length === 0) return { mean: NaN, lower: NaN, upper: NaN, n: 0 };
  const ci = confidenceInterval(v, level);
  return { mean: ci.mean, lower: v.length > 1 ? ci.lower : ci.mean, upper: v.length > 1 ? ci.upper : ci.mean, n: v.length };
}

const mean = (xs: number[]) => {
  const v = xs.filter(Number.isFinite);
  return v.length === 0 ? NaN : v.reduce((a, b) => a + b, 0) / v.length;
};

/** Per-replication value of a reported metric. */
function metricOf(r: ReplicationRecord, m: string): number {
  if (m === 'completion_ratio') {
    const a = r.metrics['arrivals'] ?? NaN;
    return a > 0 ? (r.metrics['completions'] ?? NaN) / a : NaN;
  }
  if (m === 'max_offered_load') return Math.max(...Object.values(r.byTeam ?? {}).map((t) => t['offered_load'] ?? NaN).filter(Number.isFinite));
  return r.metrics[m] ?? NaN;
}

/** The verdict at load `load` given its records and those of the reference (lowest) load. */
export function assessLevel(design: string, load: number, records: readonly ReplicationRecord[], reference: { load: number; records: readonly ReplicationRecord[] }, o: { warmupWeeks: number; level?: number }): TippingLevel {
  const level = o.level ?? 0.95;
  const diagnostics = diagnoseDesign(design, records, { warmupWeeks: o.warmupWeeks, level });
  const reasons: TippingReason[] = [];
  if (diagnostics.some((d) => d.name === 'overload' && d.flagged)) reasons.push('overload');
  const wip = diagnostics.find((d) => d.name === 'wip_trend');
  const behind = diagnostics.find((d) => d.name === 'completion_ratio');
  if ((wip?.flagged === true && wip.value > 0) || behind?.flagged === true) reasons.push('falls_behind');
  const share0 = mean(reference.records.map((r) => metricOf(r, 'manager_design_share')));
  const share = mean(records.map((r) => metricOf(r, 'manager_design_share')));
  const esc0 = mean(reference.records.map((r) => metricOf(r, 'escalations_per_100')));
  const esc = mean(records.map((r) => metricOf(r, 'escalations_per_100')));
  const collapsed = share0 >= DESIGN_SHARE_FLOOR && share < DESIGN_COLLAPSE_RATIO * share0;
  const escalating = esc0 > 0 && esc / esc0 > load / reference.load;
  if (collapsed && escalating) reasons.push('firefighting');
  const stats: Record<string, LevelStat> = {};
  for (const m of TIPPING_METRICS) stats[m] = stat(records.map((r) => metricOf(r, m)), level);
  return { load, tipped: reasons.length > 0, reasons, stats, diagnostics };
}

/** The bracket of a design's levels: first tipped load and the highest untipped load below it. */
export function bracket(levels: readonly TippingLevel[]): Pick<TippingDesign, 'status' | 'point' | 'lower' | 'upper'> {
  const sorted = [...levels].sort((a, b) => a.load - b.load);
  const first = sorted.findIndex((l) => l.tipped);
  if (first < 0) return { status: 'above', lower: sorted[sorted.length - 1]?.load };
  if (first === 0) return { status: 'below', upper: sorted[0]!.load };
  const lower = sorted[first - 1]!.load;
  const upper = sorted[first]!.load;
  return { status: 'tipped', lower, upper, point: (lower + upper) / 2 };
}

/** Loads of the first grid, lo to hi evenly, rounded to 6 significant digits so they read as typed. */
export function gridLoads(lo: number, hi: number, n: number): number[] {
  if (!(n >= 2) || !Number.isInteger(n)) throw new Error(`tipping: a grid needs at least 2 loads, got ${n}`);
  return Array.from({ length: n }, (_, i) => Number((lo + ((hi - lo) * i) / (n - 1)).toPrecision(6)));
}

/** Runs one batch of (design, load) levels on the executor; records per level in order. */
async function runLevels(executor: Executor, base: Omit<TaskBase, 'point'>, o: TippingOptions, levels: { design: string; load: number }[], label: string): Promise<ReplicationRecord[][]> {
  const perLevel = levels.map(({ design, load }) => replicationTasks({ ...base, point: { [`${SCALE_KEY_PREFIX}${o.factor}`]: load } }, [design], o.replications));
  const results = await executor.run(perLevel.flat(), o.onRound?.(label));
  let at = 0;
  return perLevel.map((tasks) => {
    const rec = toRecords(tasks, results.slice(at, at + tasks.length));
    at += tasks.length;
    return rec;
  });
}

/** The search for every design: one batch for the grid, one per bisection round. */
export async function searchTipping(executor: Executor, base: Omit<TaskBase, 'point'>, designs: readonly string[], o: TippingOptions): Promise<TippingDesign[]> {
  const loads = gridLoads(o.lo, o.hi, o.grid);
  const first = designs.flatMap((design) => loads.map((load) => ({ design, load })));
  const records = await runLevels(executor, base, o, first, 'tipping grid');
  const out: TippingDesign[] = designs.map((design) => ({ design, levels: [], status: 'above' }));
  const refs = new Map<string, { load: number; records: ReplicationRecord[] }>();
  first.forEach(({ design, load }, i) => {
    if (load === loads[0]) refs.set(design, { load, records: records[i]! });
  });
  const assess = (design: string, load: number, recs: ReplicationRecord[]) => assessLevel(design, load, recs, refs.get(design)!, o);
  first.forEach(({ design, load }, i) => out[designs.indexOf(design)]!.levels.push(assess(design, load, records[i]!)));
  for (let round = 0; round < o.refine; round++) {
    const next: { design: string; load: number }[] = [];
    for (const d of out) {
      const b = bracket(d.levels);
      if (b.status === 'tipped') next.push({ design: d.design, load: Number(((b.lower! + b.upper!) / 2).toPrecision(6)) });
    }
    const fresh = next.filter(({ design, load }) => !out.find((d) => d.design === design)!.levels.some((l) => l.load === load));
    if (fresh.length === 0) break;
    const recs = await runLevels(executor, base, o, fresh, `bisection ${round + 1}/${o.refine}`);
    fresh.forEach(({ design, load }, i) => out[designs.indexOf(design)]!.levels.push(assess(design, load, recs[i]!)));
  }
  for (const d of out) {
    d.levels.sort((a, b) => a.load - b.load);
    Object.assign(d, bracket(d.levels));
  }
  return out;
}
