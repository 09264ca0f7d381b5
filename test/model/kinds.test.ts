// Process kinds that matter (mechanisms/kinds.ts; 001:L2441-2455): recover goes first,
// a change waits for its agreement, improve is design work. Paired runs on the same seeds
// with the rule on and off; the rest of the organisation is the same.
import { describe, expect, it } from 'vitest';
import type { ModelSpec, ProcessKindRules } from '../../sim/model/index.js';
import { smallOrg } from './fixtures.js';
import { pairedCI, runReps } from './helpers.js';

const withKinds = (spec: ModelSpec, rules: ProcessKindRules | undefined): ModelSpec => (rules === undefined ? spec : { ...spec, processKinds: rules });

describe('process kinds', () => {
  it('recover requests overtake waiting operate requests: their lead time falls under load, operate pays for it', () => {
    // About 90% operator load: queues form, so the order in them matters.
    const base = smallOrg({ arrivalPerStreamPerWeek: 62, questionsPerCase: 0.2 });
    const off = runReps(base, 6, 26 * 40);
    const on = runReps(withKinds(base, { recoverFirst: true }), 6, 26 * 40);
    const recover = pairedCI(off, on, 'lead_time_recover');
    expect(recover.upper).toBeLessThan(0);
    expect(pairedCI(off, on, 'lead_time_operate').lower).toBeGreaterThan(0);
    for (const r of on) expect(r.metrics.lead_time_recover).toBeLessThan(r.metrics.lead_time_operate);
  });

  it('a change request waits for its agreement: its lead time includes the wait and is longer than without the rule', () => {
    // Design held still (coverage stays at 0.3) and an agreement that takes its owner half a day, so the wait is visible.
    const org = smallOrg({ coverage: 0.3, behaviour: { designSignalThreshold: 1e6, agreementDecay: 0 } });
    const base = { ...org, questionTypes: org.questionTypes.map((q) => (q.id === 'exception' ? { ...q, answerEffort: { type: 'deterministic' as const, value: 4 } } : q)) };
    const off = runReps(base, 6, 26 * 40);
    const on = runReps(withKinds(base, { recoverFirst: false, changeAgreement: 'exception' }), 6, 26 * 40);
    for (const r of off) expect(r.metrics.change_agreement_waits_per_100).toBe(0);
    for (const r of on) expect(r.metrics.change_agreement_waits_per_100).toBeGreaterThan(0);
    expect(pairedCI(off, on, 'lead_time_change').lower).toBeGreaterThan(0);
    // With a standing agreement for every change nothing waits.
    const covered = withKinds(
      { ...base, agreements: [...base.agreements, { questionType: 'exception', stream: 'permits', explicit: 1, tacit: 0 }] },
      { recoverFirst: false, changeAgreement: 'exception' },
    );
    for (const r of runReps({ ...covered, behaviour: { ...covered.behaviour, agreementDecay: 0 } }, 2, 8 * 40)) {
      expect(r.metrics.change_agreement_waits_per_100).toBe(0);
    }
  });

  it('improve requests add signals to the design backlog, are answered by design work and stay out of the casework figures', () => {
    const base = smallOrg();
    const mix = { ...base, streams: base.streams.map((s) => ({ ...s, processMix: { ...s.processMix, improve: 1 } })) };
    const off = runReps(mix, 4, 26 * 40);
    const on = runReps(withKinds(mix, { recoverFirst: false, improveQuestionType: 'exception' }), 4, 26 * 40);
    // Their signals feed the backlog (more design work below) but are no problems: the anatomy
    // and the weekly signals series follow problems only.
    for (const r of on) expect(r.anatomy.visible_share).toBeLessThanOrEqual(1);
    for (const r of on) {
      expect(r.metrics.lead_time_improve).toBeGreaterThan(0);
      expect(r.metrics.improve_requests_per_week).toBeGreaterThan(0);
      expect(r.metrics.improve_open).toBeGreaterThanOrEqual(0);
      expect(r.conservation.arrived).toBe(r.conservation.completed + r.conservation.inSystem);
    }
    // The same arrivals on the same seeds: with the rule on, the improve requests are
    // taken out of the casework count, exactly (26 window weeks).
    for (let i = 0; i < on.length; i++) {
      const taken = on[i]!.metrics.improve_requests_per_week * 26;
      expect(taken).toBeGreaterThan(0);
      expect(on[i]!.metrics.arrivals + taken).toBeCloseTo(off[i]!.metrics.arrivals, 6);
    }
    for (const r of off) expect(r.metrics.improve_requests_per_week).toBeNaN();
    expect(pairedCI(off, on, 'designs_completed').lower).toBeGreaterThan(0);
  });

  it('without processKinds the kinds change nothing: the same seed gives the same results with rules that never fire', () => {
    const base = smallOrg();
    const none = runReps(base, 1, 8 * 40)[0]!;
    const idle = runReps(withKinds(base, { recoverFirst: false }), 1, 8 * 40)[0]!;
    expect(idle.metrics.lead_time_mean).toBe(none.metrics.lead_time_mean);
    expect(idle.metrics.escalations_per_100).toBe(none.metrics.escalations_per_100);
  });
});
