// The strain index (strain.ts) and coaches (mechanisms/coaches.ts).
import { describe, expect, it } from 'vitest';
import { USM, type ModelSpec, type PersonSpec } from '../../sim/model/index.js';
import { smallOrg } from './fixtures.js';
import { expectFatesAddUp, pairedCI, runReps } from './helpers.js';

describe('strain index', () => {
  it('rises with injected improvisations and overtime, and is reported per person and week', () => {
    // No operator signals; one side improvises every unanswered question, the other escalates it.
    const calm = smallOrg({ coverage: 0.3, overtimeMax: 0, behaviour: { signalPropensity: 0, signalLearningRate: 0, improviseTendency: 0 } });
    const tight = smallOrg({ coverage: 0.3, overtimeMax: 0, behaviour: { signalPropensity: 0, signalLearningRate: 0, improviseTendency: 1 } });
    const a = runReps(calm, 4, 13 * 40);
    const b = runReps(tight, 4, 13 * 40);
    expect(pairedCI(a, b, 'strain_operator').lower).toBeGreaterThan(0);
    // Overtime: the same organisation under load, with and without room to stay late.
    const load = { arrivalPerStreamPerWeek: 62 };
    const none = runReps(smallOrg({ ...load, overtimeMax: 0 }), 4, 13 * 40);
    const late = runReps(smallOrg({ ...load, overtimeMax: 8, behaviour: { overtimeThreshold: 1 } }), 4, 13 * 40);
    expect(late.every((r) => r.metrics.overtime_share > 0)).toBe(true);
    expect(pairedCI(none, late, 'strain_operator').lower).toBeGreaterThan(0);
    for (const r of b) {
      const weeks = r.series.week.length;
      expect(r.series.strain_operator.length).toBe(weeks);
      expect(r.series.strain_manager.length).toBe(weeks);
      const op = r.persons.find((p) => p.roles.length === 1 && p.roles[0] === 'operator')!;
      expect(op.strainWeekly.length).toBe(weeks);
      expect(op.strain).toBeGreaterThan(0);
    }
  });

  it('counts a collision as a contradiction only where no dominance rule settles it, or where it is contested', () => {
    // Nothing else strains: no questions, no handover mismatches, no overtime, no urgent cases.
    const quiet = smallOrg({ questionsPerCase: 0, overtimeMax: 0, behaviour: { handoverMismatch: 0 }, policies: { processCoordinator: 'explicit' } });
    const calm = { ...quiet, streams: quiet.streams.map((st) => ({ ...st, urgentShare: 0 })) };
    const ruled = runReps({ ...calm, policies: { ...calm.policies, dominance: 'process' } }, 2, 8 * 40);
    const open = runReps({ ...calm, policies: { ...calm.policies, dominance: 'none' } }, 2, 8 * 40);
    for (const r of [...ruled, ...open]) expect(r.metrics.collisions_per_100).toBeGreaterThan(1);
    for (const r of ruled) expect(r.metrics.strain_operator).toBe(0);
    for (const r of open) expect(r.metrics.strain_operator).toBeGreaterThan(0);
  });
});

/** The small organisation under USM with a coach for every team, present from the start while `coachedUntil` (hours) lasts. */
function coached(coachedUntil: number | null, behaviour: Partial<ModelSpec['behaviour']> = {}): ModelSpec {
  const base = smallOrg({ coverage: 0.2, behaviour: { designSignalThreshold: 3, ...behaviour } });
  const coaches: PersonSpec[] = base.teams.map((t) => ({
    id: `coach-${t.id}`, name: `coach ${t.id}`, roles: [{ role: 'coach', team: t.id }], hoursPerWeek: 36, seniority: 1, absences: [], keyPerson: false,
  }));
  return {
    ...base,
    // The coaches are persons in both designs (the same persons draw the same absences); only the window differs.
    persons: [...base.persons, ...coaches],
    policies: { ...USM, coaching: coachedUntil !== null },
    timeline: coachedUntil === null ? [] : [{ at: coachedUntil, label: 'the coaches leave', policies: { coaching: false } }],
  };
}

describe('coaches', () => {
  it('while present a coach takes what the team passes on (fewer escalations); when the coach leaves the questions come back as escalations', () => {
    const weeks = 20 * 40;
    // During: the window is the coached period.
    const duringNone = runReps(coached(null), 6, weeks, 0);
    const duringCoached = runReps(coached(weeks + 1), 6, weeks, 0);
    for (const r of duringCoached) {
      expect(r.metrics.coach_answers_per_100).toBeGreaterThan(0);
      expect(r.anatomy.fates.coach).toBeGreaterThan(0);
      expectFatesAddUp(r);
    }
    expect(pairedCI(duringNone, duringCoached, 'escalations_per_100').upper).toBeLessThan(0);
    // After: the window opens when the coaches leave (warm-up = the coached period).
    const afterCoached = runReps(coached(weeks), 6, 8 * 40, weeks);
    for (const r of afterCoached) expect(r.metrics.coach_answers_per_100).toBe(0);
    expect(pairedCI(duringCoached, afterCoached, 'escalations_per_100').lower).toBeGreaterThan(0);
  });

  it("the coach is a receiver, not a behaviour: the operators' own draws still decide to signal or improvise", () => {
    const weeks = 12 * 40;
    // Every unanswered question signalled: under the coach the signals still reach the backlog.
    const signalling = runReps(coached(weeks + 1, { signalPropensity: 1, signalLearningRate: 0 }), 4, weeks, 0);
    for (const r of signalling) {
      expectFatesAddUp(r);
      expect(r.metrics.coach_answers_per_100).toBeGreaterThan(0);
      expect(r.metrics.operator_signals_per_100).toBeGreaterThan(0);
      expect(r.metrics.improvisations_per_100).toBe(0);
    }
    // Every unanswered question improvised: the coach gets none of them.
    const improvising = runReps(coached(weeks + 1, { signalPropensity: 0, signalLearningRate: 0, improviseTendency: 1 }), 4, weeks, 0);
    for (const r of improvising) {
      expect(r.metrics.improvisations_per_100).toBeGreaterThan(0);
      expect(r.metrics.coach_answers_per_100).toBe(0);
    }
  });
});
