// Experimental designs for `stroom sensitivity`: a Latin hypercube over the behaviour
// parameters, or Morris elementary-effects trajectories (Morris 1991; Campolongo et al.
// 2007 for mu*). Both are drawn from their own named random stream ('sensitivity-design'
// of the master seed), so the design does not move when replications or designs change,
// and the runs at every point share their replications' random numbers. Pure.

import { RandomStreams, type Seed } from '../random/index.js';
import type { FactorRange } from './design-points.js';

export interface SensitivityParam {
  /** Short name (the behaviour field, e.g. improviseTendency). */
  name: string;
  /** Scenario path set at each point (behaviour.designEffort.mean for a distribution). */
  path: string;
  /** The scenario's own value, in model units (hours, per hour). */
  value: number;
  range: FactorRange;
}

/** Unit value q in [0, 1] mapped onto a parameter's range (integers rounded). */
export function fromUnit(q: number, r: FactorRange): number {
  const v = r.min + q * (r.max - r.min);
  return r.integer ? Math.min(r.max, Math.max(r.min, Math.round(v))) : v;
}

/** n points in [0,1]^k, one per stratum in every dimension. */
export function unitHypercube(k: number, n: number, seed: Seed): number[][] {
  const rng = new RandomStreams(seed, 0).stream('sensitivity-design');
  const cols: number[][] = [];
  for (let j = 0; j < k; j++) {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const s = rng.int(i + 1);
      [strata[i], strata[s]] = [strata[s]!, strata[i]!];
    }
    cols.push(strata.map((s) => (s + rng.next()) / n));
  }
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]!));
}

/** Morris levels and step: p = 4 levels {0, 1/3, 2/3, 1}, delta = p / (2 (p - 1)) = 2/3. */
export const MORRIS_LEVELS = 4;
export const MORRIS_DELTA = MORRIS_LEVELS / (2 * (MORRIS_LEVELS - 1));

export interface MorrisTrajectory {
  /** k + 1 unit points; point i + 1 differs from point i in parameter order[i] by +delta or -delta. */
  points: number[][];
  order: number[];
  /** The step of each move in unit scale (+delta or -delta). */
  steps: number[];
}

/** r trajectories of k + 1 points each. */
export function morrisTrajectories(k: number, r: number, seed: Seed): MorrisTrajectory[] {
  const rng = new RandomStreams(seed, 0).stream('sensitivity-design');
  const grid = Array.from({ length: MORRIS_LEVELS }, (_, i) => i / (MORRIS_LEVELS - 1));
  const out: MorrisTrajectory[] = [];
  for (let t = 0; t < r; t++) {
    let x = Array.from({ length: k }, () => grid[rng.int(MORRIS_LEVELS)]!);
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const s = rng.int(i + 1);
      [order[i], order[s]] = [order[s]!, order[i]!];
    }
    const points = [x];
    const steps: number[] = [];
    for (const j of order) {
      // Move up when there is room, else down: every level has one of the two.
      const step = x[j]! + MORRIS_DELTA <= 1 + 1e-12 ? MORRIS_DELTA : -MORRIS_DELTA;
      x = x.map((v, i) => (i === j ? Math.min(1, Math.max(0, v + step)) : v));
      points.push(x);
      steps.push(step);
    }
    out.push({ points, order, steps });
  }
  return out;
}

export interface MorrisIndex {
  parameter: string;
  /** Mean of |elementary effect| (Campolongo's mu*), in the metric's unit per unit of the range. */
  muStar: number;
  /** Mean elementary effect (signed). */
  mu: number;
  /** Standard deviation of the elementary effects: interaction or non-linearity. */
  sigma: number;
}

/** mu*, mu and sigma per parameter from the outputs y[t][i] at trajectory t's point i, strongest first. */
export function morrisIndices(trajectories: readonly MorrisTrajectory[], y: readonly (readonly number[])[], names: readonly string[]): MorrisIndex[] {
  const effects: number[][] = names.map(() => []);
  trajectories.forEach((tr, t) => {
    tr.order.forEach((j, i) => {
      const a = y[t]![i]!;
      const b = y[t]![i + 1]!;
      if (Number.isFinite(a) && Number.isFinite(b)) effects[j]!.push((b - a) / tr.steps[i]!);
    });
  });
  return names
    .map((parameter, j) => {
      const e = effects[j]!;
      const n = e.length;
      const mu = n > 0 ? e.reduce((s, v) => s + v, 0) / n : NaN;
      const muStar = n > 0 ? e.reduce((s, v) => s + Math.abs(v), 0) / n : NaN;
      const sigma = n > 1 ? Math.sqrt(e.reduce((s, v) => s + (v - mu) ** 2, 0) / (n - 1)) : NaN;
      return { parameter, muStar, mu, sigma };
    })
    .sort((a, b) => (Number.isFinite(b.muStar) ? b.muStar : -1) - (Number.isFinite(a.muStar) ? a.muStar : -1));
}
