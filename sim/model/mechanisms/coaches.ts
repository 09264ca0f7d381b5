// Coaches (003:L1283-1291): someone from outside the team's line who, while present,
// takes the questions the team cannot answer itself. The source reports that teams
// coached intensively at the start showed more dependent behaviour and less
// independence later than other teams (003:L1289-1291); the model does not set that,
// it follows from the rules already there:
//
// The rule: while `policies.coaching` is on (a timeline gives the window), a question
// that neither an agreement nor a key person answers, raised in a team that has a coach
// (role `coach:<team>`), goes to the coach instead of becoming a problem: the case waits
// until the coach has answered it (the question type's answer effort). The coach's
// answer is like a hero's fix: it leaves a visible design signal only with
// `untracedVisibility`, and the operator neither improvises, escalates nor signals, so
// they learn nothing about signalling (learning.ts) and design sees fewer of the
// team's problems (design.ts). While coached the team escalates less; its explicit
// coverage grows more slowly than an uncoached team's, and when the coach leaves the
// questions come back as escalations. Questions already with the coach when coaching
// ends are still answered. Stream: `visibility` (as for other untraced fixes).

import { workArrives } from '../agents.js';
import { PART_KEY_PERSON, switchPart } from '../attribution.js';
import type { PersonState } from '../person.js';
import { R_PARKED } from '../store.js';
import type { World } from '../world.js';
import { recordSignal } from './design.js';

/** The coach of team t who takes a question now (present first), or -1. */
export function coachFor(w: World, team: number): number {
  if (w.policy.coaching !== true) return -1;
  const coaches = w.ext.coaches[team]!;
  let fallback = -1;
  for (let i = 0; i < coaches.length; i++) {
    const c = coaches[i]!;
    if (w.persons[c]!.absentDepth === 0) return c;
    if (fallback < 0) fallback = c;
  }
  return fallback;
}

/** Hands question q of case id to coach c: the case waits for the answer. */
export function askCoach(w: World, id: number, q: number, c: number): void {
  const r = w.requests;
  const coach: PersonState = w.persons[c]!;
  r.status[id] = R_PARKED;
  switchPart(w, id, PART_KEY_PERSON);
  coach.consults.push(id);
  coach.consultTypes.push(q);
  if (w.observing) w.ext.coachAnswers++;
  if (w.rng.visibility.next() < w.spec.behaviour.untracedVisibility) {
    recordSignal(w, r.stream[id]!, q);
    w.metrics.visibleProblem();
  }
  workArrives(w, coach);
}
