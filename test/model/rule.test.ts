// The rule of the model: designs change structure, behaviour is shared, outcomes are
// earned. These tests read every built-in design and fail when a design sets
// behaviour, and check on DPV that no outcome is switched off in one design.
import { describe, expect, it } from 'vitest';
import { POLICY_FIELD_KINDS, PRESETS, simulate, type BehaviourSpec, type ModelRunResult, type ModelSpec } from '../../sim/model/index.js';
import { SMALL_BEHAVIOUR } from '../../sim/model/examples/small-org.js';
import { BUILTIN_SCENARIOS_DIR, listBuiltinScenarios, loadScenarioFile } from '../../sim/node/scenario-files.js';

const BEHAVIOUR_KEYS = new Set(Object.keys(SMALL_BEHAVIOUR) as (keyof BehaviourSpec)[]);
const STRUCTURE_KEYS = new Set(Object.keys(POLICY_FIELD_KINDS));

function checkPolicyKeys(where: string, policies: object): void {
  for (const key of Object.keys(policies)) {
    expect(BEHAVIOUR_KEYS.has(key as keyof BehaviourSpec), `${where}.${key} is behaviour`).toBe(false);
    expect(STRUCTURE_KEYS.has(key), `${where}.${key} is not a known kind of structure`).toBe(true);
  }
}

describe('designs set structure, never behaviour', () => {
  it('no policy field is a behaviour parameter, and every one names its kind of structure', () => {
    for (const key of STRUCTURE_KEYS) expect(BEHAVIOUR_KEYS.has(key as keyof BehaviourSpec)).toBe(false);
    for (const [name, p] of Object.entries(PRESETS)) checkPolicyKeys(`preset ${name}`, p);
    // The only number a design sets is reserved time or a meeting cadence: never a probability of what people do.
    const numeric = Object.entries(POLICY_FIELD_KINDS).filter(([k]) => typeof PRESETS.island![k as keyof typeof POLICY_FIELD_KINDS] === 'number');
    for (const [k, kind] of numeric) expect(['reserved-time', 'meetings'], k).toContain(kind);
  });

  const names = listBuiltinScenarios();
  it.each(names)('%s: every design sets structure only and shares one behaviour', (name) => {
    const s = loadScenarioFile(`${BUILTIN_SCENARIOS_DIR}${name}.yaml`);
    const specs = s.designOrder.map((d) => [d, s.designs[d]!] as const);
    const [, first] = specs[0]!;
    for (const [d, spec] of specs) {
      checkPolicyKeys(`${name}/${d}.policies`, spec.policies);
      spec.timeline.forEach((t, i) => checkPolicyKeys(`${name}/${d}.timeline[${i}]`, t.policies));
      expect(spec.behaviour, `${name}/${d}: behaviour differs from ${specs[0]![0]}`).toEqual(first.behaviour);
      expect(spec.definitions, `${name}/${d}: definitions differ`).toEqual(first.definitions);
    }
  });
});

describe('DPV: no outcome switched off by a design', () => {
  const s = loadScenarioFile(`${BUILTIN_SCENARIOS_DIR}dpv.yaml`);
  const run = (design: string, rep: number): ModelRunResult =>
    simulate(s.designs[design] as ModelSpec, { seed: 2026, replication: rep, horizon: 26 * 40, warmup: 8 * 40 });
  const runs = Object.fromEntries(['island', 'usm'].map((d) => [d, [0, 1].map((r) => run(d, r))]));

  it.each(['island', 'usm'])('%s: improvisations, rework, handover mismatches and escalations to the MT all occur', (design) => {
    for (const r of runs[design]!) {
      for (const m of ['improvisations_per_100', 'rework_per_100', 'handover_mismatches_per_100', 'escalations_to_mt_per_100', 'compensations_per_100', 'operator_signals_per_100'] as const) {
        expect(r.metrics[m], `${design} ${m}`).toBeGreaterThan(0);
      }
    }
  });

  it.each(['island', 'usm'])('%s: under 1%% of escalation-handling time goes to cases already done', (design) => {
    for (const r of runs[design]!) {
      expect(r.metrics.escalation_hours_on_done_share).toBeLessThan(0.01);
      expect(r.metrics.escalations_withdrawn_per_100).toBeGreaterThan(0);
    }
  });

  it('signal visibility is measured: it differs between replications, never a set value', () => {
    for (const d of ['island', 'usm']) {
      const v = runs[d]!.map((r) => r.metrics.signal_visibility);
      expect(v[0]).not.toBe(v[1]);
      for (const x of v) expect(x).toBeGreaterThan(0);
      for (const x of v) expect(x).toBeLessThan(1);
    }
  });
});
