// Behaviour per person: every person starts from the scenario's shared behaviour, then
// the overrides of `behaviour.overrides` that apply from the start; later ones are
// applied by an event at their moment (the same moment in every design). Values are
// copied onto the PersonState once, so mechanisms read `p.improviseTendency` instead of
// looking anything up per event.
//
// A personal override describes the person; the values of their place (the shared
// ones, with non-personal overrides such as a group's) are kept in `slot`, where a
// newcomer who replaces them (turnover.ts) starts again.

import type { PersonState } from './person.js';
import { type BehaviourOverride, type BehaviourSpec, PERSON_BEHAVIOUR_FIELDS, type PersonBehaviourField } from './spec.js';
import type { World } from './world.js';

function set(p: PersonState, field: PersonBehaviourField, v: number): void {
  switch (field) {
    case 'signalPropensity':
      p.signalPropensity = v;
      break;
    case 'compensationPropensity':
      p.propensity = v;
      break;
    default:
      p[field] = v;
  }
}

/** Every person gets the shared values; overrides at hour 0 or earlier are applied now. */
export function initPersonBehaviour(w: World): void {
  const b = w.spec.behaviour;
  const n = PERSON_BEHAVIOUR_FIELDS.length;
  for (const p of w.persons) {
    p.slot = new Float64Array(n);
    PERSON_BEHAVIOUR_FIELDS.forEach((f, k) => {
      p.slot![k] = b[f];
      set(p, f, b[f]);
    });
  }
  for (const o of b.overrides ?? []) if (o.at <= 0) applyOverride(w, o);
}

/** The overrides that take effect after the start, with their indices in `behaviour.overrides`. */
export function laterOverrides(b: BehaviourSpec): number[] {
  const out: number[] = [];
  (b.overrides ?? []).forEach((o, i) => {
    if (o.at > 0) out.push(i);
  });
  return out;
}

/**
 * Sets the values of override `o` on its persons (a learned propensity is reset to the
 * new value). A personal override describes the person named, so it passes over a
 * newcomer who has taken their place by then; the values of a place (non-personal)
 * apply to whoever holds it.
 */
export function applyOverride(w: World, o: BehaviourOverride): void {
  for (const id of o.persons) {
    const i = w.personIndex.get(id);
    if (i === undefined) throw new Error(`model: behaviour override "${o.label}" names unknown person "${id}"`);
    const p = w.persons[i]!;
    PERSON_BEHAVIOUR_FIELDS.forEach((f, k) => {
      const v = o.values[f];
      if (v === undefined) return;
      if (o.personal && p.replaced > 0) return;
      set(p, f, v);
      if (!o.personal) p.slot![k] = v;
    });
  }
}

/** A newcomer takes the place of p: the values of the place, not of the person who left. */
export function resetToSlot(p: PersonState): void {
  PERSON_BEHAVIOUR_FIELDS.forEach((f, k) => set(p, f, p.slot![k]!));
}
