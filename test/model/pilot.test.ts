// A pilot: policies for one stream only. The piloted stream's results move; a stream
// that shares no team, manager or meeting with it stays equal in distribution (paired
// over replications on common random numbers); where the pilot meets the rest (shared
// teams), the boundary is counted.
import { describe, expect, it } from 'vitest';
import { type ModelRunResult, type ModelSpec, simulate, type StreamMetricId, TRACE_TYPES, validateModel } from '../../sim/model/index.js';
import { World } from '../../sim/model/world.js';
import { designItemFor } from '../../sim/model/mechanisms/design.js';
import { pairedDifference } from '../../sim/stats/index.js';
import { runReps } from './helpers.js';
import { wideOrg } from './people-fixture.js';

const WEEK = 40;
const base = wideOrg({ questionsPerCase: 0.8, coverage: 0.3 });
const pilot: ModelSpec = {
  ...base,
  pilots: [{ label: 'usm on permits', scope: { streams: ['permits'], teams: [] }, policies: { processCoordinator: 'explicit', dominance: 'process', sharedDefinitions: true } }],
};

describe('a pilot on one stream', () => {
  const a = runReps(base, 10, 26 * WEEK, 4 * WEEK);
  const b = runReps(pilot, 10, 26 * WEEK, 4 * WEEK);
  const diff = (stream: string, m: StreamMetricId) =>
    pairedDifference(b.map((r: ModelRunResult) => r.byStream[stream]![m]), a.map((r: ModelRunResult) => r.byStream[stream]![m]));

  it("changes the piloted stream's results", () => {
    // One service definition and an explicit coordinator on permits: fewer of its cases escalate.
    expect(diff('permits', 'escalations_per_100').upper).toBeLessThan(0);
  });

  it('leaves a stream that shares no team with it equal in distribution', () => {
    for (const m of ['lead_time_mean', 'escalations_per_100', 'due_date_attainment'] as const) {
      const d = diff('inspections', m);
      expect(d.lower, m).toBeLessThanOrEqual(0);
      expect(d.upper, m).toBeGreaterThanOrEqual(0);
    }
  });

  it('counts where the pilot meets the rest: collisions in shared teams, none for the separate stream', () => {
    for (const r of b) {
      expect(r.byStream.permits!.boundary_collisions_per_100).toBeGreaterThan(0);
      expect(r.byStream.reports!.boundary_collisions_per_100).toBeGreaterThan(0);
      expect(r.byStream.inspections!.boundary_collisions_per_100).toBe(0);
    }
    for (const r of a) expect(r.byStream.permits!.boundary_collisions_per_100).toBe(0);
  });

  it('counts handovers across a team scope', () => {
    const teamPilot: ModelSpec = { ...base, pilots: [{ label: 'assess', scope: { streams: [], teams: ['assess'] }, policies: { managerIsLineCoordinator: false } }] };
    const [r] = runReps(teamPilot, 1, 8 * WEEK, WEEK);
    // Every permits and reports case is handed from intake to assess; inspections stays in field.
    expect(r!.byStream.permits!.boundary_handovers_per_100).toBeGreaterThan(50);
    expect(r!.byStream.inspections!.boundary_handovers_per_100).toBe(0);
  });
});

describe('a scoped timeline entry', () => {
  it('changes its stream from its week on and leaves the other streams as they were', () => {
    const at = 8 * WEEK;
    const spec: ModelSpec = {
      ...wideOrg({ questionsPerCase: 0.8, coverage: 0.3, policies: { processCoordinator: 'none' } }),
      timeline: [{ at, label: 'permits gets a coordinator', scope: { streams: ['permits'], teams: [] }, policies: { processCoordinator: 'explicit' } }],
    };
    const r = simulate(spec, { seed: 4, horizon: 16 * WEEK, warmup: 0, trace: true });
    const t = r.trace!;
    const escalate = TRACE_TYPES.indexOf('escalate');
    const toCoordinator = (id: string) => {
      const who = spec.persons.findIndex((p) => p.id === id);
      const times: number[] = [];
      for (let i = 0; i < t.time.length; i++) if (t.type[i] === escalate && t.b[i] === who && t.c[i] === 0) times.push(t.time[i]!);
      return times;
    };
    const rachid = toCoordinator('rachid');
    expect(rachid.length).toBeGreaterThan(5);
    expect(Math.min(...rachid)).toBeGreaterThanOrEqual(at);
    expect(toCoordinator('pc-reports')).toEqual([]);
    expect(toCoordinator('pc-inspections')).toEqual([]);
  });

  it("reserves design time for the managers of the scoped teams only (a manager of several teams: the largest share)", () => {
    const spec: ModelSpec = {
      ...wideOrg({ sharedManager: true }),
      pilots: [{ label: 'field designs', scope: { streams: [], teams: ['field'] }, policies: { protectedDesignShare: 0.3 } }],
    };
    const w = new World(spec, { seed: 1, replication: 0, horizon: WEEK, warmup: 0, trace: false });
    const share = (id: string) => w.persons[w.personIndex.get(id)!]!.designShare;
    expect(share('decide-manager')).toBe(0.3); // manages decide and field
    expect(share('assess-manager')).toBe(0);
  });

  it("a scoped team's manager designs for the pilot's streams first; everyone else for the whole backlog", () => {
    const spec: ModelSpec = {
      ...wideOrg(),
      pilots: [{ label: 'usm on inspections', scope: { streams: ['inspections'], teams: ['field'] }, policies: { protectedDesignShare: 0.3 } }],
    };
    const w = new World(spec, { seed: 1, replication: 0, horizon: WEEK, warmup: 0, trace: false });
    const cell = (stream: string) => w.stream(stream) * w.nTypes;
    // The busiest cell is outside the pilot; the pilot's own cell has fewer signals.
    w.backlog[cell('permits')] = 9;
    w.backlog[cell('inspections')] = 2;
    const p = (id: string) => w.persons[w.personIndex.get(id)!]!;
    expect(designItemFor(w, p('field-manager'))).toBe(cell('inspections'));
    expect(designItemFor(w, p('assess-manager'))).toBe(cell('permits'));
    expect(designItemFor(w)).toBe(cell('permits'));
    // Nothing of the pilot's due: the pilot's manager takes from the rest.
    w.backlog[cell('inspections')] = 0;
    expect(designItemFor(w, p('field-manager'))).toBe(cell('permits'));
  });

  it('the design preference holds while the scope is in force, per scope, and only for scopes that reserve design time', () => {
    const entry = { at: 10 * WEEK, label: 'field reserves design time', scope: { streams: [], teams: ['field'] }, policies: { protectedDesignShare: 0.3 } };
    const spec: ModelSpec = {
      ...wideOrg(),
      // Another scope names only permits and reserves nothing: it must not redirect field's manager.
      pilots: [{ label: 'permits rule', scope: { streams: ['permits'], teams: [] }, policies: { dominance: 'process' } }],
      timeline: [entry, { at: 20 * WEEK, label: 'everyone', policies: { protectedDesignShare: 0.3 } }],
    };
    const w = new World(spec, { seed: 1, replication: 0, horizon: WEEK, warmup: 0, trace: false });
    const cell = (stream: string) => w.stream(stream) * w.nTypes;
    w.backlog[cell('permits')] = 9;
    w.backlog[cell('inspections')] = 2;
    const field = w.persons[w.personIndex.get('field-manager')!]!;
    expect(designItemFor(w, field)).toBe(cell('permits')); // before the entry
    w.scoped.apply(w, entry.policies, entry.scope);
    expect(designItemFor(w, field)).toBe(cell('inspections')); // the streams through field
    expect(w.scoped.teamInScope[w.team('field')]).toBe(1);
    w.scoped.apply(w, { protectedDesignShare: 0.3 });
    expect(designItemFor(w, field)).toBe(cell('permits')); // adopted by everyone: the pilot ended
    expect(w.scoped.teamInScope[w.team('field')]).toBe(0);
    expect(w.scoped.streamInScope[w.stream('permits')]).toBe(1); // the permits pilot is still in force
  });
});

describe('scoped policies are checked', () => {
  it('refuses fields that cannot be scoped, scopes without the needed dimension, and unknown streams', () => {
    const bad: ModelSpec = {
      ...base,
      pilots: [
        { label: 'a', scope: { streams: ['permits'], teams: [] }, policies: { mtAgenda: 'design-first' } },
        { label: 'b', scope: { streams: ['permits'], teams: [] }, policies: { protectedDesignShare: 0.3 } },
        { label: 'c', scope: { streams: ['nope'], teams: [] }, policies: { dominance: 'process' } },
      ],
    };
    expect(() => validateModel(bad)).toThrow(/pilots\[0\]\.policies\.mtAgenda: cannot be scoped/);
    expect(() => validateModel(bad)).toThrow(/pilots\[1\]\.policies\.protectedDesignShare: is set per team/);
    expect(() => validateModel(bad)).toThrow(/pilots\[2\]\.scope\.streams\[0\]: unknown stream "nope"/);
  });
});
