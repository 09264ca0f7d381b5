// Small sums over people's time accounts and learned propensities, shared by the weekly
// series (metrics.ts) and the run's result (result.ts).

import { CAT_ABSENT, CAT_IDLE, CAT_OFF, N_CATEGORIES } from './person.js';
import type { World } from './world.js';

/** On-duty hours: every category but off-time and absence. */
export function sumOnDuty(t: Float64Array): number {
  let s = 0;
  for (let c = 0; c < N_CATEGORIES; c++) if (c !== CAT_OFF && c !== CAT_ABSENT) s += t[c]!;
  return s;
}

/** Busy hours: on duty and not idle. */
export function sumBusy(t: Float64Array): number {
  return sumOnDuty(t) - t[CAT_IDLE]!;
}

/** Mean propensities now: operators' to signal, managers' to compensate. */
export function meanPropensities(w: World): { operator: number; manager: number } {
  let os = 0;
  let on = 0;
  let ms = 0;
  let mn = 0;
  for (const p of w.persons) {
    if (p.isManager) {
      ms += p.propensity;
      mn++;
    } else if (p.operatorTeam >= 0) {
      os += p.signalPropensity;
      on++;
    }
  }
  return { operator: on > 0 ? os / on : Number.NaN, manager: mn > 0 ? ms / mn : Number.NaN };
}

/** Managers' time accounts summed by category, brought up to now. */
export function managerTotals(w: World): Float64Array {
  const t = new Float64Array(N_CATEGORIES);
  for (const p of w.persons) {
    if (!p.isManager) continue;
    p.account(w.sim.now);
    for (let c = 0; c < N_CATEGORIES; c++) t[c] = t[c]! + p.time[c]!;
  }
  return t;
}
