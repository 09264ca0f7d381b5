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
import { withRangeUnit } from '../commands/sweep.js';

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
  hypercube: Map<string, { params: { param: string; min: number; max: number; unit: string }[]; points: DesignPoint[] }>;
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

/** An assumption parameter: a number in `behaviour` whose provenance says "assumption". */
export interface AssumptionParam {
  path: string;
  value: number;
  unit: string;
  range: FactorRange;
}

const PROBABILITY = /Propensity|Tendency|Risk|Mismatch|Visibility|Reach$|PassOn|Decay|Share|probability/;
const WHOLE = /Threshold|Limit|QuietWeeks/;

/**
 * The behaviour parameters of a scenario document that rest on an assumption, with a
 * range of ±50% around the scenario's value (probabilities kept in [0, 1], counts
 * whole). Distributions are left out: a hypercube over their shapes says little.
 */
export function assumptionParams(doc: unknown): AssumptionParam[] {
  const behaviour = (doc as { behaviour?: Record<string, unknown> } | undefined)?.behaviour;
  if (behaviour === undefined || typeof behaviour !== 'object') return [];
  const provenance = (behaviour['provenance'] ?? {}) as Record<string, unknown>;
  const out: AssumptionParam[] = [];
  for (const [name, raw] of Object.entries(behaviour)) {
    if (name === 'provenance' || name === 'source' || name === 'assumption') continue;
    const why = provenance[name];
    if (typeof why !== 'string' || !/assumption/i.test(why)) continue;
    let value: number;
    let unit = '';
    if (typeof raw === 'number') value = raw;
    else if (typeof raw === 'string') {
      const m = /^\s*(-?\d+(?:\.\d+)?)\s*(.*?)\s*$/.exec(raw);
      if (!m || m[2] === '') continue;
      value = Number(m[1]);
      unit = m[2]!;
    } else continue;
    if (!(value > 0)) continue;
    const probability = PROBABILITY.test(name) && value <= 1;
    const integer = unit === '' && Number.isInteger(value) && WHOLE.test(name);
    const range = defaultRange(value, { probability, integer, min: 0 });
    if (!(range.max > range.min)) continue;
    out.push({ path: `behaviour.${name}`, value, unit, range });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export function designsOf(claim: Claim): string[] {
  const out: string[] = [];
  for (const c of claim.checks) for (const d of checkDesigns(c)) if (!out.includes(d)) out.push(d);
  return out;
}

export function buildPlan(file: ClaimsFile, scenarioDocs: Map<string, unknown>, s: PlanSettings, seed: number): Plan {
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
  for (const [scenario, doc] of scenarioDocs) {
    const params = assumptionParams(doc);
    const ranges = Object.fromEntries(params.map((p) => [p.path, p.range]));
    const raw = s.robustnessPoints > 0 && params.length > 0 ? latinHypercube(ranges, s.robustnessPoints, seed) : [];
    // Values go into the scenario in the unit the file uses ("2 days"), so units apply as when loading.
    const points = raw.map((pt) => Object.fromEntries(params.map((p) => [p.path, withRangeUnit(pt[p.path] as number, p.unit)])));
    hypercube.set(scenario, { params: params.map((p) => ({ param: p.path, min: p.range.min, max: p.range.max, unit: p.unit })), points });
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
