// Results per value stream and per team, over the observation window: what an analyst
// asks of one service (the lead time of a move, not of "all requests") and the watermelon
// gap per stream (001:L489): the teams' own KPI (each step within its share of the due
// window) beside the stream's end-to-end due-date attainment. Collected alongside the
// organisation-wide metrics (metrics.ts) from the same events.

import { makeDistribution } from '../random/index.js';
// The two collectors by their own modules, not the stats index: `stroom validate` loads
// this module for offeredLoad() and should not pay for the rest of stats/.
import { QuantileSketch } from '../stats/quantile-sketch.js';
import { Tally } from '../stats/tally.js';
import type { World } from './world.js';

/** Metric ids per stream, with units. */
export const STREAM_METRICS = {
  arrivals: 'requests of this stream arrived in the window [count]',
  completions: 'requests of this stream completed in the window [count]',
  throughput_per_week: 'completed requests of this stream per week [requests/week]',
  lead_time_mean: 'mean end-to-end lead time [h]',
  lead_time_p50: 'median lead time [h]',
  lead_time_p90: '90th percentile of lead time [h]',
  lead_time_cv: 'coefficient of variation of lead time [-]',
  external_wait_mean: 'mean time waiting on parties outside the organisation [h]',
  due_date_attainment: 'share completed by their due date [-]',
  team_kpi_attainment: "share of this stream's steps the teams finished within their share of the due window [-]",
  kpi_gap: 'team KPI attainment minus end-to-end due-date attainment: the watermelon gap of this stream [-]',
  escalations_per_100: 'escalations about requests of this stream per 100 of its arrivals',
  boundary_collisions_per_100:
    'collisions in a team queue between a case of this stream and one on the other side of a pilot\'s stream scope, per 100 of its arrivals (0 without pilots)',
  boundary_handovers_per_100: 'handovers of this stream\'s cases between a team inside a pilot\'s team scope and one outside it, per 100 of its arrivals (0 without pilots)',
} as const;
export type StreamMetricId = keyof typeof STREAM_METRICS;
export const STREAM_METRIC_IDS = Object.keys(STREAM_METRICS) as StreamMetricId[];

/** Metric ids per team, with units. */
export const TEAM_METRICS = {
  steps_done: 'steps the team finished in the window [count]',
  team_kpi_attainment: 'share of its steps the team finished within their share of the due window: its own KPI [-]',
  offered_load: "operator hours the team's steps ask per hour of its operators' contract time, before questions and rework [-]",
} as const;
export type TeamMetricId = keyof typeof TEAM_METRICS;
export const TEAM_METRIC_IDS = Object.keys(TEAM_METRICS) as TeamMetricId[];

export class StreamMetrics {
  private readonly w: World;
  private readonly arrivals: Float64Array;
  private readonly completions: Float64Array;
  private readonly onTime: Float64Array;
  private readonly external: Float64Array;
  private readonly escalations: Float64Array;
  private readonly boundaryCollisions: Float64Array;
  private readonly boundaryHandovers: Float64Array;
  private readonly steps: Float64Array;
  private readonly stepsOk: Float64Array;
  private readonly teamSteps: Float64Array;
  private readonly teamStepsOk: Float64Array;
  private readonly lead: Tally[];
  private readonly leadQ: QuantileSketch[];

  constructor(w: World) {
    this.w = w;
    const s = w.nStreams;
    this.arrivals = new Float64Array(s);
    this.completions = new Float64Array(s);
    this.onTime = new Float64Array(s);
    this.external = new Float64Array(s);
    this.escalations = new Float64Array(s);
    this.boundaryCollisions = new Float64Array(s);
    this.boundaryHandovers = new Float64Array(s);
    this.steps = new Float64Array(s);
    this.stepsOk = new Float64Array(s);
    this.teamSteps = new Float64Array(w.nTeams);
    this.teamStepsOk = new Float64Array(w.nTeams);
    this.lead = Array.from({ length: s }, () => new Tally());
    this.leadQ = Array.from({ length: s }, () => new QuantileSketch());
  }

  reset(): void {
    for (const a of [this.arrivals, this.completions, this.onTime, this.external, this.escalations, this.boundaryCollisions, this.boundaryHandovers, this.steps, this.stepsOk, this.teamSteps, this.teamStepsOk]) a.fill(0);
    for (const t of this.lead) t.reset();
    for (const q of this.leadQ) q.clear();
  }

  arrive(s: number): void {
    this.arrivals[s] = this.arrivals[s]! + 1;
  }

  complete(s: number, lead: number, onTime: number, external: number): void {
    this.completions[s] = this.completions[s]! + 1;
    this.onTime[s] = this.onTime[s]! + onTime;
    this.external[s] = this.external[s]! + external;
    this.lead[s]!.add(lead);
    this.leadQ[s]!.add(lead);
  }

  step(s: number, team: number, ok: number): void {
    this.steps[s] = this.steps[s]! + 1;
    this.stepsOk[s] = this.stepsOk[s]! + ok;
    this.teamSteps[team] = this.teamSteps[team]! + 1;
    this.teamStepsOk[team] = this.teamStepsOk[team]! + ok;
  }

  escalation(s: number): void {
    this.escalations[s] = this.escalations[s]! + 1;
  }

  /** A collision in a team queue between this stream's case and one across a pilot's stream scope. */
  boundaryCollision(s: number): void {
    this.boundaryCollisions[s] = this.boundaryCollisions[s]! + 1;
  }

  /** A handover of this stream's case across a pilot's team scope. */
  boundaryHandover(s: number): void {
    this.boundaryHandovers[s] = this.boundaryHandovers[s]! + 1;
  }

  /** Per stream id: its metrics over a window of `weeks` weeks. */
  streams(weeks: number): Record<string, Record<StreamMetricId, number>> {
    const out: Record<string, Record<StreamMetricId, number>> = {};
    this.w.spec.streams.forEach((st, s) => {
      const n = this.completions[s]!;
      const tally = this.lead[s]!;
      const q = this.leadQ[s]!;
      const due = n > 0 ? this.onTime[s]! / n : Number.NaN;
      const kpi = this.steps[s]! > 0 ? this.stepsOk[s]! / this.steps[s]! : Number.NaN;
      out[st.id] = {
        arrivals: this.arrivals[s]!,
        completions: n,
        throughput_per_week: weeks > 0 ? n / weeks : Number.NaN,
        lead_time_mean: n > 0 ? tally.mean : Number.NaN,
        lead_time_p50: q.count > 0 ? q.quantile(0.5) : Number.NaN,
        lead_time_p90: q.count > 0 ? q.quantile(0.9) : Number.NaN,
        lead_time_cv: n > 1 ? tally.stdev / tally.mean : Number.NaN,
        external_wait_mean: n > 0 ? this.external[s]! / n : Number.NaN,
        due_date_attainment: due,
        team_kpi_attainment: kpi,
        kpi_gap: kpi - due,
        escalations_per_100: this.per100(this.escalations, s),
        boundary_collisions_per_100: this.per100(this.boundaryCollisions, s),
        boundary_handovers_per_100: this.per100(this.boundaryHandovers, s),
      };
    });
    return out;
  }

  private per100(counts: Float64Array, s: number): number {
    return this.arrivals[s]! > 0 ? (100 * counts[s]!) / this.arrivals[s]! : Number.NaN;
  }

  /** Per team id: its own KPI and the load its steps offer. */
  teams(): Record<string, Record<TeamMetricId, number>> {
    const load = offeredLoad(this.w.spec);
    const out: Record<string, Record<TeamMetricId, number>> = {};
    this.w.spec.teams.forEach((t, i) => {
      const n = this.teamSteps[i]!;
      out[t.id] = { steps_done: n, team_kpi_attainment: n > 0 ? this.teamStepsOk[i]! / n : Number.NaN, offered_load: load[t.id] ?? Number.NaN };
    });
    return out;
  }
}

/**
 * Offered load per team before questions, improvisation and rework: operator hours its
 * steps ask per hour (arrival rate x mean service, summed over the steps it owns),
 * divided by the operator hours it has per clock hour (contract hours / 40 per operator).
 * At 1 or more the team cannot keep up even if nothing ever goes wrong.
 */
export function offeredLoad(spec: World['spec']): Record<string, number> {
  const demand = new Map<string, number>();
  const supply = new Map<string, number>();
  for (const st of spec.streams) {
    // A supplier's step asks nothing of the team that holds the relation: the supplier has its own capacity.
    for (const step of st.steps) if (step.supplier === undefined) demand.set(step.team, (demand.get(step.team) ?? 0) + st.arrivalRate * makeDistribution(step.service).mean);
  }
  for (const p of spec.persons) {
    for (const r of p.roles) if (r.role === 'operator') supply.set(r.team, (supply.get(r.team) ?? 0) + p.hoursPerWeek / 40);
  }
  const out: Record<string, number> = {};
  for (const t of spec.teams) {
    const d = demand.get(t.id) ?? 0;
    const s = supply.get(t.id) ?? 0;
    out[t.id] = s > 0 ? d / s : d > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  return out;
}
