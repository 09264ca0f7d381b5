// Which area of the organisation each organisation-wide metric speaks about, so that a
// comparison reads by question (how does work flow, how often does it escalate, does
// the compensation loop close, how loaded are people, what do they know) rather than
// as one long list. Keyed by MetricId: a metric added to METRICS without an area is a
// compile error here, and test/cli/compare-table.test.ts checks the same at run time.

import type { MetricId } from '../model/index.js';

export const AREAS = {
  flow: 'flow: how fast and how reliably requests get through',
  escalations: 'escalations: questions and collisions sent up, and how they end',
  loop: 'the compensation loop: problems, compensation, signals and design',
  load: 'load: where the hours of managers, coordinators and operators go',
  knowledge: 'knowledge: explicit agreements against memory and key persons',
  checks: 'checks: consistency of the run',
} as const;
export type Area = keyof typeof AREAS;
export const AREA_IDS = Object.keys(AREAS) as Area[];

export const METRIC_AREA: Readonly<Record<MetricId, Area>> = {
  throughput_per_week: 'flow',
  lead_time_mean: 'flow',
  lead_time_p50: 'flow',
  lead_time_p90: 'flow',
  lead_time_p99: 'flow',
  external_wait_mean: 'flow',
  lead_time_cv: 'flow',
  wip_mean: 'flow',
  due_date_attainment: 'flow',
  team_kpi_attainment: 'flow',
  kpi_gap: 'flow',
  arrivals: 'flow',
  completions: 'flow',
  escalations_per_100: 'escalations',
  escalations_to_mt_per_100: 'escalations',
  escalation_latency_mean: 'escalations',
  escalations_withdrawn_per_100: 'escalations',
  escalation_withdrawn_wait_mean: 'escalations',
  escalation_hours_on_done_share: 'escalations',
  collisions_per_100: 'escalations',
  collision_escalations_per_100: 'escalations',
  handover_mismatches_per_100: 'escalations',
  problems_per_100: 'loop',
  improvisations_per_100: 'loop',
  rework_per_100: 'loop',
  compensations_per_100: 'loop',
  operator_signals_per_100: 'loop',
  signal_visibility: 'loop',
  signals_answered_share: 'loop',
  operator_signal_propensity: 'loop',
  manager_compensation_propensity: 'loop',
  meetings_spawned: 'loop',
  designs_completed: 'loop',
  mt_design_share: 'loop',
  manager_design_share: 'load',
  manager_compensation_share: 'load',
  manager_meeting_share: 'load',
  coordinator_utilisation: 'load',
  operator_utilisation: 'load',
  overtime_share: 'load',
  departures: 'load',
  tacit_answers_per_100: 'knowledge',
  coverage_final: 'knowledge',
  keyperson_dependence: 'knowledge',
  littles_law_error: 'checks',
  lead_time_operate: 'flow',
  lead_time_recover: 'flow',
  lead_time_change: 'flow',
  lead_time_agree: 'flow',
  lead_time_improve: 'flow',
  improve_requests_per_week: 'loop',
  improve_open: 'loop',
  improve_open_age_mean: 'loop',
  change_agreement_waits_per_100: 'flow',
  supplier_wait_mean: 'flow',
  supplier_utilisation: 'load',
  contract_questions_per_100: 'escalations',
  coach_answers_per_100: 'knowledge',
  strain_operator: 'load',
  strain_coordinator: 'load',
  strain_manager: 'load',
};

/** Metrics in area order, keeping the given order within an area; unknown ids go last under checks. */
export function byArea(metrics: readonly string[]): { area: Area; metrics: string[] }[] {
  const groups = new Map<Area, string[]>(AREA_IDS.map((a) => [a, []]));
  for (const m of metrics) groups.get((METRIC_AREA as Record<string, Area>)[m] ?? 'checks')!.push(m);
  return [...groups].filter(([, ms]) => ms.length > 0).map(([area, ms]) => ({ area, metrics: ms }));
}
