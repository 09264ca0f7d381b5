// Running replications of several designs on common random numbers.
//
// Every design gets the same master seed and the same replication indices, and a
// model derives each random stream from (seed, replication, stream name) alone,
// so replication r of design 'a' and of design 'b' see the same arrivals, the
// same absences... and differ only through the design. Pairing them by
// replication then cancels the shared noise (see compare.ts).

import type { Executor, GroupMetrics, RunResult, RunTask, TaskBase } from './types.js';

export { summarise, type MetricSummary, type DesignSummary, type Summary } from './summary.js';
export { compareDesigns, type MetricComparison, type Comparison } from './compare.js';

/** One replication of one design: the tidy unit every analysis works on. */
export interface ReplicationRecord {
  design: string;
  replication: number;
  seed: number | string;
  point?: Record<string, unknown>;
  metrics: Record<string, number>;
  series?: RunResult['series'];
  /** stream id → its metrics in this replication. */
  byStream?: GroupMetrics;
  /** team id → its metrics in this replication. */
  byTeam?: GroupMetrics;
  /** Weekly series per stream, team, role and person (RunResult.weekly). */
  weekly?: RunResult['weekly'];
  /** Lead time parts [h] (RunResult.parts). */
  parts?: Record<string, number>;
  /** The anatomy of the loop, flat (RunResult.anatomy). */
  anatomy?: Record<string, number>;
}

/** One metric value of one replication (long format, e.g. for CSV export). `stream`
 *  or `team` is set on the rows of a value stream's or a team's own metrics. */
export interface TidyMetricRow {
  design: string;
  replication: number;
  seed: number | string;
  stream?: string;
  team?: string;
  metric: string;
  value: number;
}

/** Replication indices: a count means 0..count-1. */
function replicationIndices(reps: number | readonly number[]): number[] {
  if (typeof reps === 'number') {
    if (!Number.isInteger(reps) || reps < 1) throw new Error(`replications: count must be an integer >= 1, got ${reps}`);
    return Array.from({ length: reps }, (_, i) => i);
  }
  const seen = new Set<number>();
  for (const r of reps) {
    if (!Number.isInteger(r) || r < 0) throw new Error(`replications: index must be an integer >= 0, got ${r}`);
    if (seen.has(r)) throw new Error(`replications: index ${r} listed twice`);
    seen.add(r);
  }
  return [...reps];
}

function checkDesigns(designs: readonly string[]): void {
  if (designs.length === 0) throw new Error('replications: need at least one design');
  const seen = new Set<string>();
  for (const d of designs) {
    if (seen.has(d)) throw new Error(`replications: design "${d}" listed twice`);
    seen.add(d);
  }
}

/**
 * The tasks for designs × replications, design-major. Only `design` and
 * `replication` vary: every design shares the base seed (common random numbers).
 */
export function replicationTasks(base: TaskBase, designs: readonly string[], reps: number | readonly number[]): RunTask[] {
  checkDesigns(designs);
  const indices = replicationIndices(reps);
  const tasks: RunTask[] = [];
  for (const design of designs) {
    for (const replication of indices) tasks.push({ ...base, design, replication });
  }
  return tasks;
}

/** Pairs each task with its result as a record. */
export function toRecords(tasks: readonly RunTask[], results: readonly RunResult[]): ReplicationRecord[] {
  if (tasks.length !== results.length) {
    throw new Error(`toRecords: ${tasks.length} tasks but ${results.length} results`);
  }
  return tasks.map((task, i) => {
    const result = results[i]!;
    const record: ReplicationRecord = {
      design: task.design,
      replication: task.replication,
      seed: task.seed,
      metrics: result.metrics,
    };
    if (task.point !== undefined) record.point = task.point;
    if (result.series !== undefined) record.series = result.series;
    if (result.byStream !== undefined) record.byStream = result.byStream;
    if (result.byTeam !== undefined) record.byTeam = result.byTeam;
    if (result.weekly !== undefined) record.weekly = result.weekly;
    if (result.parts !== undefined) record.parts = result.parts;
    if (result.anatomy !== undefined) record.anatomy = result.anatomy;
    return record;
  });
}

/**
 * Runs every design for the given replications (a count, or explicit indices)
 * and returns one record per (design, replication), design-major.
 */
export async function runReplications(
  executor: Executor,
  base: TaskBase,
  designs: readonly string[],
  reps: number | readonly number[],
  onProgress?: (done: number, total: number) => void,
): Promise<ReplicationRecord[]> {
  const tasks = replicationTasks(base, designs, reps);
  const results = await executor.run(tasks, onProgress);
  return toRecords(tasks, results);
}

/** Long format: one row per (design, replication, metric), then per stream and per team metric. */
export function tidyMetrics(records: readonly ReplicationRecord[]): TidyMetricRow[] {
  const rows: TidyMetricRow[] = [];
  for (const r of records) {
    const at = { design: r.design, replication: r.replication, seed: r.seed };
    for (const [metric, value] of Object.entries(r.metrics)) rows.push({ ...at, metric, value });
    for (const [stream, ms] of Object.entries(r.byStream ?? {})) {
      for (const [metric, value] of Object.entries(ms)) rows.push({ ...at, stream, metric, value });
    }
    for (const [team, ms] of Object.entries(r.byTeam ?? {})) {
      for (const [metric, value] of Object.entries(ms)) rows.push({ ...at, team, metric, value });
    }
  }
  return rows;
}
