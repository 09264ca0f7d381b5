// `behaviour.persons` and `behaviour.timeline` of a scenario file to the model's
// BehaviourOverride list: each key names a person or a group (all its members), and
// each value the behaviour fields that differ for them. Resolved per design, because a
// design may add persons and groups; the values are the same in every design.

import type { BehaviourOverride, BehaviourSpec, PersonBehaviour } from '../model/spec.js';
import { PERSON_BEHAVIOUR_FIELDS } from '../model/spec.js';
import type { Path } from './paths.js';
import type { Reader } from './reader.js';
import type { RawBehaviour, RawPersonBehaviour } from './schema.js';

export interface Known {
  persons: ReadonlySet<string>;
  groups: ReadonlyMap<string, readonly string[]>;
}

function hint(k: Known): string {
  const list = (xs: string[]) => (xs.length > 10 ? `${xs.slice(0, 10).join(', ')}, ... (${xs.length} in all)` : xs.join(', ') || '(none)');
  return `named persons: ${list([...k.persons].filter((id) => !isMember(id, k)))}; groups: ${list([...k.groups.keys()])}`;
}

function isMember(id: string, k: Known): boolean {
  for (const members of k.groups.values()) if (members.includes(id)) return true;
  return false;
}

function values(raw: RawPersonBehaviour): Partial<PersonBehaviour> {
  const out: Partial<PersonBehaviour> = {};
  for (const f of PERSON_BEHAVIOUR_FIELDS) if (raw[f] !== undefined) out[f] = raw[f];
  return out;
}

function overridesOf(
  raw: Record<string, RawPersonBehaviour>,
  at: number,
  label: string,
  path: Path,
  known: Known,
  reader: Reader,
): BehaviourOverride[] {
  const out: BehaviourOverride[] = [];
  for (const [id, v] of Object.entries(raw)) {
    const here = [...path, id];
    const vals = values(v);
    if (Object.keys(vals).length === 0 && !reader.issues.covers(here)) {
      reader.issues.add(here, `sets no behaviour; person fields: ${PERSON_BEHAVIOUR_FIELDS.join(', ')}`);
    }
    const members = known.groups.get(id);
    if (members) out.push({ at, label: `${label} (${id})`, persons: [...members], values: vals, personal: false });
    else if (known.persons.has(id)) out.push({ at, label: `${label} (${id})`, persons: [id], values: vals, personal: true });
    else if (!reader.issues.covers(here)) reader.issues.add(here, `unknown person or group "${id}"; ${hint(known)}`);
  }
  // A group's values first, so a member named on their own wins over their group.
  return out.sort((a, b) => Number(a.personal) - Number(b.personal));
}

/** The behaviour of one design: the shared values plus the overrides resolved against its persons and groups. */
export function behaviourFor(shared: BehaviourSpec, raw: RawBehaviour, known: Known, reader: Reader): BehaviourSpec {
  if (raw.persons === undefined && raw.timeline === undefined) return shared;
  const overrides = overridesOf(raw.persons ?? {}, 0, 'behaviour.persons', ['behaviour', 'persons'], known, reader);
  (raw.timeline ?? []).forEach((e, i) => {
    const at = reader.time(e.at, ['behaviour', 'timeline', i, 'at']);
    if (at <= 0 && !reader.issues.covers(['behaviour', 'timeline', i, 'at'])) {
      reader.issues.add(['behaviour', 'timeline', i, 'at'], `must be a time after the start, e.g. "8 weeks"; differences from the start go in behaviour.persons`);
    }
    overrides.push(...overridesOf(e.persons, at, e.label, ['behaviour', 'timeline', i, 'persons'], known, reader));
  });
  // Stable: entries at the same moment keep file order.
  overrides.sort((a, b) => a.at - b.at);
  return { ...shared, overrides };
}
