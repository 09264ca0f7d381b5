// The fields of issue 13 (suppliers, process kinds, coaches, supplierInterface, coaching):
// bad values are refused with the file, the YAML path and what would be valid; good
// ones reach the model.
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../sim/scenario/index.js';
import { type Doc, mutated, scenarioErrorOf } from './helpers.js';

const FILE = 'eco.yaml';
const supplier = { id: 'acme', capacity: 2, contractResponse: { type: 'exponential', mean: '2 days' }, assumption: 'test' };
const withSupplier = (d: Doc) => {
  d.organisation.suppliers = [structuredClone(supplier)];
  d.organisation.streams[0].steps[1].supplier = 'acme';
};

const CASES: { name: string; change: (d: Doc) => void; path: string; hint: string }[] = [
  { name: 'a step names an unknown supplier', change: (d) => { withSupplier(d); d.organisation.streams[0].steps[1].supplier = 'acmee'; }, path: 'organisation.streams[0].steps[1].supplier', hint: 'unknown supplier "acmee"; suppliers: acme' },
  { name: 'a supplier step without suppliers', change: (d) => (d.organisation.streams[0].steps[1].supplier = 'acme'), path: 'organisation.streams[0].steps[1].supplier', hint: 'unknown supplier "acme"; suppliers: (none)' },
  { name: 'supplier capacity 0', change: (d) => { withSupplier(d); d.organisation.suppliers[0].capacity = 0; }, path: 'organisation.suppliers[0].capacity', hint: 'must be >= 1' },
  { name: 'supplier capacity 1.5', change: (d) => { withSupplier(d); d.organisation.suppliers[0].capacity = 1.5; }, path: 'organisation.suppliers[0].capacity', hint: 'whole number' },
  { name: 'supplier without contractResponse', change: (d) => { withSupplier(d); delete d.organisation.suppliers[0].contractResponse; }, path: 'organisation.suppliers[0].contractResponse', hint: 'missing required key "contractResponse"' },
  { name: 'contractResponse a rate', change: (d) => { withSupplier(d); d.organisation.suppliers[0].contractResponse = { type: 'exponential', mean: '2 per day' }; }, path: 'organisation.suppliers[0].contractResponse.mean', hint: 'expected a time' },
  { name: 'processKinds names an unknown question type', change: (d) => (d.organisation.processKinds = { changeAgreement: 'aproval', assumption: 'test' }), path: 'organisation.processKinds.changeAgreement', hint: 'unknown question type "aproval"; question types: priority, handover, exception' },
  { name: 'improveQuestionType unknown', change: (d) => (d.organisation.processKinds = { improveQuestionType: 'x', assumption: 'test' }), path: 'organisation.processKinds.improveQuestionType', hint: 'unknown question type "x"' },
  { name: 'processKinds unknown key', change: (d) => (d.organisation.processKinds = { recoverFrist: true }), path: 'organisation.processKinds.recoverFrist', hint: 'allowed keys: recoverFirst, changeAgreement, improveQuestionType' },
  { name: 'supplierInterface not a choice', change: (d) => (d.designs.usm.policies = { supplierInterface: 'api' }), path: 'designs.usm.policies.supplierInterface', hint: 'contract, shared' },
  { name: 'coaching not a boolean', change: (d) => (d.designs.usm.policies = { coaching: 'yes' }), path: 'designs.usm.policies.coaching', hint: 'true or false' },
  { name: 'coach of an unknown team', change: (d) => d.organisation.persons.push({ id: 'c', roles: ['coach:asess'], hoursPerWeek: '24 h/week', seniority: 1, assumption: 'test' }), path: 'organisation.persons[4].roles[0]', hint: 'unknown team "asess" in role "coach:asess"; teams: intake, assess, decide' },
];

describe('issue 13 fields: bad input', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const err = scenarioErrorOf(() => loadScenario(mutated(c.change), FILE));
    expect(err).toBeInstanceOf(ScenarioError);
    expect(err.message).toContain(FILE);
    expect(err.message).toContain(c.hint);
    expect(err.issues.map((i) => i.path)).toContain(c.path);
    expect(err.message).not.toMatch(/must NOT have|must match exactly one schema/);
  });
});

describe('issue 13 fields: good input reaches the model', () => {
  it('suppliers, process kinds, coaches and the two design fields', () => {
    const s = loadScenario(
      mutated((d) => {
        withSupplier(d);
        d.organisation.processKinds = { recoverFirst: true, changeAgreement: 'exception', assumption: 'test' };
        d.organisation.persons.push({ id: 'c', roles: ['coach:assess'], hoursPerWeek: '24 h/week', seniority: 1, assumption: 'test' });
        d.designs.usm.policies = { ...(d.designs.usm.policies ?? {}), supplierInterface: 'shared' };
        d.designs.usm.timeline = [{ at: '2 weeks', label: 'coach', policies: { coaching: true }, assumption: 'test' }];
      }),
      FILE,
    );
    const usm = s.designs.usm!;
    expect(usm.suppliers).toEqual([{ id: 'acme', name: 'acme', capacity: 2, contractResponse: { type: 'exponential', mean: 16 } }]);
    expect(usm.streams[0]!.steps[1]!.supplier).toBe('acme');
    expect(usm.processKinds).toEqual({ recoverFirst: true, changeAgreement: 'exception' });
    expect(usm.policies.supplierInterface).toBe('shared');
    expect(usm.timeline[0]!.policies.coaching).toBe(true);
    expect(usm.persons.find((p) => p.id === 'c')!.roles).toEqual([{ role: 'coach', team: 'assess' }]);
  });
});
