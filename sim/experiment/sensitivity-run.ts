// Running `stroom sensitivity`: two designs at every point of a Latin hypercube or of
// Morris trajectories over behaviour parameters, with replications on common random
// numbers (every point and both designs use the same seeds), plus the scenario's own
// values as a reference point. Per metric, the paired difference (b - a) at each point
// is analysed: share of points where its sign holds, influence (Spearman rank, or
// Morris mu*/sigma) and the PRIM box where it flips (sensitivity.ts). Pure.

import type { Seed } from '../random/index.js';
import { replicationTasks, toRecords } from './replications.js';
import { analyseMetric, type MetricSensitivity } from './sensitivity.js';
import { fromUnit, morrisIndices, morrisTrajectories, unitHypercube, type MorrisIndex, type SensitivityParam } from './sensitivity-design.js';
import type { Executor, RunTask, TaskBase } from './types.js';

export type SensitivityMethod = 'lhs' | 'morris';

export interface SensitivityRunOptions {
  /** [a, b]: differences are b - a. */
  designs: readonly [string, string];
  params: readonly SensitivityParam[];
  method: SensitivityMethod;
  /** Latin hypercube points, or Morris trajectories (k + 1 points each). */
  points: number;
  replications: number;
  metrics: readonly string[];
  seed: Seed;
  onProgress?: (done: number, total: number) => void;
}

export interface SensitivityPointResult {
  /** Parameter name → value at this point (model units). */
  values: Record<string, number>;
  /** Metric → mean paired difference b - a over replications. */
  diffs: Record<string, number>;
}

export interface MetricResult extends MetricSensitivity {
  metric: string;
  /** The difference at the scenario's own values. */
  baselineDiff: number;
  morris?: MorrisIndex[];
}

export interface SensitivityResult {
  method: SensitivityMethod;
  params: readonly SensitivityParam[];
  points: SensitivityPointResult[];
  metrics: MetricResult[];
}

/** Unit points of the design (and the trajectories, for Morris). */
export function designPoints(o: Pick<SensitivityRunOptions, 'params' | 'method' | 'points' | 'seed'>) {
  const k = o.params.length;
  if (o.method === 'morris') {
    const trajectories = morrisTrajectories(k, o.points, o.seed);
    return { unit: trajectories.flatMap((t) => t.points), trajectories };
  }
  return { unit: unitHypercube(k, o.points, o.seed), trajectories: undefined };
}

/** Runs the design points a point list takes: how many replications in all (for the cost check). */
export function sensitivityRuns(o: Pick<SensitivityRunOptions, 'params' | 'method' | 'points' | 'replications'>): number {
  const n = o.method === 'morris' ? o.points * (o.params.length + 1) : o.points;
  return (n + 1) * o.replications * 2;
}

/** A value as it is written into the scenario: 6 significant digits, integers whole. */
const tidy = (v: number) => Number(v.toPrecision(6));

export async function runSensitivity(executor: Executor, base: Omit<TaskBase, 'point'>, o: SensitivityRunOptions): Promise<SensitivityResult> {
  const { unit, trajectories } = designPoints(o);
  const values = unit.map((q) => Object.fromEntries(o.params.map((p, j) => [p.name, tidy(fromUnit(q[j]!, p.range))])));
  const point = (v: Record<string, number> | undefined) => (v === undefined ? {} : Object.fromEntries(o.params.map((p) => [p.path, v[p.name]!])));
  // Index 0: the scenario's own values (no point), the reference for the sign.
  const perPoint: RunTask[][] = [undefined, ...values].map((v) => replicationTasks({ ...base, point: point(v) }, o.designs, o.replications));
  const results = await executor.run(perPoint.flat(), o.onProgress);
  let at = 0;
  const diffs = perPoint.map((tasks) => {
    const recs = toRecords(tasks, results.slice(at, at + tasks.length));
    at += tasks.length;
    const out: Record<string, number> = {};
    for (const m of o.metrics) {
      let s = 0;
      let n = 0;
      for (let r = 0; r < o.replications; r++) {
        const a = recs.find((x) => x.design === o.designs[0] && x.replication === r)?.metrics[m];
        const b = recs.find((x) => x.design === o.designs[1] && x.replication === r)?.metrics[m];
        if (a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b)) {
          s += b - a;
          n++;
        }
      }
      out[m] = n > 0 ? s / n : NaN;
    }
    return out;
  });
  const points = values.map((v, i) => ({ values: v, diffs: diffs[i + 1]! }));
  const names = o.params.map((p) => p.name);
  const metrics = o.metrics.map((metric): MetricResult => {
    const baselineDiff = diffs[0]![metric]!;
    const usable = points.filter((p) => Number.isFinite(p.diffs[metric]!));
    const a = analyseMetric(usable.map((p) => ({ values: p.values, diff: p.diffs[metric]! })), names, Number.isFinite(baselineDiff) ? { baselineDiff } : {});
    const out: MetricResult = { metric, baselineDiff, ...a };
    if (trajectories !== undefined) {
      const k = o.params.length;
      const y = trajectories.map((_, t) => Array.from({ length: k + 1 }, (_, i) => points[t * (k + 1) + i]!.diffs[metric]!));
      out.morris = morrisIndices(trajectories, y, names);
    }
    return out;
  });
  return { method: o.method, params: o.params, points, metrics };
}
