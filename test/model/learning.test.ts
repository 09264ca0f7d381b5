// What the organisation learns: signalling that pays off, meetings that pile up, key
// knowledge that leaves, and escalations that are withdrawn when their case moves on.
import { describe, expect, it } from 'vitest';
import { OUTCOMES, simulate, TRACE_TYPES, USM, ISLAND, ESC_REASONS } from '../../sim/model/index.js';
import { smallOrg } from './fixtures.js';
import { pairedCI, runReps } from './helpers.js';

const T = (name: (typeof TRACE_TYPES)[number]) => TRACE_TYPES.indexOf(name);

describe('signalling is learned', () => {
  // Low coverage so that operators meet many unanswered questions; designs can answer them quickly.
  const base = () => smallOrg({ coverage: 0.2, policies: USM, behaviour: { signalPropensity: 0.3, signalLearningRate: 0.05, designLeadTime: 8, agreementDecay: 0 } });

  it('rises when signals are answered by design work, falls when they are not', () => {
    const answered = base();
    const ignored = base();
    ignored.behaviour.designLeadTime = 1e9; // design work never takes effect within the run
    const a = runReps(answered, 3, 30 * 40, 0);
    const b = runReps(ignored, 3, 30 * 40, 0);
    for (const r of a) {
      expect(r.metrics.signals_answered_share).toBeGreaterThan(0.5);
      expect(r.metrics.operator_signal_propensity).toBeGreaterThan(0.3);
    }
    for (const r of b) {
      expect(r.metrics.signals_answered_share).toBe(0);
      expect(r.metrics.operator_signal_propensity).toBeLessThan(0.3);
    }
    // Unanswered signals push operators towards improvising.
    expect(pairedCI(a, b, 'improvisations_per_100').lower).toBeGreaterThan(0);
  });

  it("managers who see their held-back problems designed away step in less; without answers, more", () => {
    const answered = base();
    answered.behaviour.compensationPropensity = 0.5;
    answered.behaviour.recognitionGain = 0;
    const ignored = structuredClone(answered);
    ignored.behaviour.designLeadTime = 1e9;
    const a = simulate(answered, { seed: 3, horizon: 30 * 40 });
    const b = simulate(ignored, { seed: 3, horizon: 30 * 40 });
    expect(a.metrics.manager_compensation_propensity).toBeLessThan(0.5);
    expect(b.metrics.manager_compensation_propensity).toBeGreaterThan(0.5);
  });
});

describe('meetings respond to the organisation', () => {
  it('a recurring cross-team escalation pattern sets up a meeting that costs its participants time', () => {
    // No dominance rule and contested collisions: managers see the same two teams clash every week.
    const make = (threshold: number) =>
      smallOrg({
        policies: { ...ISLAND, dominance: 'none' },
        absenceRatePerYear: 0,
        behaviour: { contestTendency: 1, compensationPropensity: 0, recognitionGain: 0, meetingSpawnThreshold: threshold, turnoverPerYear: 0 },
      });
    const spawn = simulate(make(2), { seed: 5, horizon: 20 * 40, trace: true });
    const none = simulate(make(0), { seed: 5, horizon: 20 * 40 });
    expect(spawn.metrics.meetings_spawned).toBeGreaterThan(0);
    const spawned = spawn.meetings.findIndex((m) => m.id.startsWith('spawned-'));
    expect(spawned).toBeGreaterThanOrEqual(1); // after the scheduled MT
    // It sits: a meeting event of the spawned meeting with participants present.
    const t = spawn.trace!;
    let sessions = 0;
    for (let i = 0; i < t.type.length; i++) if (t.type[i] === T('meeting') && t.a[i] === spawned && t.b[i] === 1 && t.c[i]! > 0) sessions++;
    expect(sessions).toBeGreaterThan(0);
    // And it shows in the managers' time accounts.
    const meetingHours = (r: typeof spawn) => r.persons.filter((p) => p.roles.includes('manager')).reduce((a, p) => a + p.time.meeting!, 0);
    expect(meetingHours(spawn)).toBeGreaterThan(meetingHours(none) + 1);
    expect(none.metrics.meetings_spawned).toBe(0);
  });

  it('a spawned meeting is cancelled once its problem is gone', () => {
    const spec = smallOrg({
      policies: { ...ISLAND, dominance: 'none' },
      behaviour: { contestTendency: 1, compensationPropensity: 0, meetingSpawnThreshold: 2, meetingQuietWeeks: 2, turnoverPerYear: 0 },
    });
    // From week 6 a dominance rule settles collisions: the clashes the meeting was for stop reaching managers.
    spec.timeline = [{ at: 6 * 40, label: 'line dominance', policies: { dominance: 'line' } }];
    const r = simulate(spec, { seed: 5, horizon: 30 * 40 });
    expect(r.metrics.meetings_spawned).toBeGreaterThan(0);
    const live = r.series.spawned_meetings;
    expect(Math.max(...live.slice(0, 8))).toBeGreaterThan(0);
    expect(live[live.length - 1]).toBeLessThan(Math.max(...live.slice(0, 8)));
  });
});

describe('no work on cases already done', () => {
  it('a collision escalation still waiting when its case completes is withdrawn and costs no further time', () => {
    // Contested collisions at managers who are slow to get to them: many cases finish first.
    const spec = smallOrg({
      policies: { ...ISLAND, dominance: 'none' },
      behaviour: { contestTendency: 1, compensationPropensity: 1, compensationEffort: { type: 'exponential', mean: 4 }, meetingSpawnThreshold: 0 },
    });
    const r = simulate(spec, { seed: 7, horizon: 20 * 40, trace: true });
    const t = r.trace!;
    const raisedCase = new Map<number, number>();
    const collision = new Set<number>();
    const withdrawnAt = new Map<number, number>();
    const handledAfter = new Map<number, number>();
    const caseLeft = new Map<number, number>(); // serial -> first step-done after the escalation
    for (let i = 0; i < t.type.length; i++) {
      const ty = t.type[i]!;
      if (ty === T('raise')) {
        raisedCase.set(t.a[i]!, t.b[i]!);
        if (ESC_REASONS[t.c[i]!] === 'collision') collision.add(t.a[i]!);
      } else if (ty === T('resolved')) {
        if (OUTCOMES[t.b[i]!] === 'withdrawn') withdrawnAt.set(t.a[i]!, t.time[i]!);
        else if (withdrawnAt.has(t.a[i]!)) handledAfter.set(t.a[i]!, t.time[i]!);
      } else if (ty === T('step-done') || ty === T('done')) {
        if (!caseLeft.has(t.a[i]!)) caseLeft.set(t.a[i]!, t.time[i]!);
      }
    }
    let checked = 0;
    for (const [e, at] of withdrawnAt) {
      expect(collision.has(e)).toBe(true);
      // Withdrawn the moment its case moved on, never handled afterwards.
      expect(handledAfter.has(e)).toBe(false);
      checked++;
      void at;
    }
    expect(checked).toBeGreaterThan(10);
    expect(r.metrics.escalations_withdrawn_per_100).toBeGreaterThan(0);
    expect(r.metrics.escalation_withdrawn_wait_mean).toBeGreaterThan(0);
    expect(r.metrics.escalation_hours_on_done_share).toBe(0);
  });
  it('a person working on an escalation when its case moves on stops at once', () => {
    // Managers get only collisions (no questions arise), never refer (no agreements) and take
    // ages over each: when the case moves on they are mid-task.
    const spec = smallOrg({
      questionsPerCase: 0,
      coverage: 0,
      policies: { ...ISLAND, dominance: 'none' },
      behaviour: { contestTendency: 1, compensationPropensity: 1, recognitionGain: 0, compensationEffort: { type: 'deterministic', value: 100 }, meetingSpawnThreshold: 0 },
    });
    const r = simulate(spec, { seed: 7, horizon: 20 * 40, trace: true });
    const t = r.trace!;
    const receiver = new Map<number, number>();
    const activityAt = new Map<number, Set<number>>(); // time -> persons whose activity changed
    for (let i = 0; i < t.type.length; i++) {
      if (t.type[i] === T('escalate')) receiver.set(t.a[i]!, t.b[i]!);
      if (t.type[i] === T('activity')) {
        let set = activityAt.get(t.time[i]!);
        if (!set) activityAt.set(t.time[i]!, (set = new Set()));
        set.add(t.a[i]!);
      }
    }
    let stoppedMidTask = 0;
    for (let i = 0; i < t.type.length; i++) {
      if (t.type[i] !== T('resolved') || OUTCOMES[t.b[i]!] !== 'withdrawn') continue;
      const who = receiver.get(t.a[i]!);
      if (who !== undefined && who >= 0 && activityAt.get(t.time[i]!)?.has(who)) stoppedMidTask++;
    }
    expect(stoppedMidTask).toBeGreaterThan(0);
    // Stopped work is not finished work: no compensation of 100 hours is ever completed on a case that moved on.
    expect(r.metrics.escalation_hours_on_done_share).toBe(0);
    expect(r.metrics.compensations_per_100).toBeLessThan(1);
  });
});

describe('key knowledge moves', () => {
  it('when key persons leave, fewer questions are answered from memory until teams grow new ones', () => {
    const stay = smallOrg({ coverage: 0.2, tacit: 0.8, behaviour: { turnoverPerYear: 0 } });
    const leave = smallOrg({ coverage: 0.2, tacit: 0.8, behaviour: { turnoverPerYear: 3, newcomerPeriod: 0, keyPersonRegrowth: 1e9 } });
    const a = runReps(stay, 4, 30 * 40, 0);
    const b = runReps(leave, 4, 30 * 40, 0);
    for (const r of b) expect(r.metrics.departures).toBeGreaterThan(0);
    // Paired replication by replication: the same cases and questions, fewer key persons to answer them.
    a.forEach((r, i) => expect(b[i]!.metrics.tacit_answers_per_100).toBeLessThan(r.metrics.tacit_answers_per_100));
    a.forEach((r, i) => expect(b[i]!.metrics.problems_per_100).toBeGreaterThan(r.metrics.problems_per_100));
  });

  it('newcomers send open questions to key persons', () => {
    const settled = smallOrg({ coverage: 0.2, tacit: 0.3, behaviour: { turnoverPerYear: 2, newcomerPeriod: 0, keyPersonRegrowth: 40 } });
    const newcomers = smallOrg({ coverage: 0.2, tacit: 0.3, behaviour: { turnoverPerYear: 2, newcomerPeriod: 20 * 40, keyPersonRegrowth: 40 } });
    const a = runReps(settled, 4, 30 * 40, 0);
    const b = runReps(newcomers, 4, 30 * 40, 0);
    expect(pairedCI(a, b, 'tacit_answers_per_100').lower).toBeGreaterThan(0);
  });
});

describe('waiting outside the organisation', () => {
  it('an external wait adds its time to every case and occupies nobody', () => {
    const plain = smallOrg({ absenceRatePerYear: 0 });
    const waiting = smallOrg({ absenceRatePerYear: 0 });
    waiting.streams[0]!.steps[1]!.externalWaits = [{ party: 'applicant', probability: 1, duration: { type: 'deterministic', value: 40 } }];
    const a = runReps(plain, 3, 20 * 40, 4 * 40);
    const b = runReps(waiting, 3, 20 * 40, 4 * 40);
    for (const r of a) expect(r.metrics.external_wait_mean).toBe(0);
    // Every completed permit waited 40 h; reports did not wait: the mean is 40 h times the permits' share.
    for (const r of b) {
      expect(r.metrics.external_wait_mean).toBeGreaterThan(15);
      expect(r.metrics.external_wait_mean).toBeLessThan(25);
    }
    const lead = pairedCI(a, b, 'lead_time_mean');
    expect(lead.lower).toBeGreaterThan(15);
    // Nobody works during the wait: operators are as busy as without it.
    expect(Math.abs(pairedCI(a, b, 'operator_utilisation').mean)).toBeLessThan(0.02);
  });
});
