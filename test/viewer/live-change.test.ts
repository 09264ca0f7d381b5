// A live change made in the viewer is a timeline entry: the worker's changed run
// (prepareRun with a change) is identical to simulating the design with that entry
// written into its timeline by hand, the same up to the week of the change, and
// different after it. Adopting another design's policies takes all of them but the
// starting definitions.

import { describe, expect, test } from 'vitest';
import { simulate, toTraceFile, type ModelSpec } from '../../sim/model/index.js';
import { adoptablePilots, adoptablePolicies, withLiveChange } from '../../sim/model/live-change.js';
import { smallSpec } from '../../viewer/src/builtin-small.js';
import { prepareRun } from '../../viewer/src/live/prepare.js';

const WEEKS = 6;
const WARM = 2;
const AT = 4 * 40;

function run(spec: ModelSpec, seed = 3) {
  const result = simulate(spec, { seed, replication: 0, horizon: WEEKS * 40, warmup: WARM * 40, trace: true });
  return toTraceFile(spec, result, { scenario: 'small', design: 'island', seed, replication: 0, horizon: WEEKS * 40, warmup: WARM * 40 });
}

describe('live policy change = a run with a timeline entry at that week', () => {
  const change = { at: AT, policies: { protectedDesignShare: 0.3 } };
  const live = prepareRun('small', 'island', WEEKS, WARM, change);
  const base = smallSpec('island', 20, WEEKS + WARM);
  const byHand: ModelSpec = { ...base, timeline: [...base.timeline, { at: AT, label: live.change!.label, policies: { protectedDesignShare: 0.3 } }] };

  test('the changed run equals the hand-written timeline run', () => {
    const a = run(live.spec);
    const b = run(byHand);
    expect(a.metrics).toEqual(b.metrics);
    expect(a.events).toEqual(b.events);
    expect(a.organisation.timeline.map((e) => e.at)).toContain(AT);
  });

  test('it is the same run up to the change and a different one after it', () => {
    const a = run(live.spec);
    const plain = run(base);
    const before = (t: typeof a) => t.events.time.findIndex((x) => x >= AT);
    const k = before(a);
    expect(k).toBeGreaterThan(100);
    expect(before(plain)).toBe(k);
    expect(a.events.type.slice(0, k)).toEqual(plain.events.type.slice(0, k));
    expect(a.events.a.slice(0, k)).toEqual(plain.events.a.slice(0, k));
    expect(a.metrics).not.toEqual(plain.metrics);
  });

  test('switching design adopts its policies except the starting definitions', () => {
    const r = prepareRun('small', 'island', WEEKS, WARM, { at: AT, design: 'usm' });
    const usm = smallSpec('usm', 20, WEEKS + WARM);
    expect(r.change!.policies).toEqual(adoptablePolicies(usm));
    expect(r.change!.policies).not.toHaveProperty('sharedDefinitions');
    expect(r.spec.teams).toEqual(base.teams);
    expect(r.spec.behaviour).toEqual(base.behaviour);
    expect(r.change!.label).toBe('from week 5: the policies of usm');
  });

  test("adopting a design with pilots brings its pilots as scoped entries at the same week", () => {
    const pilotDesign: ModelSpec = {
      ...smallSpec('usm', 20, WEEKS + WARM),
      pilots: [{ label: 'permits first', scope: { streams: ['permits'], teams: [base.teams[0]!.id] }, policies: { dominance: 'process', sharedDefinitions: true, protectedDesignShare: 0.3 } }],
    };
    const pilots = adoptablePilots(pilotDesign);
    expect(pilots).toEqual([{ label: 'permits first', scope: { streams: ['permits'], teams: [base.teams[0]!.id] }, policies: { dominance: 'process', protectedDesignShare: 0.3 } }]);
    const changed = withLiveChange(base, { at: AT, label: 'adopt', policies: adoptablePolicies(pilotDesign), pilots });
    const added = changed.timeline.filter((e) => e.at === AT);
    expect(added.map((e) => e.scope?.streams ?? null)).toEqual([null, ['permits']]);
    const byHand: ModelSpec = { ...base, timeline: [...base.timeline, ...added] };
    const a = run(changed);
    expect(a.metrics).toEqual(run(byHand).metrics);
    // Up to the change it is the plain run: a pilot that comes later changes nothing before it.
    const plain = run(base);
    const k = plain.events.time.findIndex((x) => x >= AT);
    expect(k).toBeGreaterThan(100);
    expect(a.events.type.slice(0, k)).toEqual(plain.events.type.slice(0, k));
    expect(a.events.a.slice(0, k)).toEqual(plain.events.a.slice(0, k));
  });

  test('a change off a week boundary or outside the run is refused', () => {
    expect(() => prepareRun('small', 'island', WEEKS, WARM, { at: AT + 3, policies: { protectedDesignShare: 0.3 } })).toThrow(/week boundary/);
    expect(() => prepareRun('small', 'island', WEEKS, WARM, { at: (WEEKS + WARM) * 40, design: 'usm' })).toThrow(/week boundary/);
    expect(() => prepareRun('small', 'island', WEEKS, WARM, { at: AT, policies: { protectedDesignShare: 2 } })).toThrow();
  });
});
