// Suppliers (mechanisms/suppliers.ts): a step owned by a party outside the organisation
// queues at the supplier's own capacity; questions about its part take the contract path
// or the shared interface, as the design's structure says.
import { describe, expect, it } from 'vitest';
import type { ModelSpec, StepSpec } from '../../sim/model/index.js';
import { smallOrg } from './fixtures.js';
import { expectFatesAddUp, pairedCI, runReps } from './helpers.js';

/** The reports stream's second step handed to a supplier with `capacity` servers. */
function withSupplier(capacity: number, step: Partial<StepSpec> = {}, rate = 0.8): ModelSpec {
  const base = smallOrg({ questionsPerCase: 0 });
  return {
    ...base,
    suppliers: [{ id: 'acme', name: 'Acme', capacity, contractResponse: { type: 'deterministic', value: 16 } }],
    streams: [
      base.streams[0]!,
      {
        ...base.streams[1]!,
        arrivalRate: rate,
        steps: [
          { team: 'intake', service: { type: 'deterministic', value: 0.1 }, questionsPerCase: 0 },
          { team: 'assess', supplier: 'acme', service: { type: 'deterministic', value: 1 }, questionsPerCase: 0, ...step },
        ],
      },
    ],
  };
}

describe('suppliers', () => {
  it('a supplier step queues at the supplier capacity: never more cases in work, M/D/1 waiting at one server', () => {
    const runs = runReps(withSupplier(1), 4, 52 * 40);
    for (const r of runs) {
      const s = r.suppliers[0]!;
      expect(s.maxBusy).toBe(1);
      expect(s.utilisation).toBeGreaterThan(0.74);
      expect(s.utilisation).toBeLessThan(0.86);
    }
    // Pollaczek-Khinchine for M/D/1 at rho = 0.8 and 1 h service: Wq = rho / (2 mu (1 - rho)) = 2 h.
    // (Arrivals pass the intake step first; with its tiny deterministic service they stay close to Poisson.)
    const wait = runs.reduce((a, r) => a + r.metrics.supplier_wait_mean, 0) / runs.length;
    expect(wait).toBeGreaterThan(1.5);
    expect(wait).toBeLessThan(2.6);
    // Two servers: at most two in work, and far less waiting.
    for (const r of runReps(withSupplier(2), 2, 26 * 40)) {
      expect(r.suppliers[0]!.maxBusy).toBeLessThanOrEqual(2);
      expect(r.metrics.supplier_wait_mean).toBeLessThan(0.6);
    }
  });

  it('questions about the supplier part: all through the contract path (island); agreements first, the contract for what they leave open (USM)', () => {
    const spec = withSupplier(2, { questionsPerCase: 0.5 }, 0.4);
    const contract = runReps(spec, 4, 26 * 40);
    const shared = runReps({ ...spec, policies: { ...spec.policies, supplierInterface: 'shared' } }, 4, 26 * 40);
    for (const r of [...contract, ...shared]) {
      // The contract path stays open in both designs: no design abolishes it.
      expect(r.metrics.contract_questions_per_100).toBeGreaterThan(1);
      expect(r.conservation.arrived).toBe(r.conservation.completed + r.conservation.inSystem);
      // A contract answer is a wait on a party outside the organisation.
      expect(r.metrics.external_wait_mean).toBeGreaterThan(0);
    }
    // The shared interface answers part of them from the stream's agreements (explicit coverage 0.4).
    expect(pairedCI(contract, shared, 'contract_questions_per_100').upper).toBeLessThan(0);
    // Fewer 16-hour contract waits make the supplier's stream faster behind the shared interface.
    expect(pairedCI(shared, contract, 'lead_time_mean').lower).toBeGreaterThan(0);
    expect(pairedCI(shared, contract, 'external_wait_mean').lower).toBeGreaterThan(0);
    // What goes through the contract is a problem either way; registered at the shared interface it is visible to design.
    expect(pairedCI(contract, shared, 'signal_visibility').lower).toBeGreaterThan(0);
  });

  it('a question only the supplier can answer is a problem with its own fate, in either design', () => {
    const spec = withSupplier(2, { questionsPerCase: 0.5 }, 0.4);
    for (const policies of [spec.policies, { ...spec.policies, supplierInterface: 'shared' as const }]) {
      for (const r of runReps({ ...spec, policies }, 2, 13 * 40, 0)) {
        expect(r.anatomy.fates.contract).toBeGreaterThan(0);
        expectFatesAddUp(r);
      }
    }
  });
});
