// Mechanism 5: agreement erosion (DOMAIN.md §4.5; 000:L724-736; 001:L4764-4827).
//
// The rule: every week explicit coverage and shared handover definitions lose
// `agreementDecay` of themselves (new case variants, exceptions that become normal:
// the rate is a behaviour assumption of the scenario, the same in every design).
// Meeting-made agreements need no decay: they simply expire (meetingAgreementValidity,
// see meetings.ts).

import type { World } from '../world.js';

/** Handler part of the weekly tick. */
export function erodeAgreements(w: World): void {
  const keep = 1 - w.spec.behaviour.agreementDecay;
  if (keep >= 1) return;
  const x = w.explicit;
  for (let c = 0; c < x.length; c++) x[c] = x[c]! * keep;
  const d = w.definitions;
  for (let c = 0; c < d.length; c++) d[c] = d[c]! * keep;
}
