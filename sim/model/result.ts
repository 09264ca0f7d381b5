// The result of one run: the flat metric record (ids in METRIC_IDS, shared by the API,
// the CLI and the viewer), weekly series, per-cell queues, per-person summaries and the
// optional trace. Everything is plain numbers and typed arrays.

import { improveOpen } from './mechanisms/kinds.js';
import { CATEGORY_NAMES, CAT_COMPENSATE, CAT_DESIGN, CAT_MEETING, N_CATEGORIES } from './person.js';
import type { SeriesName } from './metrics.js';
import { meanPropensities, sumBusy, sumOnDuty } from './time-sums.js';
import { WEEK_HOURS } from './spec.js';
import type { TraceData } from './trace.js';
import type { StreamMetricId, TeamMetricId } from './stream-metrics.js';
import { LEAD_TIME_PART_IDS, type LeadTimePart } from './attribution.js';
import type { AnatomyResult } from './anatomy.js';
import type { World } from './world.js';
import type { WeeklyGroups } from './weekly-detail.js';
import { ESC_COLLISION } from './store.js';
import { EXT_METRICS, extMetrics, supplierSummaries, type SupplierSummary } from './extension-result.js';
import type { StrainSeriesName } from './strain.js';

/** Metric ids with a one-line meaning each (units in brackets). */
export const METRICS = {
  throughput_per_week: 'completed requests per week [requests/week]',
  lead_time_mean: 'mean end-to-end lead time of completed requests [h]',
  lead_time_p50: 'median lead time (bounded-memory sketch, within 0.5% relative) [h]',
  lead_time_p90: '90th percentile of lead time (within 0.5% relative) [h]',
  lead_time_p99: '99th percentile of lead time (within 0.5% relative) [h]',
  external_wait_mean: 'mean time a completed request waited on parties outside the organisation (applicant, other organisations, statutory periods) [h]',
  lead_time_cv: 'coefficient of variation of lead time: the spread beside the mean [-]',
  wip_mean: 'time-average requests in the system [requests]',
  due_date_attainment: 'share of completed requests done by their due date [-]',
  team_kpi_attainment: "share of steps each team finished within its share of the due window: the teams' visible KPI [-]",
  kpi_gap: 'team KPI attainment minus end-to-end due-date attainment: the watermelon gap [-]',
  escalations_per_100: 'escalations raised per 100 arrived requests',
  escalations_to_mt_per_100: 'escalations that reached the MT per 100 requests',
  escalation_latency_mean: 'mean time from raising an escalation to its end [h]',
  escalations_withdrawn_per_100: 'escalations withdrawn because their case completed or moved past the step before anyone handled them, per 100 requests',
  escalation_withdrawn_wait_mean: 'mean time a withdrawn escalation had waited [h]',
  escalation_hours_on_done_share: 'share of escalation-handling hours spent after the case had completed or moved past the step [-]',
  collisions_per_100: 'line/process collisions per 100 requests',
  collision_escalations_per_100: 'collisions escalated per 100 requests',
  handover_mismatches_per_100: 'rejected handovers per 100 requests',
  improvisations_per_100: 'questions an operator improvised around per 100 requests',
  operator_signals_per_100: 'unanswered questions an operator signalled (escalated on record) per 100 requests',
  rework_per_100: 'steps redone after an improvisation failed, per 100 requests',
  tacit_answers_per_100: 'questions answered by a key person from memory, per 100 requests',
  problems_per_100: 'questions nobody could answer plus escalated collisions, per 100 requests',
  compensations_per_100: 'escalations a manager fixed personally, per 100 requests',
  manager_design_share: "share of managers' on-duty time spent designing [-]",
  manager_compensation_share: "share of managers' on-duty time spent compensating [-]",
  manager_meeting_share: "share of managers' on-duty time spent in meetings [-]",
  coordinator_utilisation: 'busy share of on-duty time of persons holding a coordinator role (not managers) [-]',
  operator_utilisation: 'busy share of on-duty time of persons who only operate [-]',
  overtime_share: 'overtime hours over all on-duty hours [-]',
  signal_visibility: 'problems that became a visible design signal / problems that occurred (measured, never set) [-]',
  signals_answered_share: 'signals with an author that design work answered within the answer window, of those decided [-]',
  operator_signal_propensity: "operators' mean propensity to signal at the end (learned from answered signals) [-]",
  manager_compensation_propensity: "managers' mean propensity to compensate at the end [-]",
  meetings_spawned: 'recurring meetings teams set up because the same problem kept escalating [count]',
  departures: 'persons who left and were replaced by a newcomer [count]',
  designs_completed: 'design actions that took effect [count]',
  mt_design_share: 'share of MT agenda items spent on design rather than incidents [-]',
  coverage_final: 'mean explicit agreement coverage at the end, weighted by question frequency [-]',
  keyperson_dependence: 'share of decisions (answers, resolutions) made by the three busiest deciders [-]',
  littles_law_error: '|L - lambda W| / L over the window: a consistency check [-]',
  arrivals: 'requests arrived in the window [count]',
  completions: 'requests completed in the window [count]',
  ...EXT_METRICS,
} as const;
export type MetricId = keyof typeof METRICS;
export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

export interface PersonSummary {
  id: string;
  name: string;
  roles: string[];
  /** Whole-run hours by category (CATEGORY_NAMES). */
  time: Record<string, number>;
  overtime: number;
  /** Window hours by category. */
  windowTime: Record<string, number>;
  windowOvertime: number;
  decisions: number;
  /** Strain index (strain.ts): mean per window week, and per week of the whole run. */
  strain: number;
  strainWeekly: number[];
}

export interface ModelRunResult {
  metrics: Record<MetricId, number>;
  series: Record<SeriesName | StrainSeriesName | 'week', Float64Array>;
  /** Mean queue per week per (team, stream): index (week * teams + team) * streams + stream. */
  cells: { teams: string[]; streams: string[]; queue: Float64Array };
  persons: PersonSummary[];
  /** Whole-run conservation of casework: arrived = completed + in system (improve requests, design work, are outside it). */
  conservation: { arrived: number; completed: number; inSystem: number };
  events: number;
  /** The window's metrics per value stream (STREAM_METRICS) and per team (TEAM_METRICS), by id. */
  byStream: Record<string, Record<StreamMetricId, number>>;
  byTeam: Record<string, Record<TeamMetricId, number>>;
  /** Mean hours per completed request in each part of its lead time (LEAD_TIME_PARTS); they add up to lead_time_mean. */
  leadTimeParts: Record<LeadTimePart, number>;
  /** What became of the window's problems (anatomy.ts). */
  anatomy: AnatomyResult;
  /** Every meeting of the run: the scenario's, then those the organisation set up itself (trace meeting indices). */
  meetings: { id: string; name: string; kind: string }[];
  /** Suppliers' queues and capacity over the window (empty without suppliers). */
  suppliers: SupplierSummary[];
  trace?: TraceData;
  /** Weekly series per stream, team, role and person, when SimulateOptions.weekly asked for them. */
  weekly?: WeeklyGroups;
}

const per100 = (x: number, n: number) => (n > 0 ? (100 * x) / n : Number.NaN);
const ratio = (x: number, n: number) => (n > 0 ? x / n : Number.NaN);

export function buildResult(w: World): ModelRunResult {
  const m = w.metrics;
  const now = w.sim.now;
  const span = now - m.windowStart;
  const weeks = span / WEEK_HOURS;
  const lt = m.leadTimes;
  const ltMean = lt.count > 0 ? m.leadTally.mean : Number.NaN;
  const wipMean = m.wipMean();
  const lambda = m.completions / span;

  const mgr = new Float64Array(N_CATEGORIES);
  const coord = new Float64Array(N_CATEGORIES);
  const ops = new Float64Array(N_CATEGORIES);
  let overtime = 0;
  let onDuty = 0;
  const persons: PersonSummary[] = [];
  for (const p of w.persons) {
    p.account(now);
    const t = m.windowTime(p.index);
    const isCoordinator = p.lineCoordinatorTeam >= 0 || p.processStreams.length > 0;
    const target = p.isManager ? mgr : isCoordinator ? coord : p.operatorTeam >= 0 ? ops : null;
    if (target) for (let c = 0; c < N_CATEGORIES; c++) target[c] = target[c]! + t[c]!;
    overtime += m.windowOvertime(p.index);
    onDuty += sumOnDuty(t);
    persons.push({
      id: p.spec.id,
      name: p.spec.name,
      roles: p.spec.roles.map((r) => r.role),
      time: named(p.time),
      overtime: p.overtimeHours,
      windowTime: named(t),
      windowOvertime: m.windowOvertime(p.index),
      decisions: m.decisions[p.index]!,
      strain: w.ext.strain.personMean(p.index),
      strainWeekly: w.ext.strain.weekly[p.index]!,
    });
  }
  const mgrDuty = sumOnDuty(mgr);
  const sorted = Array.from(m.decisions).sort((a, b) => b - a);
  const allDecisions = sorted.reduce((a, b) => a + b, 0);
  const teamKpi = ratio(m.stepsWithinNorm, m.stepsDone);
  const due = ratio(m.onTime, m.completions);
  const prop = meanPropensities(w);

  const metrics: Record<MetricId, number> = {
    throughput_per_week: ratio(m.completions, weeks),
    lead_time_mean: ltMean,
    lead_time_p50: lt.count > 0 ? lt.quantile(0.5) : Number.NaN,
    lead_time_p90: lt.count > 0 ? lt.quantile(0.9) : Number.NaN,
    lead_time_p99: lt.count > 0 ? lt.quantile(0.99) : Number.NaN,
    external_wait_mean: ratio(m.externalWaitSum, m.completions),
    lead_time_cv: lt.count > 1 ? m.leadTally.stdev / ltMean : Number.NaN,
    wip_mean: wipMean,
    due_date_attainment: due,
    team_kpi_attainment: teamKpi,
    kpi_gap: teamKpi - due,
    escalations_per_100: per100(m.escalations, m.arrivals),
    escalations_to_mt_per_100: per100(m.toMT, m.arrivals),
    escalation_latency_mean: ratio(m.latencySum, m.escalationsEnded),
    escalations_withdrawn_per_100: per100(m.withdrawnCount, m.arrivals),
    escalation_withdrawn_wait_mean: ratio(m.withdrawnWaitSum, m.withdrawnCount),
    escalation_hours_on_done_share: ratio(m.staleEscalationHours, m.escalationHours),
    collisions_per_100: per100(m.collisions, m.arrivals),
    collision_escalations_per_100: per100(m.escalationsByReason[ESC_COLLISION]!, m.arrivals),
    handover_mismatches_per_100: per100(m.handoverMismatches, m.arrivals),
    improvisations_per_100: per100(m.improvisations, m.arrivals),
    operator_signals_per_100: per100(m.operatorSignals, m.arrivals),
    rework_per_100: per100(m.reworks, m.arrivals),
    tacit_answers_per_100: per100(m.answeredBy[2]!, m.arrivals),
    problems_per_100: per100(m.problems, m.arrivals),
    compensations_per_100: per100(m.compensations, m.arrivals),
    manager_design_share: ratio(mgr[CAT_DESIGN]!, mgrDuty),
    manager_compensation_share: ratio(mgr[CAT_COMPENSATE]!, mgrDuty),
    manager_meeting_share: ratio(mgr[CAT_MEETING]!, mgrDuty),
    coordinator_utilisation: ratio(sumBusy(coord), sumOnDuty(coord)),
    operator_utilisation: ratio(sumBusy(ops), sumOnDuty(ops)),
    overtime_share: ratio(overtime, onDuty),
    signal_visibility: ratio(m.visible, m.problems),
    signals_answered_share: ratio(m.signalsAnswered, m.signalsAnswered + m.signalsExpired),
    operator_signal_propensity: prop.operator,
    manager_compensation_propensity: prop.manager,
    meetings_spawned: m.meetingsSpawned,
    departures: m.departures,
    designs_completed: m.designs,
    mt_design_share: ratio(m.mtDesignItems, m.mtDesignItems + m.mtDecisions),
    coverage_final: w.coverage(),
    keyperson_dependence: ratio((sorted[0] ?? 0) + (sorted[1] ?? 0) + (sorted[2] ?? 0), allDecisions),
    littles_law_error: Math.abs(wipMean - lambda * ltMean) / wipMean,
    arrivals: m.arrivals,
    completions: m.completions,
    ...extMetrics(w, m.arrivals, m.windowStart),
  };
  const result: ModelRunResult = {
    metrics,
    series: { ...m.series(), ...w.ext.strain.series() },
    cells: { teams: w.spec.teams.map((t) => t.id), streams: w.spec.streams.map((s) => s.id), queue: Float64Array.from(m.cellSeries) },
    persons,
    conservation: { arrived: m.arrivedTotal, completed: m.completedTotal, inSystem: w.requests.live - improveOpen(w).open },
    events: w.sim.eventsFired,
    meetings: w.meetings.map((mt) => ({ id: mt.id, name: mt.name, kind: mt.kind })),
    suppliers: supplierSummaries(w, m.windowStart),
    byStream: m.byStream.streams(weeks),
    anatomy: m.anatomy.result(m.arrivals),
    leadTimeParts: Object.fromEntries(LEAD_TIME_PART_IDS.map((p, i) => [p, ratio(m.partSum[i]!, m.completions)])) as Record<LeadTimePart, number>,
    byTeam: m.byStream.teams(),
  };
  if (w.trace !== null) result.trace = w.trace.data();
  if (m.detail !== null) result.weekly = m.detail.result(m.cellSeries);
  return result;
}

function named(t: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  CATEGORY_NAMES.forEach((name, c) => (out[name] = t[c]!));
  return out;
}
