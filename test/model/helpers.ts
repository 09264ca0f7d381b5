// Shared helpers for model tests: replications on common random numbers and intervals.
import { expect } from 'vitest';
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

/** Every problem has one fate: with no warm-up (nothing carried over) the fates add up to the problems. */
export function expectFatesAddUp(r: ModelRunResult): void {
  const a = r.anatomy;
  const fates = Object.values(a.fates).reduce((x, y) => x + y, 0);
  expect(fates).toBeCloseTo(a.problems_per_100, 9);
  expect(a.problems_per_100).toBeCloseTo(r.metrics.problems_per_100, 9);
  expect(a.visible_share).toBeLessThanOrEqual(1);
}
