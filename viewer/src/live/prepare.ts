// What the worker runs for a request that carries a live change: the scenario's design
// with one timeline entry added at the change's week (sim/model/live-change.ts), so a
// run changed "now" in the viewer is the same run a scenario file with that entry would
// give. DOM-free; the worker and a Node test both use it.

import { adoptablePilots, adoptablePolicies, withLiveChange, type LiveChange } from '../../../sim/model/live-change.js';
import type { Policies } from '../../../sim/model/spec.js';
import { runSpec, type RunSpec } from '../scenarios.js';

export interface ChangeRequest {
  /** Model hours from the start; a whole number of weeks. */
  at: number;
  /** Adopt this design's policies (its roles, routes, rules, reserved time, meetings cadence)… */
  design?: string;
  /** …or change these policies. */
  policies?: Partial<Policies>;
}

export interface PreparedRun extends RunSpec {
  change: LiveChange | null;
}

export function describeChange(c: ChangeRequest): string {
  const week = Math.round(c.at / 40) + 1;
  if (c.design) return `from week ${week}: the policies of ${c.design}`;
  const parts = Object.entries(c.policies ?? {}).map(([k, v]) => `${k} = ${String(v)}`);
  return `from week ${week}: ${parts.join(', ')}`;
}

export function prepareRun(scenario: string, design: string, weeks?: number, warmupWeeks?: number, change?: ChangeRequest): PreparedRun {
  const r = runSpec(scenario, design, weeks, warmupWeeks);
  if (!change) return { ...r, change: null };
  const end = r.horizon + r.warmup;
  if (!(Number.isFinite(change.at) && change.at > 0 && change.at < end && change.at % 40 === 0)) {
    throw new Error(`a change must start at a week boundary inside the run (1 to ${Math.round(end / 40) - 1} weeks in); got hour ${change.at}`);
  }
  const adopted = change.design ? runSpec(scenario, change.design, weeks, warmupWeeks).spec : null;
  const policies = adopted ? adoptablePolicies(adopted) : (change.policies ?? {});
  const pilots = adopted ? adoptablePilots(adopted) : [];
  if (Object.keys(policies).length === 0 && pilots.length === 0) throw new Error('the change names no policy');
  const live: LiveChange = { at: change.at, label: describeChange(change), policies, ...(pilots.length > 0 ? { pilots } : {}) };
  return { ...r, spec: withLiveChange(r.spec, live), change: live };
}
