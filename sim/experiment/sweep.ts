// Sweeps: run designs × replications at every design point and summarise per
// point. All points share the master seed and replication indices, so
// neighbouring points are compared on common random numbers too, and the whole
// sweep goes to the executor as one batch to keep every worker busy.

import { replicationTasks, toRecords, type ReplicationRecord } from './replications.js';
import { compareDesigns, type Comparison } from './compare.js';
import { compareGroups, summariseGroups, type GroupComparison, type GroupSummary } from './breakdown.js';
import { summarise, type Summary } from './summary.js';
import type { DesignPoint } from './design-points.js';
import type { Executor, RunTask, TaskBase } from './types.js';

export { grid, latinHypercube, type DesignPoint, type FactorRange } from './design-points.js';
export { setPath, getPath, applyPoint, parsePath } from './paths.js';

export interface SweepOptions {
  designs: readonly string[];
  /** Replications per design per point (indices 0..replications-1). */
  replications: number;
  level?: number;
  /** If set, every other design is compared with it (paired) at each point. */
  baseline?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SweepPointResult {
  index: number;
  point: DesignPoint;
  records: ReplicationRecord[];
  summary: Summary;
  /** other design → metric → paired difference other − baseline (only with `baseline`). */
  comparisons?: Record<string, Comparison>;
  /** stream id → design → metric → summary (when the model reports streams). */
  streams: GroupSummary;
  /** team id → design → metric → summary. */
  teams: GroupSummary;
  /** other design → stream id → metric → paired difference (only with `baseline`). */
  streamComparisons?: Record<string, GroupComparison>;
}

/**
 * Runs every design point of `points` (each passed to the model as task.point;
 * the model applies it to its scenario, e.g. with applyPoint) and returns one
 * summary per point, in the order of `points`.
 */
export async function runSweep(
  executor: Executor,
  base: Omit<TaskBase, 'point'>,
  points: readonly DesignPoint[],
  options: SweepOptions,
): Promise<SweepPointResult[]> {
  if (points.length === 0) throw new Error('runSweep: need at least one design point');
  const { designs, replications, baseline } = options;
  if (baseline !== undefined && !designs.includes(baseline)) {
    throw new Error(`runSweep: baseline "${baseline}" is not one of the designs (${designs.join(', ')})`);
  }
  const perPoint: RunTask[][] = points.map((point) => replicationTasks({ ...base, point }, designs, replications));
  const results = await executor.run(perPoint.flat(), options.onProgress);

  let offset = 0;
  return perPoint.map((tasks, index) => {
    const records = toRecords(tasks, results.slice(offset, offset + tasks.length));
    offset += tasks.length;
    const out: SweepPointResult = {
      index,
      point: points[index]!,
      records,
      summary: summarise(records, options.level),
      streams: summariseGroups(records, 'stream', options.level),
      teams: summariseGroups(records, 'team', options.level),
    };
    if (baseline !== undefined) {
      const comparisons: Record<string, Comparison> = {};
      const streamComparisons: Record<string, GroupComparison> = {};
      for (const d of designs) {
        if (d === baseline) continue;
        comparisons[d] = compareDesigns(records, baseline, d, options.level);
        streamComparisons[d] = compareGroups(records, 'stream', baseline, d, options.level);
      }
      out.comparisons = comparisons;
      out.streamComparisons = streamComparisons;
    }
    return out;
  });
}
