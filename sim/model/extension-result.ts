// The result figures of extensions.ts: lead time per process kind, change agreements,
// coaches, suppliers and the strain index (ids in EXT_METRICS, merged into METRICS).

import { PROCESS_KINDS, WEEK_HOURS } from './spec.js';
import { supplierUtilisation } from './mechanisms/suppliers.js';
import { improveOpen } from './mechanisms/kinds.js';
import type { World } from './world.js';

export const EXT_METRICS = {
  lead_time_operate: 'mean lead time of completed operate requests [h]',
  lead_time_recover: 'mean lead time of completed recover requests [h]',
  lead_time_change: 'mean lead time of completed change requests, waiting for their agreement included [h]',
  lead_time_agree: 'mean lead time of completed agree requests [h]',
  lead_time_improve: 'mean time from an improve request to the design work that answered it [h]',
  improve_requests_per_week: 'improve requests taken into the design backlog (design work, outside the casework figures) [1/week]',
  improve_open: 'improve requests design had not answered at the end of the window [requests]',
  improve_open_age_mean: 'mean age of the improve requests design had not answered at the end of the window [h]',
  change_agreement_waits_per_100: 'change requests that waited for an agreement before their first step, per 100 requests',
  coach_answers_per_100: 'questions a coach took from the team, per 100 requests',
  supplier_wait_mean: "mean time a case waited in a supplier's queue [h]",
  supplier_utilisation: "busy share of the suppliers' capacity [-]",
  contract_questions_per_100: "questions about a supplier's part that went through the contract path, per 100 requests",
  strain_operator: 'strain index of operators: weighted contradictions, improvisations, waits, overtime hours and fixes outside the rules per person-week (strain.ts) [1/week]',
  strain_coordinator: 'strain index of persons holding a coordinator role (not managers) [1/week]',
  strain_manager: 'strain index of managers [1/week]',
} as const;
export type ExtMetricId = keyof typeof EXT_METRICS;

const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

export interface SupplierSummary {
  id: string;
  capacity: number;
  stepsDone: number;
  waitMean: number;
  utilisation: number;
  /** Most cases in work at once over the window (never above capacity). */
  maxBusy: number;
  contractQuestions: number;
}

export function extMetrics(w: World, arrivals: number, windowStart: number): Record<ExtMetricId, number> {
  const x = w.ext;
  const improve = improveOpen(w);
  const weeks = (w.sim.now - windowStart) / WEEK_HOURS;
  const lead = (k: (typeof PROCESS_KINDS)[number]) => {
    const i = PROCESS_KINDS.indexOf(k);
    return x.kindDone[i]! > 0 ? x.kindLead[i]! / x.kindDone[i]! : Number.NaN;
  };
  const per100 = (n: number) => (arrivals > 0 ? (100 * n) / arrivals : Number.NaN);
  let done = 0;
  let wait = 0;
  let contract = 0;
  const utils: number[] = [];
  for (const s of x.suppliers) {
    done += s.done;
    wait += s.waitSum;
    contract += s.contractQuestions;
    utils.push(supplierUtilisation(w, s, windowStart));
  }
  return {
    lead_time_operate: lead('operate'),
    lead_time_recover: lead('recover'),
    lead_time_change: lead('change'),
    lead_time_agree: lead('agree'),
    lead_time_improve: lead('improve'),
    improve_requests_per_week: x.kinds !== null && x.kinds.improveType >= 0 && weeks > 0 ? x.improveArrivals / weeks : Number.NaN,
    improve_open: x.kinds !== null && x.kinds.improveType >= 0 ? improve.open : Number.NaN,
    improve_open_age_mean: improve.ageMean,
    change_agreement_waits_per_100: per100(x.changeApprovals),
    coach_answers_per_100: per100(x.coachAnswers),
    supplier_wait_mean: done > 0 ? wait / done : Number.NaN,
    supplier_utilisation: mean(utils),
    contract_questions_per_100: x.suppliers.length > 0 ? per100(contract) : Number.NaN,
    strain_operator: x.strain.roleMean(0),
    strain_coordinator: x.strain.roleMean(1),
    strain_manager: x.strain.roleMean(2),
  };
}

export function supplierSummaries(w: World, windowStart: number): SupplierSummary[] {
  return w.ext.suppliers.map((s) => ({
    id: s.id,
    capacity: s.capacity,
    stepsDone: s.done,
    waitMean: s.done > 0 ? s.waitSum / s.done : Number.NaN,
    utilisation: supplierUtilisation(w, s, windowStart),
    maxBusy: s.maxBusy,
    contractQuestions: s.contractQuestions,
  }));
}
