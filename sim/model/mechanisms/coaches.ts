// Coaches (003:L1283-1291): someone from outside the team's line who, while present,
// takes the questions the team cannot answer itself. The source reports that teams
// coached intensively at the start showed more dependent behaviour and less
// independence later than other teams (003:L1289-1291); the model does not set that,
// it follows from the rules already there:
//
// The rule: while `policies.coaching` is on (a timeline gives the window), a team that
// has a coach (role `coach:<team>`) passes what it cannot answer itself to the coach
// instead of up the line. Which is structure: the coach is where an escalation goes.
// What the operator does with an unanswered question is drawn exactly as without a
// coach (questions.ts: signal, improvise, or pass on, with the person's own
// propensities); only the receiver changes:
//   - a signalled question is on the design backlog as always, and the coach answers
//     the case;
//   - a question passed on plainly goes to the coach, who answers it (the question
//     type's answer effort) while the case waits. Like a hero's fix, the answer leaves
//     a visible design signal only with `untracedVisibility`: it never reaches the
//     managers and meetings where escalations become agreements and design signals.
// While coached the team escalates less; fewer of its problems reach managers and
// meetings (where escalations become meeting agreements and design signals), and when
// the coach leaves the questions come back as escalations. Nothing here makes the team
// learn less by itself: the model has no learning from settling one's own problems. Questions already with the coach when
// coaching ends are still answered. Stream: `visibility` (as for other untraced fixes).

import { workArrives } from '../agents.js';
import { PART_HANDOVER, PART_KEY_PERSON, switchPart } from '../attribution.js';
import type { PersonState } from '../person.js';
import { ESC_HANDOVER, R_PARKED } from '../store.js';
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

/** Hands question q of case id to coach c: the case waits for the answer. `visible`: already on the backlog (signalled); `reason`: ESC_QUESTION or ESC_HANDOVER (the lead-time part it waits in). */
export function askCoach(w: World, id: number, q: number, c: number, visible: boolean, reason: number): void {
  const r = w.requests;
  const coach: PersonState = w.persons[c]!;
  r.status[id] = R_PARKED;
  switchPart(w, id, reason === ESC_HANDOVER ? PART_HANDOVER : PART_KEY_PERSON);
  coach.consults.push(id);
  coach.consultTypes.push(q);
  if (w.observing) w.ext.coachAnswers++;
  if (!visible && w.rng.visibility.next() < w.spec.behaviour.untracedVisibility) {
    recordSignal(w, r.stream[id]!, q);
    w.metrics.visibleProblem();
  }
  workArrives(w, coach);
}
