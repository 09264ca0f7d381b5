// Shared helpers for model tests: replications on common random numbers and intervals.
import { simulate, type ModelRunResult, type ModelSpec } from '../../sim/model/index.js';
import { confidenceInterval, pairedDifference } from '../../sim/stats/index.js';

export const YEAR = 52 * 40;

export function runReps(spec: ModelSpec, reps: number, horizon = YEAR, warmup = 4 * 40, seed = 11, trace = false): ModelRunResult[] {
  return Array.from({ length: reps }, (_, r) => simulate(spec, { seed, replication: r, horizon, warmup, trace }));
}

export function metricCI(runs: ModelRunResult[], metric: keyof ModelRunResult['metrics']) {
  return confidenceInterval(runs.map((r) => r.metrics[metric]));
}

/** Paired difference b - a of a metric over replications run on the same seeds. */
export function pairedCI(a: ModelRunResult[], b: ModelRunResult[], metric: keyof ModelRunResult['metrics']) {
  return pairedDifference(b.map((r) => r.metrics[metric]), a.map((r) => r.metrics[metric]));
}
