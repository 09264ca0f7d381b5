// What a run measures: counters and time-weighted levels over the observation window
// (after warm-up), weekly series over the whole run, and the final flat record of
// metrics with the ids used everywhere (API, CLI, viewer). See METRIC_IDS.

import { QuantileSketch, Tally } from '../stats/index.js';
import { CAT_ABSENT, CAT_COMPENSATE, CAT_DESIGN, CAT_IDLE, CAT_MEETING, CAT_OFF, N_CATEGORIES } from './person.js';
import { ESC_COLLISION } from './store.js';
import { StreamMetrics } from './stream-metrics.js';
import { managerTotals, meanPropensities, sumOnDuty } from './time-sums.js';
import { Anatomy } from './anatomy.js';
import { N_PARTS, PART_QUEUE, switchPart } from './attribution.js';
import type { World } from './world.js';
import { WeeklyDetail } from './weekly-detail.js';

export const SERIES_NAMES = [
  'throughput', 'wip', 'lead_time_mean', 'due_date_attainment', 'team_kpi_attainment', 'escalations', 'escalations_to_mt',
  'improvisations', 'collisions', 'coverage', 'design_backlog', 'manager_design_share', 'manager_compensation_share',
  'manager_meeting_share', 'overtime_hours', 'problems', 'signals', 'operator_signal_propensity', 'manager_compensation_propensity',
  'spawned_meetings', 'escalations_withdrawn', 'manager_queue', 'design_backlog_open', 'arrivals',
] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

export class Metrics {
  private readonly w: World;
  windowStart = 0;
  /** Whole-run counts, never reset: for the conservation check. */
  arrivedTotal = 0;
  completedTotal = 0;
  arrivals = 0;
  completions = 0;
  onTime = 0;
  readonly leadTimes = new QuantileSketch();
  readonly leadTally = new Tally();
  private wipLevel = 0;
  private wipArea = 0;
  private wipLast = 0;
  escalations = 0;
  escalationsByReason = [0, 0, 0];
  toMT = 0;
  toMeetings = 0;
  escalationsEnded = 0;
  latencySum = 0;
  collisions = 0;
  collisionEscalations = 0;
  improvisations = 0;
  problems = 0;
  visible = 0;
  signals = 0;
  readonly answeredBy = [0, 0, 0, 0, 0, 0, 0, 0];
  externalWaitSum = 0;
  /** Lead-time parts summed over the window's completions (attribution.ts). */
  readonly partSum = new Float64Array(N_PARTS);
  withdrawnCount = 0;
  withdrawnWaitSum = 0;
  escalationHours = 0;
  staleEscalationHours = 0;
  operatorSignals = 0;
  signalsAnswered = 0;
  signalsExpired = 0;
  meetingsSpawned = 0;
  meetingsCancelled = 0;
  departures = 0;
  keyDepartures = 0;
  handoverMismatches = 0;
  reworks = 0;
  compensations = 0;
  designs = 0;
  mtDesignItems = 0;
  mtDecisions = 0;
  meetings = 0;
  absences = 0;
  stepsDone = 0;
  stepsWithinNorm = 0;
  decisions: Float64Array;
  private personStart: Float64Array;
  private overtimeStart: Float64Array;

  // Weekly accumulators and series (whole run).
  private readonly cellLevel: Float64Array;
  private readonly cellArea: Float64Array;
  private readonly cellStamps: Float64Array;
  private week: Record<SeriesName, number[]>;
  readonly cellSeries: number[] = [];
  private wk = { completions: 0, onTime: 0, leadSum: 0, steps: 0, stepsOk: 0, esc: 0, mt: 0, impro: 0, coll: 0, problems: 0, signals: 0, wipArea: 0, withdrawn: 0, arrivals: 0 };
  private managerWeekStart: Float64Array;
  readonly detail: WeeklyDetail | null; // per stream, team, role and person, when asked for

  /** The same window, per stream and per team. */
  readonly byStream: StreamMetrics;
  /** What became of every problem of the window. */
  readonly anatomy: Anatomy;

  constructor(w: World) {
    this.w = w;
    this.byStream = new StreamMetrics(w);
    this.anatomy = new Anatomy(w);
    const n = w.spec.persons.length;
    this.decisions = new Float64Array(n);
    this.personStart = new Float64Array(n * N_CATEGORIES);
    this.overtimeStart = new Float64Array(n);
    this.managerWeekStart = new Float64Array(N_CATEGORIES);
    this.cellLevel = new Float64Array(w.nTeams * w.nStreams);
    this.cellArea = new Float64Array(w.nTeams * w.nStreams);
    this.cellStamps = new Float64Array(w.nTeams * w.nStreams);
    this.detail = w.weekly ? new WeeklyDetail(w, w.warmup + w.horizon) : null;
    this.week = Object.fromEntries(SERIES_NAMES.map((k) => [k, [] as number[]])) as unknown as Record<SeriesName, number[]>;
  }

  // ---- events ------------------------------------------------------------------
  arrive(id: number): void {
    this.wip(1);
    this.byStream.arrive(this.w.requests.stream[id]!);
    this.arrivals++;
    this.arrivedTotal++;
    this.wk.arrivals++;
    this.detail?.arrive(this.w.requests.stream[id]!);
  }

  complete(id: number): void {
    const r = this.w.requests;
    const now = this.w.sim.now;
    const lead = now - r.arrival[id]!;
    this.wip(-1);
    this.completions++;
    this.completedTotal++;
    this.leadTimes.add(lead);
    this.leadTally.add(lead);
    this.externalWaitSum += r.externalSum[id]!;
    switchPart(this.w, id, PART_QUEUE); // books the last stretch
    for (let p = 0, base = id * N_PARTS; p < N_PARTS; p++) this.partSum[p] = this.partSum[p]! + r.partTime[base + p]!;
    const ok = now <= r.due[id]! ? 1 : 0;
    this.byStream.complete(r.stream[id]!, lead, ok, r.externalSum[id]!);
    this.onTime += ok;
    this.wk.completions++;
    this.detail?.complete(r.stream[id]!, lead);
    this.wk.onTime += ok;
    this.wk.leadSum += lead;
  }

  stepDone(id: number, team: number): void {
    const r = this.w.requests;
    // The team's own KPI: its share of the due window (what the team sees and is judged on).
    const ok = this.w.sim.now - r.stepEnter[id]! <= this.w.stepNorm[r.stream[id]!]! ? 1 : 0;
    this.byStream.step(r.stream[id]!, team, ok);
    this.stepsDone++;
    this.stepsWithinNorm += ok;
    this.wk.steps++;
    this.wk.stepsOk += ok;
  }

  private wip(delta: number): void {
    const now = this.w.sim.now;
    this.wipArea += this.wipLevel * (now - this.wipLast);
    this.wk.wipArea += this.wipLevel * (now - this.wipLast);
    this.wipLast = now;
    this.wipLevel += delta;
  }

  queueChange(team: number, stream: number, delta: number): void {
    const now = this.w.sim.now;
    const c = team * this.w.nStreams + stream;
    // Cell areas are settled lazily: only the changed cell needs its area brought up to date.
    this.cellArea[c] = this.cellArea[c]! + this.cellLevel[c]! * (now - this.cellStamps[c]!);
    this.cellStamps[c] = now;
    this.cellLevel[c] = this.cellLevel[c]! + delta;
  }

  question(how: number): void {
    this.answeredBy[how] = this.answeredBy[how]! + 1;
  }
  problem(): void {
    this.problems++;
    this.wk.problems++;
  }
  improvisation(): void {
    this.improvisations++;
    this.anatomy.improvised++;
    this.wk.impro++;
  }
  escalation(reason: number, stream: number): void {
    this.escalations++;
    this.byStream.escalation(stream);
    this.anatomy.escalationRaised();
    this.escalationsByReason[reason] = this.escalationsByReason[reason]! + 1;
    this.wk.esc++;
    if (reason === ESC_COLLISION) this.problems++;
  }
  toMeeting(mt: boolean): void {
    this.toMeetings++;
    if (mt) {
      this.toMT++;
      this.wk.mt++;
    }
  }
  escalationEnded(e: number): void {
    const E = this.w.escalations;
    if (E.created[e]! < this.windowStart) return;
    this.anatomy.escalationEnded(E.outcome[e]!);
    this.escalationsEnded++;
    this.latencySum += E.resolved[e]! - E.created[e]!;
  }
  collision(): void {
    this.collisions++;
    this.wk.coll++;
  }
  collisionEscalation(): void {
    this.collisionEscalations++;
  }
  signal(): void {
    this.signals++;
    this.wk.signals++;
  }
  visibleProblem(): void {
    this.visible++;
  }
  decision(person: number): void {
    this.decisions[person] = this.decisions[person]! + 1;
  }
  handoverMismatch(): void {
    this.handoverMismatches++;
  }
  rework(): void {
    this.reworks++;
  }
  compensation(): void {
    this.compensations++;
  }
  designCompleted(): void {
    this.designs++;
  }
  mtDesignItem(): void {
    this.mtDesignItems++;
  }
  meetingHeld(mt: boolean, decided: number): void {
    this.meetings++;
    if (mt) this.mtDecisions += decided;
  }
  absence(): void {
    this.absences++;
  }
  withdrawn(e: number): void {
    this.wk.withdrawn++;
    const E = this.w.escalations;
    if (E.created[e]! < this.windowStart) return;
    this.anatomy.escalationEnded(E.outcome[e]!);
    this.withdrawnCount++;
    this.withdrawnWaitSum += this.w.sim.now - E.created[e]!;
  }
  /** Hours someone spent handling escalation e; `stale`: its case had already completed or moved on. */
  escalationWork(_e: number, hours: number, stale: boolean): void {
    if (!this.w.observing) return;
    this.escalationHours += hours;
    if (stale) this.staleEscalationHours += hours;
  }
  operatorSignal(): void {
    this.operatorSignals++;
  }
  signalOutcome(answered: boolean): void {
    if (!this.w.observing) return;
    if (answered) this.signalsAnswered++;
    else this.signalsExpired++;
  }
  meetingSpawned(): void {
    this.meetingsSpawned++;
  }
  meetingCancelled(): void {
    this.meetingsCancelled++;
  }
  departure(key: boolean): void {
    this.departures++;
    if (key) this.keyDepartures++;
  }

  // ---- window and weeks ---------------------------------------------------------
  /** Opens the observation window: counters restart, persons' time is snapshotted. */
  startWindow(): void {
    const now = this.w.sim.now;
    this.wip(0);
    this.windowStart = now;
    this.wipArea = 0;
    this.arrivals = this.completions = this.onTime = 0;
    this.leadTimes.clear();
    this.leadTally.reset();
    this.byStream.reset();
    this.anatomy.reset();
    this.escalations = this.toMT = this.toMeetings = this.escalationsEnded = this.latencySum = 0;
    this.escalationsByReason = [0, 0, 0];
    this.collisions = this.collisionEscalations = this.improvisations = this.problems = this.visible = this.signals = 0;
    this.answeredBy.fill(0);
    this.handoverMismatches = this.reworks = this.compensations = this.designs = this.mtDesignItems = 0;
    this.mtDecisions = this.meetings = this.absences = this.stepsDone = this.stepsWithinNorm = 0;
    this.externalWaitSum = 0;
    this.partSum.fill(0);
    this.withdrawnCount = this.withdrawnWaitSum = this.escalationHours = this.staleEscalationHours = this.operatorSignals = 0;
    this.signalsAnswered = this.signalsExpired = this.meetingsSpawned = this.meetingsCancelled = this.departures = this.keyDepartures = 0;
    this.decisions.fill(0);
    for (const p of this.w.persons) {
      p.account(now);
      this.personStart.set(p.time, p.index * N_CATEGORIES);
      this.overtimeStart[p.index] = p.overtimeHours;
    }
  }

  /** Closes a week of the series (called at every week boundary and at the end). */
  closeWeek(): void {
    const w = this.w;
    const now = w.sim.now;
    const hours = now - this.weekStartTime;
    if (hours <= 0) return;
    this.wip(0);
    const k = this.wk;
    const s = this.week;
    s.throughput.push(k.completions);
    s.wip.push(k.wipArea / hours);
    s.lead_time_mean.push(k.completions > 0 ? k.leadSum / k.completions : Number.NaN);
    s.due_date_attainment.push(k.completions > 0 ? k.onTime / k.completions : Number.NaN);
    s.team_kpi_attainment.push(k.steps > 0 ? k.stepsOk / k.steps : Number.NaN);
    s.escalations.push(k.esc);
    s.escalations_to_mt.push(k.mt);
    s.improvisations.push(k.impro);
    s.collisions.push(k.coll);
    s.problems.push(k.problems);
    s.signals.push(k.signals);
    s.escalations_withdrawn.push(k.withdrawn);
    s.arrivals.push(k.arrivals);
    const prop = meanPropensities(w);
    s.operator_signal_propensity.push(prop.operator);
    s.manager_compensation_propensity.push(prop.manager);
    let live = 0;
    for (const m of w.meetings) if (m.pair >= 0 && !m.ended) live++;
    s.spawned_meetings.push(live);
    let queued = 0;
    for (const p of w.persons) if (p.isManager) queued += p.escalations.length;
    s.manager_queue.push(queued);
    let open = 0;
    for (let c = 0; c < w.backlog.length; c++) if (w.backlog[c]! > 0) open++;
    s.design_backlog_open.push(open);
    s.coverage.push(w.coverage());
    let backlog = 0;
    for (let c = 0; c < w.backlog.length; c++) backlog += w.backlog[c]!;
    s.design_backlog.push(backlog);
    const mgr = managerTotals(this.w);
    const onDuty = sumOnDuty(mgr) - sumOnDuty(this.managerWeekStart);
    const share = (cat: number) => (onDuty > 0 ? (mgr[cat]! - this.managerWeekStart[cat]!) / onDuty : Number.NaN);
    s.manager_design_share.push(share(CAT_DESIGN));
    s.manager_compensation_share.push(share(CAT_COMPENSATE));
    s.manager_meeting_share.push(share(CAT_MEETING));
    let overtime = 0;
    for (const p of w.persons) overtime += p.overtimeHours;
    s.overtime_hours.push(overtime - this.overtimeWeekStart);
    this.overtimeWeekStart = overtime;
    this.managerWeekStart = mgr;
    // Mean queue per (team, stream) cell over the week.
    for (let c = 0; c < this.cellLevel.length; c++) {
      const area = this.cellArea[c]! + this.cellLevel[c]! * (now - this.cellStamps[c]!);
      this.cellSeries.push(area / hours);
      this.cellArea[c] = 0;
      this.cellStamps[c] = now;
    }
    this.wk = { completions: 0, onTime: 0, leadSum: 0, steps: 0, stepsOk: 0, esc: 0, mt: 0, impro: 0, coll: 0, problems: 0, signals: 0, wipArea: 0, withdrawn: 0, arrivals: 0 };
    this.detail?.closeWeek();
    this.weekStartTime = now;
  }

  private weekStartTime = 0;
  private overtimeWeekStart = 0;

  series(): Record<SeriesName | 'week', Float64Array> {
    const out = { week: Float64Array.from(this.week.throughput.map((_, i) => i + 1)) } as Record<SeriesName | 'week', Float64Array>;
    for (const k of SERIES_NAMES) out[k] = Float64Array.from(this.week[k]);
    return out;
  }

  /** Person time in the window, by category. */
  windowTime(person: number): Float64Array {
    const p = this.w.persons[person]!;
    const out = new Float64Array(N_CATEGORIES);
    for (let c = 0; c < N_CATEGORIES; c++) out[c] = p.time[c]! - this.personStart[person * N_CATEGORIES + c]!;
    return out;
  }

  windowOvertime(person: number): number {
    return this.w.persons[person]!.overtimeHours - this.overtimeStart[person]!;
  }

  /** Time-average WIP over the window (call after the run). */
  wipMean(): number {
    this.wip(0);
    const span = this.w.sim.now - this.windowStart;
    return span > 0 ? this.wipArea / span : Number.NaN;
  }
}
