// One behaviour per block: each mechanism of DOMAIN.md §4 does what its rule says.
// Comparisons use common random numbers (same seed and replication indices) and
// paired intervals, never a single lucky seed.
import { describe, expect, it } from 'vitest';
import { ISLAND, simulate, TRACE_TYPES, USM, OUTCOMES, HOW_NAMES } from '../../sim/model/index.js';
import { smallOrg } from './fixtures.js';
import { pairedCI, runReps, YEAR } from './helpers.js';

const T = (name: (typeof TRACE_TYPES)[number]) => TRACE_TYPES.indexOf(name);

describe('mechanism 1: questions and coverage', () => {
  it('full explicit coverage gives no question escalations and no improvisations', () => {
    const spec = smallOrg({ coverage: 1, tacit: 0, behaviour: { agreementDecay: 0 } });
    for (const r of runReps(spec, 3)) {
      expect(r.metrics.improvisations_per_100).toBe(0);
      expect(r.metrics.tacit_answers_per_100).toBe(0);
      // Only collisions may still escalate: questions never do.
      expect(r.metrics.escalations_per_100).toBeCloseTo(r.metrics.collision_escalations_per_100, 10);
      expect(r.metrics.problems_per_100).toBeCloseTo(r.metrics.collision_escalations_per_100, 10);
    }
  });

  it('lower coverage raises problems, improvisations and escalations', () => {
    // Learning held still: this is mechanism 1 alone (answered signals change who improvises: learning.test.ts).
    const high = runReps(smallOrg({ coverage: 0.8, behaviour: { signalLearningRate: 0 } }), 5);
    const low = runReps(smallOrg({ coverage: 0.2, behaviour: { signalLearningRate: 0 } }), 5);
    for (const m of ['problems_per_100', 'improvisations_per_100', 'escalations_per_100'] as const) {
      expect(pairedCI(high, low, m).lower, m).toBeGreaterThan(0);
    }
  });
});

describe('mechanism 3: compensate, refer or signal', () => {
  it('a compensated escalation leaves no design signal; one the manager lets speak does', () => {
    // Nothing but compensation: no agreement to refer to, no untraced visibility, operators who never signal.
    const compensate = smallOrg({
      coverage: 0,
      policies: { ...ISLAND, processCoordinator: 'none' },
      behaviour: { untracedVisibility: 0, signalPropensity: 0, compensationPropensity: 1 },
    });
    const r = simulate(compensate, { seed: 3, horizon: 20 * 40, trace: true });
    const t = r.trace!;
    let compensated = 0;
    let signals = 0;
    for (let i = 0; i < t.type.length; i++) {
      if (t.type[i] === T('resolved') && OUTCOMES[t.b[i]!] === 'compensated') compensated++;
      if (t.type[i] === T('signal')) signals++;
    }
    expect(compensated).toBeGreaterThan(50);
    expect(signals).toBe(0);
    expect(r.metrics.signal_visibility).toBe(0);
    expect(r.metrics.designs_completed).toBe(0);

    // The same organisation and behaviour, but managers who never step in: every problem is on record.
    const signal = smallOrg({
      coverage: 0,
      policies: { ...ISLAND, processCoordinator: 'none' },
      behaviour: { untracedVisibility: 0, signalPropensity: 0, compensationPropensity: 0, improviseTendency: 0, signalLearningRate: 0 },
    });
    const s = simulate(signal, { seed: 3, horizon: 20 * 40, trace: true });
    let signalled = 0;
    let signalEvents = 0;
    for (let i = 0; i < s.trace!.type.length; i++) {
      if (s.trace!.type[i] === T('resolved') && ['signalled', 'meeting'].includes(OUTCOMES[s.trace!.b[i]!]!)) signalled++;
      if (s.trace!.type[i] === T('signal')) signalEvents++;
    }
    expect(signalled).toBeGreaterThan(20);
    expect(signalEvents).toBeGreaterThanOrEqual(signalled); // each one left its signal
    expect(s.metrics.signal_visibility).toBeGreaterThan(0.2);
    expect(s.metrics.designs_completed).toBeGreaterThan(0);
  });

  it('recognition raises the propensity to compensate: more compensation with a gain than without', () => {
    const base = smallOrg({ coverage: 0.3, policies: { ...ISLAND, processCoordinator: 'none' } });
    base.behaviour.compensationPropensity = 0.3;
    const gain = structuredClone(base);
    gain.behaviour.recognitionGain = 0.05;
    const a = runReps(base, 4);
    const b = runReps(gain, 4);
    expect(pairedCI(a, b, 'compensations_per_100').lower).toBeGreaterThan(0);
  });
});

describe('mechanism 4: design work', () => {
  it('design raises coverage, but only after its lead time', () => {
    const spec = smallOrg({ coverage: 0.3, policies: USM, behaviour: { agreementDecay: 0 } });
    const r = simulate(spec, { seed: 5, horizon: 30 * 40, trace: true });
    expect(r.metrics.designs_completed).toBeGreaterThan(0);
    expect(r.metrics.coverage_final).toBeGreaterThan(0.3 + 0.05);
    const slow = structuredClone(spec);
    slow.behaviour.designLeadTime = 10_000; // beyond the horizon
    const s = simulate(slow, { seed: 5, horizon: 30 * 40 });
    expect(s.metrics.designs_completed).toBe(0);
    expect(s.metrics.coverage_final).toBeCloseTo(0.3, 12);
  });

  it('each design action closes the configured share of the coverage gap', () => {
    const spec = smallOrg({ coverage: 0.3, policies: USM, behaviour: { agreementDecay: 0 } });
    const r = simulate(spec, { seed: 6, horizon: 20 * 40, trace: true });
    const t = r.trace!;
    const cells = new Map<number, number>();
    let checked = 0;
    for (let i = 0; i < t.type.length; i++) {
      if (t.type[i] !== T('design')) continue;
      const before = cells.get(t.a[i]!) ?? 0.3;
      const after = t.b[i]! / 1e6;
      expect(after).toBeCloseTo(before + 0.3 * (1 - before), 5);
      cells.set(t.a[i]!, after);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});

describe('mechanism 5: agreement erosion', () => {
  it('without design, explicit coverage decays by the weekly rate', () => {
    const spec = smallOrg({ coverage: 0.6, behaviour: { agreementDecay: 0.02 } });
    spec.behaviour.designLeadTime = 1e9;
    const r = simulate(spec, { seed: 1, horizon: 20 * 40 });
    // 20 week boundaries after the first: 0.6 * 0.98^19 (the last week closes at the end, no tick).
    expect(r.metrics.coverage_final).toBeCloseTo(0.6 * 0.98 ** 19, 10);
  });
});

describe('mechanism 6: line/process collisions', () => {
  it('a dominance rule lowers collision escalations compared with none', () => {
    const none = runReps(smallOrg({ policies: { ...ISLAND, dominance: 'none' } }), 5);
    const line = runReps(smallOrg({ policies: { ...ISLAND, dominance: 'line' } }), 5);
    const ci = pairedCI(none, line, 'collision_escalations_per_100');
    expect(ci.upper).toBeLessThan(0);
    // Collisions themselves still happen under a rule: the rule settles them.
    for (const r of line) expect(r.metrics.collisions_per_100).toBeGreaterThan(0);
  });

  it('without anyone speaking for the process there are no collisions', () => {
    const r = simulate(smallOrg({ policies: { ...ISLAND, processCoordinator: 'none' } }), { seed: 2, horizon: 10 * 40 });
    expect(r.metrics.collisions_per_100).toBe(0);
  });
});

describe('mechanism 7: handovers', () => {
  it('shared definitions lower handover mismatches without abolishing them', () => {
    const separate = runReps(smallOrg({ policies: { ...ISLAND, sharedDefinitions: false } }), 4, 10 * 40, 0);
    const shared = runReps(smallOrg({ policies: { ...ISLAND, sharedDefinitions: true } }), 4, 10 * 40, 0);
    expect(pairedCI(separate, shared, 'handover_mismatches_per_100').upper).toBeLessThan(0);
    for (const r of separate) expect(r.metrics.handover_mismatches_per_100).toBeGreaterThan(5);
    for (const r of shared) expect(r.metrics.handover_mismatches_per_100).toBeGreaterThan(0);
  });

  it('design work on handovers shares definitions: mismatches fall where design answers them', () => {
    // The same organisation and behaviour; in one, design work never takes effect within the run.
    const make = (leadTime: number) => {
      const spec = smallOrg({ coverage: 0.1, policies: USM, behaviour: { agreementDecay: 0, designLeadTime: leadTime } });
      spec.definitions = { separate: 0, shared: 0 };
      return spec;
    };
    const learn = runReps(make(8), 4, 40 * 40, 0);
    const never = runReps(make(1e9), 4, 40 * 40, 0);
    expect(pairedCI(never, learn, 'handover_mismatches_per_100').upper).toBeLessThan(0);
    for (const r of learn) expect(r.metrics.handover_mismatches_per_100).toBeGreaterThan(0);
  });

  it('starting definitions are a coverage below 1, never a decree', () => {
    const spec = smallOrg({ policies: { ...ISLAND, sharedDefinitions: true } });
    spec.definitions = { separate: 0, shared: 1 };
    expect(() => simulate(spec, { seed: 1, horizon: 40 })).toThrow(/definitions\.shared/);
  });
});

describe('mechanism 8: key persons', () => {
  it("a tacit holder's absence makes questions wait", () => {
    const present = smallOrg({ coverage: 0, tacit: 1, absenceRatePerYear: 0 });
    const absent = structuredClone(present);
    for (const p of absent.persons) if (p.keyPerson) p.absences = [{ from: 8 * 40, to: 12 * 40 }];
    const a = runReps(present, 4, 16 * 40, 0);
    const b = runReps(absent, 4, 16 * 40, 0);
    expect(pairedCI(a, b, 'lead_time_mean').lower).toBeGreaterThan(0);
    // Decisions concentrate on key persons when knowledge is tacit.
    for (const r of a) expect(r.metrics.keyperson_dependence).toBeGreaterThan(0.5);
  });
});

describe('mechanism 9: meetings', () => {
  it('meeting-made agreements answer questions only until they expire', () => {
    const spec = smallOrg({ coverage: 0.1, tacit: 0, policies: { ...ISLAND, processCoordinator: 'none' }, behaviour: { meetingAgreementValidity: 16, signalPropensity: 0 } });
    spec.behaviour.compensationPropensity = 0; // everything goes up to the MT
    spec.behaviour.improviseTendency = 0;
    const r = simulate(spec, { seed: 4, horizon: 12 * 40, trace: true });
    const t = r.trace!;
    const ends: number[] = [];
    let viaMeeting = 0;
    for (let i = 0; i < t.type.length; i++) {
      if (t.type[i] === T('meeting') && t.b[i] === 1) ends.push(t.time[i]! + spec.meetings[0]!.duration);
      if (t.type[i] === T('question') && HOW_NAMES[t.c[i]!] === 'meeting') {
        viaMeeting++;
        const lastEnd = Math.max(...ends.filter((e) => e - spec.meetings[0]!.duration <= t.time[i]!));
        expect(t.time[i]! - lastEnd).toBeLessThanOrEqual(16 + 1e-9);
      }
    }
    expect(viaMeeting).toBeGreaterThan(10);
    const never = structuredClone(spec);
    never.behaviour.meetingAgreementValidity = 0;
    const n = simulate(never, { seed: 4, horizon: 12 * 40, trace: true });
    let none = 0;
    for (let i = 0; i < n.trace!.type.length; i++) if (n.trace!.type[i] === T('question') && HOW_NAMES[n.trace!.c[i]!] === 'meeting') none++;
    expect(none).toBe(0); // a decision that expires when it takes effect answers nothing
  });

  it('meetings take their duration out of every participant week', () => {
    // Only the scheduled MT: no meetings set up by the teams themselves (spawning is tested in rule.test.ts).
    const r = simulate(smallOrg({ absenceRatePerYear: 0, behaviour: { meetingSpawnThreshold: 0, turnoverPerYear: 0 } }), { seed: 1, horizon: 10 * 40 });
    for (const p of r.persons.filter((x) => x.roles.includes('mt'))) {
      expect(p.time.meeting).toBeCloseTo(10 * 3, 6);
    }
  });
});

describe('mechanism 10: the MT agenda', () => {
  it('with one agenda slot, incident-first takes incidents and design-first takes design items', () => {
    const base = { ...ISLAND, processCoordinator: 'none' as const };
    const make = (agenda: 'incident-first' | 'design-first') => {
      const spec = smallOrg({ coverage: 0.2, policies: { ...base, mtAgenda: agenda } });
      spec.behaviour.mtItemHours = 3; // the 3-hour MT has room for one item
      spec.behaviour.compensationPropensity = 0; // managers send everything up
      spec.behaviour.signalLearningRate = 0;
      // Long design items: managers hold a few at a time, the rest stay on the backlog for the MT.
      spec.behaviour.designEffort = { type: 'exponential', mean: 400 };
      return spec;
    };
    const inc = simulate(make('incident-first'), { seed: 8, horizon: 20 * 40 });
    const des = simulate(make('design-first'), { seed: 8, horizon: 20 * 40 });
    // Design items are not always available (in the works or waiting for their lead time).
    expect(inc.metrics.mt_design_share).toBeLessThan(0.1);
    expect(des.metrics.mt_design_share).toBeGreaterThan(inc.metrics.mt_design_share + 0.15);
  });
});

describe('mechanism 11: overtime', () => {
  it('an overloaded team works overtime, bounded by the cap; none without a cap', () => {
    const busy = smallOrg({ arrivalPerStreamPerWeek: 52, overtimeMax: 4 });
    const r = simulate(busy, { seed: 1, horizon: 10 * 40 });
    expect(r.metrics.overtime_share).toBeGreaterThan(0);
    for (const p of r.persons) expect(p.overtime).toBeLessThanOrEqual(10 * 4 + 1e-9);
    const capped = simulate(smallOrg({ arrivalPerStreamPerWeek: 52, overtimeMax: 0 }), { seed: 1, horizon: 10 * 40 });
    expect(capped.metrics.overtime_share).toBe(0);
  });
});

describe('timeline', () => {
  it('a policy change mid-run takes effect from then on', () => {
    const spec = smallOrg({ policies: { ...ISLAND, dominance: 'none' } });
    spec.timeline = [{ at: 5 * 40, label: 'line dominance', policies: { dominance: 'line' } }];
    const r = runReps(spec, 4, 10 * 40, 0);
    const keep = runReps(smallOrg({ policies: { ...ISLAND, dominance: 'none' } }), 4, 10 * 40, 0);
    const rule = runReps(smallOrg({ policies: { ...ISLAND, dominance: 'line' } }), 4, 10 * 40, 0);
    // Half the run under each rule: between the two runs that keep one rule throughout.
    expect(pairedCI(keep, r, 'collision_escalations_per_100').upper).toBeLessThan(0);
    expect(pairedCI(rule, r, 'collision_escalations_per_100').lower).toBeGreaterThan(0);
  });

  it('a timeline cannot switch the starting definitions', () => {
    const spec = smallOrg();
    spec.timeline = [{ at: 5 * 40, label: 'shared definitions', policies: { sharedDefinitions: true } }];
    expect(() => simulate(spec, { seed: 1, horizon: 10 * 40 })).toThrow(/timeline\[0\]\.policies\.sharedDefinitions/);
  });
});

void YEAR;
