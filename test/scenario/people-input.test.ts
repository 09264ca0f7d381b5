// Per-person behaviour (behaviour.persons, behaviour.timeline), pilots and scoped
// timeline entries in a scenario file: what they load to, and bad input named by file,
// YAML path and what would be valid (bad-input.test.ts style).
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../sim/scenario/index.js';
import { type Doc, mutated, scenarioErrorOf } from './helpers.js';

const FILE = 'people.yaml';
const person = (d: Doc) => {
  d.behaviour.persons = {
    rachid: { informalPassOn: 0.1, informalReachLimit: 8, source: '000:L216' },
    'as-op': { improviseTendency: 0.8, assumption: 'test group' },
  };
  d.behaviour.timeline = [{ at: '10 weeks', label: 'phase 1', persons: { rachid: { informalPassOn: 0 } }, assumption: 'test' }];
};
const pilot = (d: Doc) => {
  d.designs.pilot = {
    preset: 'island',
    pilots: [{ label: 'usm on permits', scope: { streams: ['permits'] }, policies: { processCoordinator: 'explicit', dominance: 'process' }, assumption: 'test' }],
    timeline: [{ at: '4 weeks', label: 'assess reserves design time', scope: { teams: ['assess'] }, policies: { protectedDesignShare: 0.2 }, assumption: 'test' }],
    assumption: 'test',
  };
};

describe('people and pilots load', () => {
  it('resolves person and group overrides and the behaviour timeline, the same in every design', () => {
    const s = loadScenario(mutated(person), FILE);
    for (const id of s.designOrder) {
      const o = s.designs[id]!.behaviour.overrides!;
      const start = o.filter((x) => x.at === 0);
      // The group first, the named person after it (a person's own values win).
      expect(start.map((x) => x.personal)).toEqual([false, true]);
      expect(start[0]!.persons).toEqual(['as-op-1', 'as-op-2', 'as-op-3', 'as-op-4', 'as-op-5']);
      expect(start[1]).toMatchObject({ persons: ['rachid'], values: { informalPassOn: 0.1, informalReachLimit: 8 } });
      expect(o.find((x) => x.at > 0)).toMatchObject({ at: 400, persons: ['rachid'], values: { informalPassOn: 0 } });
    }
  });

  it('builds pilots and scoped timeline entries', () => {
    const s = loadScenario(mutated(pilot), FILE);
    const spec = s.designs.pilot!;
    expect(spec.pilots).toEqual([{ label: 'usm on permits', scope: { streams: ['permits'], teams: [] }, policies: { processCoordinator: 'explicit', dominance: 'process' } }]);
    expect(spec.timeline[0]!.scope).toEqual({ streams: [], teams: ['assess'] });
    expect(s.designs.usm!.pilots).toBeUndefined();
    expect(s.provenance.missing.filter((p) => p.includes('pilot') || p.includes('behaviour.persons'))).toEqual([]);
  });
});

interface Case {
  name: string;
  input: (d: Doc) => void;
  path: string;
  hint: string;
}

const CASES: Case[] = [
  { name: 'unknown person in behaviour.persons', input: (d) => (d.behaviour.persons = { rachd: { informalPassOn: 0.1, assumption: 'x' } }), path: 'behaviour.persons.rachd', hint: 'unknown person or group "rachd"; named persons: marieke, rachid' },
  { name: 'a design field as person behaviour', input: (d) => (d.behaviour.persons = { rachid: { dominance: 'line', assumption: 'x' } }), path: 'behaviour.persons.rachid.dominance', hint: 'allowed keys: signalPropensity, improviseTendency' },
  { name: 'shared-only behaviour per person', input: (d) => (d.behaviour.persons = { rachid: { fallbackDelay: '1 h', assumption: 'x' } }), path: 'behaviour.persons.rachid.fallbackDelay', hint: 'unknown key "fallbackDelay"' },
  { name: 'person probability above 1', input: (d) => (d.behaviour.persons = { rachid: { informalPassOn: 1.5, assumption: 'x' } }), path: 'behaviour.persons.rachid.informalPassOn', hint: 'must be <= 1, got 1.5' },
  { name: 'an override that sets nothing', input: (d) => (d.behaviour.persons = { rachid: { assumption: 'x' } }), path: 'behaviour.persons.rachid', hint: 'sets no behaviour; person fields: signalPropensity' },
  { name: 'behaviour timeline at the start', input: (d) => (d.behaviour.timeline = [{ at: 0, label: 'x', persons: { rachid: { informalPassOn: 0 } }, assumption: 'x' }]), path: 'behaviour.timeline[0].at', hint: 'differences from the start go in behaviour.persons' },
  { name: 'behaviour timeline names nobody known', input: (d) => (d.behaviour.timeline = [{ at: '2 weeks', label: 'x', persons: { sanne: { improviseTendency: 1 } }, assumption: 'x' }]), path: 'behaviour.timeline[0].persons.sanne', hint: 'unknown person or group "sanne"' },
  { name: 'pilot on an unknown stream', input: (d) => (d.designs.usm.pilots = [{ scope: { streams: ['permit'] }, policies: { dominance: 'line' } }]), path: 'designs.usm.pilots[0].scope.streams[0]', hint: 'unknown stream "permit"; streams: permits, reports' },
  { name: 'pilot on an unknown team', input: (d) => (d.designs.usm.pilots = [{ scope: { teams: ['asess'] }, policies: { protectedDesignShare: 0.2 } }]), path: 'designs.usm.pilots[0].scope.teams[0]', hint: 'unknown team "asess"; teams: intake, assess, decide' },
  { name: 'pilot with an empty scope', input: (d) => (d.designs.usm.pilots = [{ scope: {}, policies: { dominance: 'line' } }]), path: 'designs.usm.pilots[0].scope', hint: 'names no streams and no teams' },
  { name: 'pilot of the MT agenda', input: (d) => (d.designs.usm.pilots = [{ scope: { streams: ['permits'] }, policies: { mtAgenda: 'design-first' } }]), path: 'designs.usm.pilots[0].policies.mtAgenda', hint: 'cannot be set for part of the organisation' },
  { name: 'pilot of the meeting cadence', input: (d) => (d.designs.usm.pilots = [{ scope: { teams: ['assess'] }, policies: { meetingCadenceFactor: 0 } }]), path: 'designs.usm.pilots[0].policies.meetingCadenceFactor', hint: 'scopable: dominance (per stream)' },
  { name: 'a team field scoped by stream', input: (d) => (d.designs.usm.pilots = [{ scope: { streams: ['permits'] }, policies: { protectedDesignShare: 0.3 } }]), path: 'designs.usm.pilots[0].policies.protectedDesignShare', hint: 'is set per team: the scope needs "teams"' },
  { name: 'a stream field scoped by team', input: (d) => Object.assign(d.designs.usm.timeline[0], { scope: { teams: ['assess'] }, policies: { dominance: 'line' } }), path: 'designs.usm.timeline[0].policies.dominance', hint: 'is set per stream: the scope needs "streams"' },
  { name: 'a pilot that sets nothing', input: (d) => (d.designs.usm.pilots = [{ scope: { streams: ['permits'] }, policies: {} }]), path: 'designs.usm.pilots[0].policies', hint: 'must set at least one policy' },
  { name: 'unknown key in a scope', input: (d) => (d.designs.usm.pilots = [{ scope: { stream: ['permits'] }, policies: { dominance: 'line' } }]), path: 'designs.usm.pilots[0].scope.stream', hint: 'allowed keys: streams, teams' },
  { name: 'behaviour in a pilot', input: (d) => (d.designs.usm.pilots = [{ scope: { streams: ['permits'] }, policies: { improviseTendency: 0.1 } }]), path: 'designs.usm.pilots[0].policies.improviseTendency', hint: 'unknown key "improviseTendency"' },
];

describe('bad people and pilot input', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const err = scenarioErrorOf(() => loadScenario(mutated(c.input), FILE));
    expect(err).toBeInstanceOf(ScenarioError);
    expect(err.message).toContain(FILE);
    expect(err.message).toContain(c.hint);
    expect(err.issues.map((i) => i.path)).toContain(c.path);
    expect(err.message).not.toMatch(/must NOT have|must match exactly one schema/);
  });
});
