// Which behaviour parameters of a scenario are assumptions: the ones `stroom
// sensitivity` varies by default. A behaviour field counts when its provenance entry
// says "assumption:" (also after a cited source line: the mechanism is sourced, the
// number is assumed), when it has no entry of its own and its own mapping (a
// distribution) carries `assumption`, or, lacking both, when the behaviour block as a
// whole does. A field vouched for by a source alone is not varied. Pure.

import type { BehaviourSpec } from '../model/spec.js';
import { isPlainObject } from './paths.js';

export const PROBABILITY_FIELDS: ReadonlySet<string> = new Set([
  'signalPropensity', 'improviseTendency', 'improvisationReworkRisk', 'compensationPropensity', 'signalLearningRate', 'untracedVisibility',
  'coordinatorReach', 'designCoverageGain', 'agreementDecay', 'handoverMismatch', 'informalPassOn', 'contestTendency',
]);
/** Counts: varied in whole numbers, at least 1. */
export const COUNT_FIELDS: ReadonlySet<string> = new Set(['designSignalThreshold', 'meetingQuietWeeks', 'informalReachLimit', 'meetingSpawnThreshold']);

export interface BehaviourParameter {
  name: string;
  /** Scenario path to set: behaviour.<name>, or behaviour.<name>.mean for a distribution. */
  path: string;
  /** Value in the resolved model (hours for times, per hour for rates). */
  value: number;
  assumed: boolean;
  probability: boolean;
  integer: boolean;
}

const ASSUMPTION = /assumption\s*:/i;

/** Every numeric behaviour parameter (distributions by their mean), in the file's order where it has one. */
export function behaviourParameters(doc: Record<string, unknown>, spec: BehaviourSpec): BehaviourParameter[] {
  const raw = isPlainObject(doc['behaviour']) ? doc['behaviour'] : {};
  const prov = isPlainObject(raw['provenance']) ? raw['provenance'] : {};
  const blockAssumed = typeof raw['assumption'] === 'string';
  const names = [...new Set([...Object.keys(raw), ...Object.keys(spec)])].filter((k) => k in spec);
  const out: BehaviourParameter[] = [];
  for (const name of names) {
    const v = (spec as unknown as Record<string, unknown>)[name];
    let value: number | undefined;
    let path = `behaviour.${name}`;
    if (typeof v === 'number') value = v;
    else if (isPlainObject(v) && typeof v['mean'] === 'number') {
      value = v['mean'];
      path = `behaviour.${name}.mean`;
    }
    if (value === undefined) continue;
    const entry = prov[name];
    const own = raw[name];
    const assumed =
      typeof entry === 'string'
        ? ASSUMPTION.test(entry)
        : isPlainObject(own) && (typeof own['assumption'] === 'string' || typeof own['source'] === 'string')
          ? typeof own['assumption'] === 'string'
          : blockAssumed;
    out.push({ name, path, value, assumed, probability: PROBABILITY_FIELDS.has(name), integer: COUNT_FIELDS.has(name) });
  }
  return out;
}
