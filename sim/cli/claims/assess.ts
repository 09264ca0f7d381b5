// From the records of a claims plan to each claim's result: the checks on the main
// runs (interval, threshold, verdict), the robustness share over the hypercube (does
// every check's point estimate go the predicted way at each point?) and, where the
// claim fails somewhere, the region of assumption values where it fails (PRIM).

import { combine, verdictLine } from '../../experiment/claims/verdict.js';
import { checkHolds, evaluateCheck, sampleCheck, weeklyBand } from '../../experiment/claims/evaluate.js';
import { evaluateTipping, tippingBrackets, tippingHolds } from '../../experiment/claims/tipping-check.js';
import type { Check, CheckResult, Claim, ClaimResult, ClaimsSettings, Robustness } from '../../experiment/claims/types.js';
import { primPeel } from '../../experiment/prim.js';
import { SCALE_KEY_PREFIX } from '../../experiment/scale.js';
import type { ReplicationRecord } from '../../experiment/replications.js';
import type { ClaimRuns, Plan } from './plan.js';

export interface AssessContext {
  settings: ClaimsSettings;
  /** Records of request i. */
  records: (request: number) => ReplicationRecord[];
  /** The design point of request i. */
  point: (request: number) => Record<string, unknown>;
  /** Warm-up of a scenario in weeks (the tipping criterion judges the observed window). */
  warmupWeeks: (scenario: string) => number;
}

function checkAt(claim: Claim, c: Check, j: number, runs: Pick<ClaimRuns, 'main' | 'low' | 'grid'>, x: AssessContext, replications: number): { result: CheckResult; holds: boolean } {
  if (c.kind === 'tipping') {
    const grid = runs.grid.get(j) ?? [];
    const loads = grid.map((r) => Number(x.point(r)[`${SCALE_KEY_PREFIX}arrivals`]));
    const brackets = tippingBrackets(c, loads, grid.map((r) => x.records(r)), x.warmupWeeks(claim.scenario));
    return { result: evaluateTipping(c, brackets, replications), holds: tippingHolds(c, brackets) };
  }
  const main = runs.main >= 0 ? x.records(runs.main) : [];
  const low = runs.low.has(j) ? x.records(runs.low.get(j)!) : undefined;
  const sample = sampleCheck(c, main, low);
  return { result: evaluateCheck(c, sample, x.settings.relevant), holds: checkHolds(c, sample, x.settings.relevant) };
}

function robustness(claim: Claim, runs: ClaimRuns, plan: Plan, x: AssessContext, replications: number): Robustness | undefined {
  const cube = plan.hypercube.get(claim.scenario);
  if (cube === undefined || runs.robust.length === 0) return undefined;
  if (claim.checks.some((c) => c.kind === 'cannot-test')) return undefined;
  const points = runs.robust.map((r, k) => {
    const holds = claim.checks.every((c, j) => checkAt(claim, c, j, r, x, replications).holds);
    const values = Object.fromEntries(cube.params.map((p) => [p.param, Number(cube.points[k]![p.param])]));
    return { values, hit: !holds };
  });
  const held = points.filter((p) => !p.hit).length;
  const out: Robustness = {
    points: points.length,
    holds: held,
    share: held / points.length,
    params: cube.params.map(({ param, min, max }) => ({ param, min, max })),
  };
  if (held < points.length) {
    const box = primPeel(points, cube.params.map((p) => p.param), { alpha: 0.1, minSupport: 0.1 });
    if (box !== null) {
      // Only the parameters PRIM narrowed: the others span their whole range.
      out.failRegion = cube.params
        .filter((p) => {
          const r = box.ranges[p.param];
          return r !== undefined && (r[0] > p.min + 1e-9 * Math.abs(p.min) || r[1] < p.max - 1e-9 * Math.abs(p.max));
        })
        .map((p) => ({ param: p.param, min: box.ranges[p.param]![0], max: box.ranges[p.param]![1] }));
      out.failRegionCoverage = box.coverage;
    }
  }
  return out;
}

export function assessClaim(claim: Claim, plan: Plan, x: AssessContext, replications: number, robustReplications: number): ClaimResult {
  const runs = plan.claims.get(claim.id)!;
  const checks = claim.checks.map((c, j) => checkAt(claim, c, j, runs, x, replications).result);
  const verdict = combine(checks);
  const rob = robustness(claim, runs, plan, x, robustReplications);
  const series: NonNullable<ClaimResult['series']> = [];
  if (runs.main >= 0) {
    const recs = x.records(runs.main);
    for (const c of claim.checks) {
      if (c.kind !== 'change' && c.kind !== 'diff-in-diff') continue;
      for (const d of c.kind === 'change' ? [c.design] : c.designs) {
        if (series.some((s) => s.metric === c.metric && s.design === d)) continue;
        const band = weeklyBand(recs, d, c.metric);
        if (band) series.push(band);
      }
    }
  }
  return { claim, verdict, checks, ...(rob ? { robustness: rob } : {}), line: verdictLine(verdict, rob), ...(series.length > 0 ? { series } : {}) };
}
