// Mechanism 5: agreement erosion (DOMAIN.md §4.5; 000:L724-736; 001:L4764-4827).
//
// The rule: every week explicit coverage loses `agreementDecay` of itself (turnover,
// new case variants, exceptions that become normal: the rate is an assumption of the
// scenario). Meeting-made agreements need no decay: they simply expire
// (meetingAgreementValidity, see meetings.ts).

import type { World } from '../world.js';

/** Handler part of the weekly tick. */
export function erodeAgreements(w: World): void {
  const keep = 1 - w.policy.agreementDecay;
  if (keep >= 1) return;
  const x = w.explicit;
  for (let c = 0; c < x.length; c++) x[c] = x[c]! * keep;
}
