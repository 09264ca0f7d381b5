// What `stroom claims` runs: for each claim, its designs on common random numbers at
// the claim's design point (main runs), at a convergence check's low level, on a
// tipping check's grid of loads, and the same again at every point of a Latin
// hypercube over the scenario's assumption parameters (robustness). Every run is a
// request (a point, designs, replications); the requests become one batch of tasks,
// so a single progress bar covers everything and the state file resumes any of it.

import { latinHypercube, type DesignPoint, type FactorRange, type RunTask } from '../../experiment/index.js';
import { SCALE_KEY_PREFIX } from '../../experiment/scale.js';
import { defaultRange } from '../../experiment/sensitivity.js';
import { checkLoads } from '../../experiment/claims/tipping-check.js';
import type { Claim, ClaimsFile } from '../../experiment/claims/types.js';
import { checkDesigns } from '../../experiment/claims/evaluate.js';
import { behaviourParameters } from '../../scenario/assumptions.js';
import type { BehaviourSpec } from '../../model/spec.js';

export interface Request {
  scenario: string;
  point: Record<string, unknown>;
  designs: string[];
  replications: number;
}

/** The runs of one claim: indices into the plan's requests. */
export interface ClaimRuns {
  main: number;
  /** check index → request of its low level. */
  low: Map<number, number>;
  /** check index → requests per grid load. */
  grid: Map<number, number[]>;
  /** Per hypercube point: the same structure. */
  robust: { main: number; low: Map<number, number>; grid: Map<number, number[]> }[];
}

export interface Plan {
  requests: Request[];
  claims: Map<string, ClaimRuns>;
  /** The hypercube points per scenario, and the parameters varied. */
  hypercube: Map<string, { params: { param: string; min: number; max: number }[]; points: DesignPoint[] }>;
}

export interface PlanSettings {
  replications: number;
  robustnessPoints: number;
  robustnessReplications: number;
  /** Grid loads of a tipping check in the robustness runs (fewer than in the main runs). */
  robustGridLoads: number;
  /** At most this many grid loads in the main runs (a quick run caps them). */
  maxGridLoads?: number;
}

/** An assumption parameter and its range: what the hypercube varies. */
export interface AssumptionParam {
  path: string;
  value: number;
  range: FactorRange;
}

/**
 * The behaviour parameters of a scenario that rest on an assumption (those `stroom
 * sensitivity` varies by default: scenario/assumptions.ts), each over ±50% of its value
 * (probabilities kept in [0, 1], counts whole and at least 1).
 */
export function assumptionParams(doc: Record<string, unknown>, behaviour: BehaviourSpec): AssumptionParam[] {
  const out: AssumptionParam[] = [];
  for (const p of behaviourParameters(doc, behaviour)) {
    if (!p.assumed) continue;
    const range = defaultRange(p.value, { probability: p.probability, integer: p.integer, min: p.integer ? 1 : 0 });
    if (range.max > range.min) out.push({ path: p.path, value: p.value, range });
  }
  return out;
}

export function designsOf(claim: Claim): string[] {
  const out: string[] = [];
  for (const c of claim.checks) for (const d of checkDesigns(c)) if (!out.includes(d)) out.push(d);
  return out;
}

export function buildPlan(file: ClaimsFile, scenarioParams: Map<string, AssumptionParam[]>, s: PlanSettings, seed: number): Plan {
  const requests: Request[] = [];
  const index = new Map<string, number>();
  let scenario = '';
  const request = (point: Record<string, unknown>, designs: string[], replications: number): number => {
    const key = JSON.stringify([scenario, point, designs, replications]);
    let i = index.get(key);
    if (i === undefined) {
      i = requests.length;
      requests.push({ scenario, point, designs, replications });
      index.set(key, i);
    }
    return i;
  };
  const hypercube: Plan['hypercube'] = new Map();
  for (const [scenario, params] of scenarioParams) {
    const ranges = Object.fromEntries(params.map((p) => [p.path, p.range]));
    const raw = s.robustnessPoints > 0 && params.length > 0 ? latinHypercube(ranges, s.robustnessPoints, seed) : [];
    // Plain numbers are what the resolved model holds (hours, per hour): six digits keep a point readable.
    const points = raw.map((pt) => Object.fromEntries(params.map((p) => [p.path, Number((pt[p.path] as number).toPrecision(6))])));
    hypercube.set(scenario, { params: params.map((p) => ({ param: p.path, min: p.range.min, max: p.range.max })), points });
  }
  const claims = new Map<string, ClaimRuns>();
  for (const claim of file.claims) {
    const designs = designsOf(claim);
    scenario = claim.scenario;
    if (designs.length === 0) {
      claims.set(claim.id, { main: -1, low: new Map(), grid: new Map(), robust: [] });
      continue;
    }
    const runsAt = (base: Record<string, unknown>, reps: number, gridLoads?: number) => {
      const low = new Map<number, number>();
      const grid = new Map<number, number[]>();
      claim.checks.forEach((c, j) => {
        if (c.kind === 'convergence') {
          const scale = Object.fromEntries(Object.entries(c.low).map(([f, v]) => [`${SCALE_KEY_PREFIX}${f}`, v]));
          low.set(j, request({ ...base, ...scale }, [...c.designs], reps));
        } else if (c.kind === 'tipping') {
          const n = gridLoads ?? Math.min(c.loads[2], s.maxGridLoads ?? c.loads[2]);
          const loads = checkLoads({ ...c, loads: [c.loads[0], c.loads[1], n] });
          grid.set(j, loads.map((load) => request({ ...base, [`${SCALE_KEY_PREFIX}arrivals`]: load }, [...c.designs], reps)));
        }
      });
      // Designs that only a tipping check names need no main runs.
      const mainDesigns = designs.filter((d) => claim.checks.some((c) => c.kind !== 'tipping' && checkDesigns(c).includes(d)));
      return { main: mainDesigns.length > 0 ? request(base, mainDesigns, reps) : -1, low, grid };
    };
    const set = claim.set ?? {};
    const main = runsAt(set, s.replications);
    const robust = (hypercube.get(claim.scenario)?.points ?? []).map((pt) => runsAt({ ...set, ...pt }, s.robustnessReplications, s.robustGridLoads));
    claims.set(claim.id, { ...main, robust });
  }
  return { requests, claims, hypercube };
}

/** The tasks of every request, and where each request's tasks start. */
export function planTasks(plan: Plan, base: { scenarioFile: (scenario: string) => string; seed: number; horizon: number; warmup: number }): { tasks: RunTask[]; offsets: number[] } {
  const tasks: RunTask[] = [];
  const offsets: number[] = [];
  plan.requests.forEach((r) => {
    offsets.push(tasks.length);
    const scenarioId = base.scenarioFile(r.scenario);
    const point = Object.keys(r.point).length > 0 ? r.point : undefined;
    for (const design of r.designs) {
      for (let rep = 0; rep < r.replications; rep++) {
        tasks.push({ scenarioId, design, seed: base.seed, replication: rep, horizon: base.horizon, warmup: base.warmup, ...(point ? { point } : {}) });
      }
    }
  });
  return { tasks, offsets };
}
