// Sequential replication: add replications until the confidence intervals are
// tight enough relative to their means (halfWidth / |mean| ≤ target).
//
// The schedule of sample sizes is fixed in advance — minimum, then +batchSize at a
// time, never beyond the cap — and replication indices are always 0..n-1. So the
// replications computed depend only on the data and the stopping rule, never on
// how many workers ran them or which finished first: a run on 1 thread and on 8
// threads stops at the same n with the same numbers.

import { relativePrecision } from '../stats/index.js';
import { replicationTasks, toRecords, type ReplicationRecord } from './replications.js';
import { summarise, type Summary } from './summary.js';
import type { Executor, TaskBase } from './types.js';

export interface SequentialOptions {
  /** Metrics whose precision decides when to stop; all must meet the target in every design. */
  metrics: readonly string[];
  /** Target relative half-width, e.g. 0.05 for ±5 % of the mean. */
  targetRelativePrecision: number;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /** Replications before the first check (default 10). */
  minReplications?: number;
  /** Replications added per round (default 4; a multiple of the worker count keeps threads busy). */
  batchSize?: number;
  /** Never more than this many replications per design (default 200). */
  maxReplications?: number;
  onProgress?: (done: number, total: number) => void;
  /** Called after each round with the current sample size and precisions. */
  onRound?: (replications: number, precision: Record<string, Record<string, number>>) => void;
}

export interface SequentialResult {
  /** All records, design-major, replications 0..replications-1. */
  records: ReplicationRecord[];
  summary: Summary;
  /** Replications per design when stopping. */
  replications: number;
  /** True when every listed metric of every design reached the target. */
  met: boolean;
  /** design → metric → halfWidth/|mean| at the stop (NaN/Infinity when undefined). */
  precision: Record<string, Record<string, number>>;
  /** Number of executor rounds, including the first. */
  rounds: number;
}

function checkOptions(o: SequentialOptions): Required<Pick<SequentialOptions, 'level' | 'minReplications' | 'batchSize' | 'maxReplications'>> {
  const level = o.level ?? 0.95;
  const minReplications = o.minReplications ?? 10;
  const batchSize = o.batchSize ?? 4;
  const maxReplications = o.maxReplications ?? 200;
  if (o.metrics.length === 0) throw new Error('runSequential: list at least one metric');
  if (!(o.targetRelativePrecision > 0)) {
    throw new Error(`runSequential: targetRelativePrecision must be > 0, got ${o.targetRelativePrecision}`);
  }
  // Two replications are the fewest that say anything about variability.
  if (!Number.isInteger(minReplications) || minReplications < 2) {
    throw new Error(`runSequential: minReplications must be an integer >= 2, got ${minReplications}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`runSequential: batchSize must be an integer >= 1, got ${batchSize}`);
  if (!Number.isInteger(maxReplications) || maxReplications < minReplications) {
    throw new Error(`runSequential: maxReplications must be an integer >= minReplications (${minReplications}), got ${maxReplications}`);
  }
  return { level, minReplications, batchSize, maxReplications };
}

/** Relative precision per design and metric, and whether all meet the target. */
function assess(summary: Summary, metrics: readonly string[], target: number): { precision: Record<string, Record<string, number>>; met: boolean } {
  const precision: Record<string, Record<string, number>> = {};
  let met = true;
  for (const [design, perMetric] of Object.entries(summary)) {
    const p: Record<string, number> = {};
    for (const metric of metrics) {
      const s = perMetric[metric];
      if (s === undefined) throw new Error(`runSequential: metric "${metric}" is not produced by design "${design}"`);
      const rp = relativePrecision(s);
      p[metric] = rp;
      // NaN (too few usable values) never counts as precise enough.
      if (!(rp <= target)) met = false;
    }
    precision[design] = p;
  }
  return { precision, met };
}

/**
 * Runs `designs` on common random numbers, minReplications first, then
 * batchSize more at a time until every listed metric of every design has
 * halfWidth/|mean| ≤ target, or maxReplications is reached.
 */
export async function runSequential(executor: Executor, base: TaskBase, designs: readonly string[], options: SequentialOptions): Promise<SequentialResult> {
  const { level, minReplications, batchSize, maxReplications } = checkOptions(options);
  const target = options.targetRelativePrecision;
  // Records kept per design so the result stays design-major as rounds append.
  const perDesign = new Map<string, ReplicationRecord[]>(designs.map((d) => [d, []]));
  let n = 0;
  let rounds = 0;
  for (;;) {
    const next = n === 0 ? minReplications : Math.min(maxReplications, n + batchSize);
    const indices = Array.from({ length: next - n }, (_, i) => n + i);
    const tasks = replicationTasks(base, designs, indices);
    const progress = options.onProgress;
    const results = await executor.run(tasks, progress && ((done) => progress(n * designs.length + done, next * designs.length)));
    for (const r of toRecords(tasks, results)) perDesign.get(r.design)!.push(r);
    n = next;
    rounds++;

    const records = [...perDesign.values()].flat();
    const summary = summarise(records, level);
    const { precision, met } = assess(summary, options.metrics, target);
    options.onRound?.(n, precision);
    if (met || n >= maxReplications) return { records, summary, replications: n, met, precision, rounds };
  }
}
