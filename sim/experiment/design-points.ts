// Generating design points for sweeps: a full factorial grid, or a Latin hypercube
// sample when the grid would be too large. A point maps scenario paths (see
// paths.ts) to values; the order of points is deterministic so that point indices
// in reports and on disk mean the same thing on every run.

import { RandomStreams, type Seed } from '../random/index.js';

/** A design point: scenario path → value. */
export type DesignPoint = Record<string, unknown>;

/** A continuous (or integer) factor range for Latin hypercube sampling. */
export interface FactorRange {
  min: number;
  max: number;
  integer?: boolean;
}

/**
 * The cartesian product of the factor levels. The first factor varies slowest
 * (like nested loops written in key order); no factors gives one empty point.
 */
export function grid(factors: Record<string, readonly unknown[]>): DesignPoint[] {
  const entries = Object.entries(factors);
  for (const [path, levels] of entries) {
    if (!Array.isArray(levels) || levels.length === 0) {
      throw new Error(`grid: factor "${path}" needs at least one level`);
    }
  }
  let points: DesignPoint[] = [{}];
  for (const [path, levels] of entries) {
    const next: DesignPoint[] = [];
    for (const p of points) for (const level of levels) next.push({ ...p, [path]: level });
    points = next;
  }
  return points;
}

/**
 * `samples` points, each factor's range cut into `samples` equal strata with
 * exactly one point per stratum. Draws come from the named stream 'lhs' of
 * (seed, replication 0); factors are drawn in sorted path order, so reordering
 * the keys of `ranges` does not change the sample.
 * Integer factors map the strata onto min..max inclusive.
 */
export function latinHypercube(ranges: Record<string, FactorRange>, samples: number, seed: Seed): DesignPoint[] {
  if (!Number.isInteger(samples) || samples < 1) {
    throw new Error(`latinHypercube: samples must be an integer >= 1, got ${samples}`);
  }
  const paths = Object.keys(ranges);
  for (const path of paths) {
    const r = ranges[path]!;
    if (!Number.isFinite(r.min) || !Number.isFinite(r.max) || r.min > r.max) {
      throw new Error(`latinHypercube: factor "${path}" needs finite min <= max, got [${r.min}, ${r.max}]`);
    }
    if (r.integer && (!Number.isInteger(r.min) || !Number.isInteger(r.max))) {
      throw new Error(`latinHypercube: integer factor "${path}" needs integer bounds, got [${r.min}, ${r.max}]`);
    }
  }
  const rng = new RandomStreams(seed, 0).stream('lhs');
  const columns = new Map<string, number[]>();
  for (const path of [...paths].sort()) {
    const r = ranges[path]!;
    const strata = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = strata[i]!;
      strata[i] = strata[j]!;
      strata[j] = t;
    }
    const column = strata.map((s) => {
      const q = (s + rng.next()) / samples; // in [0, 1)
      if (!r.integer) return r.min + q * (r.max - r.min);
      return Math.min(r.max, r.min + Math.floor(q * (r.max - r.min + 1)));
    });
    columns.set(path, column);
  }
  const points: DesignPoint[] = [];
  for (let i = 0; i < samples; i++) {
    const p: DesignPoint = {};
    for (const path of paths) p[path] = columns.get(path)![i]!;
    points.push(p);
  }
  return points;
}
