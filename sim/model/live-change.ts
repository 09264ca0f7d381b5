// A change made during a run (the viewer's "change now" for a trainer): from a given
// week on, some policies differ, or the run adopts another design's policies. It is
// nothing but a timeline entry (spec.timeline), so the changed run is exactly the run
// of the design with that entry added: deterministic, checkable, and the same thing a
// scenario file's transition phases do. Only policies change: who holds which role,
// routes, rules, reserved time and meetings. Behaviour stays the scenario's; the
// starting definitions (sharedDefinitions) are a fact of the start and cannot switch.

import { POLICY_FIELD_KINDS, type ModelSpec, type PilotSpec, type Policies, type TimelineEntry } from './spec.js';
import { validateModel } from './validate.js';

export interface LiveChange {
  /** Model hours from the start (a week boundary in the viewer). */
  at: number;
  label: string;
  policies: Partial<Policies>;
  /** Pilots the change brings (adopting a design that has them): scoped entries after `policies`. */
  pilots?: PilotSpec[];
}

/** The policies of another design that a run can adopt mid-way (all but the starting definitions). */
export function adoptablePolicies(design: ModelSpec): Partial<Policies> {
  const out: Partial<Policies> = {};
  for (const k of Object.keys(POLICY_FIELD_KINDS) as (keyof Policies)[]) {
    if (k === 'sharedDefinitions') continue;
    (out as Record<string, unknown>)[k] = design.policies[k];
  }
  return out;
}

/** The pilots of another design, as a run adopts them mid-way (without the starting definitions); empty ones dropped. */
export function adoptablePilots(design: ModelSpec): PilotSpec[] {
  const out: PilotSpec[] = [];
  for (const p of design.pilots ?? []) {
    const { sharedDefinitions: _start, ...policies } = p.policies;
    if (Object.keys(policies).length > 0) out.push({ label: p.label, scope: p.scope, policies });
  }
  return out;
}

/** A copy of `spec` with the change as one more timeline entry (kept in time order;
 *  an entry at the same time as an earlier one comes after it). Validated. */
export function withLiveChange(spec: ModelSpec, change: LiveChange): ModelSpec {
  const entries: TimelineEntry[] = [
    { at: change.at, label: change.label, policies: { ...change.policies } },
    ...(change.pilots ?? []).map((p) => ({ at: change.at, label: `${change.label}: ${p.label}`, policies: { ...p.policies }, scope: p.scope })),
  ];
  const timeline = [...spec.timeline];
  let k = timeline.length;
  while (k > 0 && timeline[k - 1]!.at > change.at) k--;
  timeline.splice(k, 0, ...entries);
  const out: ModelSpec = { ...spec, timeline };
  validateModel(out);
  return out;
}
