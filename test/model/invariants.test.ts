// Invariants that must hold in every run of every design: requests are conserved,
// every person's time adds up, and Little's law holds over the observation window.
import { describe, expect, it } from 'vitest';
import { PRESETS, simulate, WEEK_HOURS, CATEGORY_NAMES, type ModelSpec, type Policies } from '../../sim/model/index.js';
import { smallOrg } from './fixtures.js';

/** Contract hours a person is on duty over [0, end] (the first hoursPerWeek of each week). */
function contractHours(hoursPerWeek: number, end: number): number {
  const full = Math.floor(end / WEEK_HOURS);
  return full * hoursPerWeek + Math.min(hoursPerWeek, end - full * WEEK_HOURS);
}

function checkInvariants(spec: ModelSpec, horizon: number, warmup: number, seed: number, stationary = true) {
  const r = simulate(spec, { seed, horizon, warmup });
  const c = r.conservation;
  expect(c.arrived).toBe(c.completed + c.inSystem);
  expect(c.arrived).toBeGreaterThan(100);
  const end = horizon + warmup;
  for (const p of r.persons) {
    const spent = CATEGORY_NAMES.filter((k) => k !== 'off').reduce((a, k) => a + p.time[k]!, 0);
    const total = CATEGORY_NAMES.reduce((a, k) => a + p.time[k]!, 0);
    const hours = spec.persons.find((x) => x.id === p.id)!.hoursPerWeek;
    expect(total, `${p.id}: all time is accounted`).toBeCloseTo(end, 6);
    expect(spent, `${p.id}: on-duty time = contract hours + overtime`).toBeCloseTo(contractHours(hours, end) + p.overtime, 6);
  }
  // Little's law needs a stationary window; an overloaded, changing run has none.
  if (stationary) expect(r.metrics.littles_law_error).toBeLessThanOrEqual(0.02);
  return r;
}

describe('invariants on every preset', () => {
  for (const [name, policies] of Object.entries(PRESETS)) {
    it(`${name}: conservation, time accounting, Little's law`, () => {
      for (const seed of [1, 2]) checkInvariants(smallOrg({ policies, arrivalPerStreamPerWeek: 48 }), 2 * 52 * WEEK_HOURS, 8 * WEEK_HOURS, seed);
    });
  }

  it('holds under overload with overtime, absences and a transition timeline', () => {
    const spec = smallOrg({ arrivalPerStreamPerWeek: 56, absenceRatePerYear: 6, hoursPerWeek: 32, overtimeMax: 6 });
    spec.timeline = [
      { at: 10 * WEEK_HOURS, label: 'naming coordination', policies: { processCoordinator: 'explicit', managerIsLineCoordinator: false } },
      { at: 20 * WEEK_HOURS, label: 'meetings cancelled', policies: { meetingCadenceFactor: 0 } },
      { at: 30 * WEEK_HOURS, label: 'usm', policies: withoutDefinitions(PRESETS.usm!) },
    ];
    const r = checkInvariants(spec, 40 * WEEK_HOURS, 0, 3, false);
    expect(r.metrics.overtime_share).toBeGreaterThan(0);
  });
});

/** A timeline switches structure, not the starting definitions. */
function withoutDefinitions(p: Policies): Partial<Policies> {
  const { sharedDefinitions: _, ...rest } = p;
  return rest;
}
