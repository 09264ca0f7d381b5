// A valid scenario loads to one frozen, validated ModelSpec per design: units
// converted, groups expanded, roles parsed, presets overridden, additions per design.
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../sim/model/validate.js';
import { ISLAND, USM } from '../../sim/model/presets.js';
import { loadScenario } from '../../sim/scenario/index.js';
import { mutated, SMALL } from './helpers.js';

const scenario = loadScenario(SMALL, 'small.yaml');
const island = scenario.designs.island!;
const usm = scenario.designs.usm!;

describe('loading a valid scenario', () => {
  it('returns the header, designs in file order and experiment settings', () => {
    expect(scenario.name).toBe('Small');
    expect(scenario.description).toBe('three teams, two streams');
    expect(scenario.file).toBe('small.yaml');
    expect(scenario.designOrder).toEqual(['island', 'usm']);
    expect(scenario.experiment).toEqual({ horizon: 2080, warmup: 320, replications: 10, seed: 2026, baseline: 'island', calibration: [] });
  });

  it('produces ModelSpecs that pass validateModel', () => {
    for (const id of scenario.designOrder) expect(() => validateModel(scenario.designs[id]!)).not.toThrow();
    expect(island.name).toBe('Small/island');
  });

  it('converts quantities to hours and per hour', () => {
    const [permits, reports] = island.streams;
    expect(permits!.arrivalRate).toBeCloseTo(30 / 40, 12);
    expect(permits!.dueIn).toBeCloseTo(80, 12);
    expect(permits!.steps[0]!.service).toEqual({ type: 'lognormal', mean: 0.75, cv: 0.6 });
    expect(permits!.steps[2]!.service).toEqual({ type: 'triangular', min: 0.5, mode: 1, max: 2 });
    expect(permits!.processMix).toEqual({ operate: 0.7, change: 0.2, recover: 0.1 });
    expect(reports!.arrivalRate).toBeCloseTo(0.5, 12);
    expect(reports!.name).toBe('reports'); // name defaults to the id
    expect(reports!.steps[1]!.service).toEqual({ type: 'empirical', values: [0.5, 1, 2], weights: [1, 2, 1] });
    expect(island.behaviour.designEffort).toEqual({ type: 'erlang', k: 2, mean: 16 });
    expect(island.behaviour.absenceMeanHours).toBe(16);
    expect(island.behaviour.overtimeMax).toBeCloseTo(4, 12);
    expect(island.meetings[0]).toEqual({ id: 'mt', name: 'MT', kind: 'mt', participants: [], streams: [], cadence: 40, offset: 8, duration: 3 });
  });

  it('parses persons, roles and absences, and expands groups', () => {
    const marieke = island.persons[0]!;
    expect(marieke.roles).toEqual([{ role: 'manager', team: 'assess' }, { role: 'mt' }]);
    expect(marieke.absences).toEqual([{ from: 800, to: 840 }]);
    expect(marieke.keyPerson).toBe(false);
    expect(island.persons[1]!.hoursPerWeek).toBeCloseTo(36, 12);
    expect(island.persons[3]!.roles).toContainEqual({ role: 'manager', stream: 'reports' });
    const ops = island.persons.filter((p) => p.id.startsWith('as-op-'));
    expect(ops.map((p) => p.id)).toEqual(['as-op-1', 'as-op-2', 'as-op-3', 'as-op-4', 'as-op-5']);
    expect(ops.map((p) => p.keyPerson)).toEqual([true, true, false, false, false]);
    expect(ops.every((p) => p.hoursPerWeek === 32)).toBe(true);
    expect(island.persons.find((p) => p.id === 'in-op-2')!.name).toBe('Intake operator 2');
    expect(island.persons).toHaveLength(4 + 4 + 5 + 3);
  });

  it('applies presets, overrides, timelines and additions per design', () => {
    expect(island.policies).toEqual(ISLAND);
    expect(usm.policies).toEqual({ ...USM, protectedDesignShare: 0.25, meetingCadenceFactor: 2 });
    expect(island.timeline).toEqual([]);
    expect(usm.timeline).toEqual([{ at: 320, label: 'phase 1', policies: { mtAgenda: 'incident-first' } }]);
    expect(usm.persons.map((p) => p.id)).toContain('coord');
    expect(island.persons.map((p) => p.id)).not.toContain('coord');
    expect(usm.meetings.map((m) => m.id)).toEqual(['mt', 'chain-permits', 'chain-reports']);
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(scenario)).toBe(true);
    expect(Object.isFrozen(scenario.designs)).toBe(true);
    expect(Object.isFrozen(island)).toBe(true);
    expect(Object.isFrozen(island.persons)).toBe(true);
    expect(Object.isFrozen(island.persons[0]!.roles[0])).toBe(true);
    expect(Object.isFrozen(island.streams[0]!.steps[0]!.service)).toBe(true);
    expect(Object.isFrozen(island.policies)).toBe(true);
    expect(Object.isFrozen(scenario.provenance.missing)).toBe(true);
    expect(() => {
      (island.policies as { dominance: string }).dominance = 'line';
    }).toThrow(TypeError);
    expect(island.policies.dominance).toBe('none');
  });

  it('does not let a design change the presets it started from', () => {
    expect(ISLAND.dominance).toBe('none');
    expect(Object.isFrozen(ISLAND)).toBe(false);
  });

  it('accepts a unitless string or number as the field unit (documented: hours, per hour)', () => {
    const s = loadScenario(mutated((d) => {
      d.organisation.streams[0].dueIn = '5';
      d.organisation.streams[0].arrivals = 2;
      d.behaviour.mtItemHours = 0.5;
    }), 'plain.yaml');
    expect(s.designs.island!.streams[0]!.dueIn).toBe(5);
    expect(s.designs.island!.streams[0]!.arrivalRate).toBe(2);
    expect(s.designs.island!.behaviour.mtItemHours).toBe(0.5);
  });

  it('accepts warmup: auto and a leading byte-order mark', () => {
    const s = loadScenario(`\uFEFF${mutated((d) => (d.experiment.warmup = 'auto'))}`, 'auto.yaml');
    expect(s.experiment.warmup).toBe('auto');
  });

  it('reports the provenance of every parameter', () => {
    expect(scenario.provenance.missing).toEqual([]);
    expect(scenario.provenance.parameters).toBeGreaterThan(80);
    expect(scenario.provenance.sources).toContain('000:L1332'); // "000:L1345, L1332" continues file 000
    expect(scenario.provenance.sources).toContain('001:L5-7');
  });
});
