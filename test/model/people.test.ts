// People who differ (per-person behaviour, changed from a week on) and organisation
// structure beyond one team per manager: a manager of two teams, a coordinator of two
// streams. Runs on the small example organisation (fixtures) and its wide variant.
import { describe, expect, it } from 'vitest';
import { simulate, TRACE_TYPES, type BehaviourOverride, type ModelRunResult, type ModelSpec } from '../../sim/model/index.js';
import { pairedDifference } from '../../sim/stats/index.js';
import { smallOrg } from './fixtures.js';
import { runReps } from './helpers.js';
import { wideOrg } from './people-fixture.js';
import { World } from '../../sim/model/world.js';
import { applyOverride, resetToSlot } from '../../sim/model/person-behaviour.js';
import { departure } from '../../sim/model/mechanisms/turnover.js';

const WEEK = 40;
const T = (name: (typeof TRACE_TYPES)[number]) => TRACE_TYPES.indexOf(name);

const withOverrides = (spec: ModelSpec, overrides: BehaviourOverride[]): ModelSpec => ({ ...spec, behaviour: { ...spec.behaviour, overrides } });
const hours = (r: ModelRunResult, id: string, cat: string) => r.persons.find((p) => p.id === id)!.windowTime[cat]!;

/** Per escalation id: the stream of its request, read from the trace (raise -> request serial -> arrival). */
function escalationStreams(r: ModelRunResult): Map<number, number> {
  const t = r.trace!;
  const streamOf = new Map<number, number>();
  const out = new Map<number, number>();
  for (let i = 0; i < t.time.length; i++) {
    if (t.type[i] === T('arrive')) streamOf.set(t.a[i]!, t.b[i]!);
    else if (t.type[i] === T('raise')) out.set(t.a[i]!, streamOf.get(t.b[i]!)!);
  }
  return out;
}

/** Streams of the escalations delivered to person `who` at `level` (0 coordinator, 1 manager). */
function streamsReaching(r: ModelRunResult, spec: ModelSpec, who: string, level: number): Set<string> {
  const t = r.trace!;
  const person = spec.persons.findIndex((p) => p.id === who);
  const streams = escalationStreams(r);
  const out = new Set<string>();
  for (let i = 0; i < t.time.length; i++) {
    if (t.type[i] === T('escalate') && t.b[i] === person && t.c[i] === level) out.add(spec.streams[streams.get(t.a[i]!)!]!.id);
  }
  return out;
}

describe('people who differ', () => {
  it('a hero more ready to step in spends more of his hours coordinating, outside his operator role', () => {
    const base = smallOrg({ questionsPerCase: 1.2, coverage: 0.2 });
    const hero = withOverrides(base, [
      { at: 0, label: 'hero', persons: ['rachid'], values: { informalPassOn: 0, informalReachLimit: 50, coordinatorReach: 1 }, personal: true },
    ]);
    const a = runReps(base, 10, 26 * WEEK, 4 * WEEK);
    const b = runReps(hero, 10, 26 * WEEK, 4 * WEEK);
    const d = pairedDifference(b.map((r) => hours(r, 'rachid', 'coordinate')), a.map((r) => hours(r, 'rachid', 'coordinate')));
    expect(d.mean).toBeGreaterThan(0);
    expect(d.lower).toBeGreaterThan(0);
  });

  it('an override from a given week takes effect at that week and not before', () => {
    const at = 10 * WEEK;
    // No turnover: a personal override names the person, and passes over a newcomer in their place (next test).
    const base = smallOrg({ questionsPerCase: 0.8, coverage: 0.2, tacit: 0.1, behaviour: { improviseTendency: 0, signalPropensity: 0, turnoverPerYear: 0 } });
    const sanne = withOverrides(base, [{ at, label: 'phase 1', persons: ['assess-op1', 'assess-op2'], values: { improviseTendency: 1 }, personal: true }]);
    const improvisedAt = (spec: ModelSpec) => {
      const r = simulate(spec, { seed: 5, horizon: 20 * WEEK, warmup: 0, trace: true });
      const t = r.trace!;
      const times: number[] = [];
      for (let i = 0; i < t.time.length; i++) if (t.type[i] === T('question') && t.c[i] === 3) times.push(t.time[i]!);
      return times;
    };
    expect(improvisedAt(base)).toEqual([]);
    const times = improvisedAt(sanne);
    expect(times.length).toBeGreaterThan(10);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(at);
  });

  it('a newcomer in the place of an overridden person starts from the values of the place, not of the person', () => {
    const spec = withOverrides(smallOrg(), [
      { at: 0, label: 'team', persons: ['assess-op1', 'assess-op2'], values: { improviseTendency: 0.2 }, personal: false },
      { at: 0, label: 'sanne', persons: ['assess-op1'], values: { improviseTendency: 0.95, signalPropensity: 0.05 }, personal: true },
    ]);
    const w = new World(spec, { seed: 1, replication: 0, horizon: WEEK, warmup: 0, trace: false });
    const sanne = w.persons[w.personIndex.get('assess-op1')!]!;
    const colleague = w.persons[w.personIndex.get('assess-op2')!]!;
    const other = w.persons[w.personIndex.get('intake-op1')!]!;
    expect([sanne.improviseTendency, sanne.signalPropensity]).toEqual([0.95, 0.05]);
    expect(colleague.improviseTendency).toBe(0.2);
    expect(other.improviseTendency).toBe(spec.behaviour.improviseTendency);
    resetToSlot(sanne);
    expect([sanne.improviseTendency, sanne.signalPropensity]).toEqual([0.2, spec.behaviour.signalPropensity]);
  });

  it('a later personal override passes over a newcomer who took the place before it; an override of the place does not', () => {
    const later: BehaviourOverride[] = [
      { at: 5 * WEEK, label: 'sanne', persons: ['assess-op1'], values: { improviseTendency: 0.9 }, personal: true },
      { at: 5 * WEEK, label: 'team', persons: ['assess-op1'], values: { signalPropensity: 0.4 }, personal: false },
    ];
    const spec = withOverrides(smallOrg(), later);
    const w = new World(spec, { seed: 1, replication: 0, horizon: WEEK, warmup: 0, trace: false });
    const i = w.personIndex.get('assess-op1')!;
    const place = w.persons[i]!;
    departure(w, i);
    for (const o of later) applyOverride(w, o);
    expect(place.improviseTendency).toBe(spec.behaviour.improviseTendency);
    expect(place.signalPropensity).toBe(0.4);
    // Without the departure the person named gets both.
    const w2 = new World(spec, { seed: 1, replication: 0, horizon: WEEK, warmup: 0, trace: false });
    for (const o of later) applyOverride(w2, o);
    expect(w2.persons[i]!.improviseTendency).toBe(0.9);
  });
});

describe('structure: several teams, several streams', () => {
  it('a manager of two teams receives escalations from both', () => {
    const spec = wideOrg({ sharedManager: true, questionsPerCase: 0.8, coverage: 0.3 });
    const r = simulate(spec, { seed: 7, horizon: 12 * WEEK, warmup: 0, trace: true });
    // "decide" serves only permits, "field" only inspections.
    const reached = streamsReaching(r, spec, 'decide-manager', 1);
    expect(reached.has('permits')).toBe(true);
    expect(reached.has('inspections')).toBe(true);
  });

  it('a process manager of two streams receives their escalations under process dominance', () => {
    const base = wideOrg({ questionsPerCase: 0.8, coverage: 0.3, policies: { dominance: 'process' } });
    const pm = { id: 'pm', name: 'pm', roles: [{ role: 'manager' as const, stream: 'permits' }, { role: 'manager' as const, stream: 'inspections' }], hoursPerWeek: 36, seniority: 3, absences: [], keyPerson: false };
    const spec: ModelSpec = { ...base, persons: [...base.persons, pm] };
    const r = simulate(spec, { seed: 7, horizon: 12 * WEEK, warmup: 0, trace: true });
    expect([...streamsReaching(r, spec, 'pm', 1)].sort()).toEqual(['inspections', 'permits']);
  });

  it('a coordinator serving two streams takes process escalations of both', () => {
    const spec = wideOrg({ sharedCoordinator: true, questionsPerCase: 0.8, coverage: 0.3, policies: { processCoordinator: 'explicit' } });
    const r = simulate(spec, { seed: 7, horizon: 12 * WEEK, warmup: 0, trace: true });
    const reached = streamsReaching(r, spec, 'rachid', 0);
    expect([...reached].sort()).toEqual(['inspections', 'permits']);
  });
});
