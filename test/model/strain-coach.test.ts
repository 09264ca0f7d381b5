// The strain index (strain.ts) and coaches (mechanisms/coaches.ts).
import { describe, expect, it } from 'vitest';
import { USM, type ModelSpec, type PersonSpec } from '../../sim/model/index.js';
import { smallOrg } from './fixtures.js';
import { pairedCI, runReps } from './helpers.js';

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
});

/** The small organisation under USM with a coach for every team, present from the start while `coachedUntil` (hours) lasts. */
function coached(coachedUntil: number | null): ModelSpec {
  const base = smallOrg({ coverage: 0.2, behaviour: { designSignalThreshold: 3 } });
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
  it('while present a coach takes questions (fewer escalations); after the coach leaves the coached teams escalate more than uncoached ones', () => {
    const weeks = 20 * 40;
    // During: the window is the coached period.
    const duringNone = runReps(coached(null), 6, weeks, 0);
    const duringCoached = runReps(coached(weeks + 1), 6, weeks, 0);
    for (const r of duringCoached) expect(r.metrics.coach_answers_per_100).toBeGreaterThan(0);
    expect(pairedCI(duringNone, duringCoached, 'escalations_per_100').upper).toBeLessThan(0);
    // After: the window opens when the coaches leave (warm-up = the coached period).
    const afterNone = runReps(coached(null), 6, 8 * 40, weeks);
    const afterCoached = runReps(coached(weeks), 6, 8 * 40, weeks);
    for (const r of afterCoached) expect(r.metrics.coach_answers_per_100).toBe(0);
    expect(pairedCI(afterNone, afterCoached, 'escalations_per_100').lower).toBeGreaterThan(0);
    expect(pairedCI(afterNone, afterCoached, 'coverage_final').upper).toBeLessThan(0);
  });
});
