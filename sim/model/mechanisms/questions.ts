// Mechanism 1: questions and coverage (DOMAIN.md §4.1; 000:L500-503, L1073-1075,
// L1002-1005, L2098-2121, L2138-2160, L605-611).
//
// The rule: every question that comes up while a case is worked on is answered, in
// this order, by
//   - an explicit agreement, with probability = the explicit coverage of its
//     (stream, question type): no delay;
//   - a meeting-made agreement for that cell that has not yet expired: no delay;
//   - a key person who knows it tacitly, with probability = the tacit share, scaled by
//     how many of the team's key persons are still there (mechanism 8): the case is
//     parked until that person has time to answer. A newcomer sends every open question
//     to a key person while one exists (000:L605-611);
//   - nobody: a problem. The operator signals it with their own, learned signal
//     propensity (it is escalated and recorded as a visible design signal that they
//     will learn from: learning.ts); otherwise improvises with the improvise tendency
//     (extra effort, rework risk; visible only with `untracedVisibility`), or escalates
//     it plainly (whether that becomes visible depends on who receives it). Where the
//     team has a coach present (coaches.ts), what the operator signals or escalates
//     goes to the coach instead of up the line; the draws are the same.
// The same rule in every design: designs change what answers questions and whether
// signals are answered, never the propensities.
// Streams: `question-types` (which type arises), `coverage` (which answer applies),
// `signal` (signal or not), `improvise` (improvise or escalate), `visibility`.

import type { PersonState } from '../person.js';
import { ESC_HANDOVER, ESC_QUESTION, R_PARKED } from '../store.js';
import { PART_HANDOVER, PART_KEY_PERSON, switchPart } from '../attribution.js';
import { TR_QUESTION } from '../trace.js';
import type { World } from '../world.js';
import { escalate } from './escalation.js';
import { tacitHolder } from './keypersons.js';
import { recordSignal, signalEscalation } from './design.js';
import { workArrives } from '../agents.js';
import { enqueue } from '../flow.js';
import { askCoach, coachFor } from './coaches.js';
import { STRAIN_IMPROVISATION, STRAIN_WAITING } from '../strain.js';

export const ANSWERED = 0;
export const IMPROVISED = 1;
export const PARKED = 2;

/** How a question was answered, for metrics and traces. */
export const HOW_EXPLICIT = 0;
export const HOW_MEETING = 1;
export const HOW_TACIT = 2;
export const HOW_IMPROVISED = 3;
export const HOW_ESCALATED = 4;
export const HOW_SIGNALLED = 5;
/** Passed on to the team's coach (coaches.ts). */
export const HOW_COACH = 6;
/** Through a supplier's contract path (suppliers.ts). */
export const HOW_CONTRACT = 7;
export const HOW_NAMES = ['explicit', 'meeting', 'tacit', 'improvised', 'escalated', 'signalled', 'coach', 'contract'] as const;

/** Settles the open questions of a case's current step. False if one parked the case. */
export function resolveQuestions(w: World, id: number, operator: PersonState): boolean {
  const r = w.requests;
  while (r.questionsLeft[id]! > 0) {
    const q = w.rng.questionTypes.pickWeighted(w.typeWeights, w.typeWeightTotal);
    if (answer(w, id, q, operator, ESC_QUESTION) === PARKED) return false;
    r.questionsLeft[id] = r.questionsLeft[id]! - 1;
  }
  return true;
}

/** Answers one question of type q about case id, raised by `person`. */
export function answer(w: World, id: number, q: number, person: PersonState, reason: number): number {
  const r = w.requests;
  const s = r.stream[id]!;
  const cell = s * w.nTypes + q;
  const now = w.sim.now;
  const u = w.rng.coverage.next();
  if (u < w.explicit[cell]!) return note(w, id, q, HOW_EXPLICIT, ANSWERED);
  if (w.meetingValidUntil[cell]! > now) return note(w, id, q, HOW_MEETING, ANSWERED);
  // The tacit share applies to what explicit coverage leaves open.
  const v = w.rng.coverage.next();
  const team = w.stepTeam[s]![r.step[id]!]!;
  const initialKeys = w.teamKeyInitial[team]!;
  const tacitShare = initialKeys > 0 ? (w.tacit[cell]! * w.teamKeyPersons[team]!.length) / initialKeys : w.tacit[cell]!;
  if (v < tacitShare || person.newcomerUntil > now) {
    const holder = tacitHolder(w, team, person.index);
    if (holder >= 0) {
      const h = w.persons[holder]!;
      r.status[id] = R_PARKED;
      switchPart(w, id, reason === ESC_HANDOVER ? PART_HANDOVER : PART_KEY_PERSON);
      h.consults.push(id);
      h.consultTypes.push(q);
      note(w, id, q, HOW_TACIT, PARKED);
      w.ext.strain.add(person.index, STRAIN_WAITING);
      workArrives(w, h);
      return PARKED;
    }
  }
  // Nobody answers: a problem has occurred. The operator's own draws decide what they
  // do with it; a coach present for the team (coaches.ts) is where what they pass on goes.
  w.metrics.problem();
  const coach = coachFor(w, team);
  const toCoach = coach >= 0 && coach !== person.index;
  if (w.rng.signal.next() < person.signalPropensity) {
    w.ext.strain.add(person.index, STRAIN_WAITING);
    note(w, id, q, HOW_SIGNALLED, PARKED);
    r.status[id] = R_PARKED;
    w.metrics.operatorSignal();
    if (toCoach) {
      // The signal is on the backlog all the same; the coach answers the case.
      w.metrics.anatomy.coach++;
      recordSignal(w, s, q, person.index);
      w.metrics.visibleProblem();
      askCoach(w, id, q, coach, true, reason);
      return PARKED;
    }
    const e = escalate(w, id, q, reason, true);
    signalEscalation(w, e, person.index);
    return PARKED;
  }
  if (w.rng.improvise.next() < person.improviseTendency) {
    r.improvised[id] = 1;
    w.metrics.improvisation();
    w.ext.strain.add(person.index, STRAIN_IMPROVISATION);
    if (w.rng.visibility.next() < w.spec.behaviour.untracedVisibility) {
      recordSignal(w, s, q);
      w.metrics.visibleProblem();
    }
    return note(w, id, q, HOW_IMPROVISED, IMPROVISED);
  }
  w.ext.strain.add(person.index, STRAIN_WAITING);
  r.status[id] = R_PARKED;
  if (toCoach) {
    w.metrics.anatomy.coach++;
    note(w, id, q, HOW_COACH, PARKED);
    askCoach(w, id, q, coach, false, reason);
    return PARKED;
  }
  note(w, id, q, HOW_ESCALATED, PARKED);
  escalate(w, id, q, reason, true);
  return PARKED;
}

/** Counts how question q of case id was answered (and traces it); returns `result`. */
export function note(w: World, id: number, q: number, how: number, result: number): number {
  w.metrics.question(how);
  if (w.trace !== null) w.trace.add(w.sim.now, TR_QUESTION, w.requests.serial[id]!, q, how);
  return result;
}

/** A key person answered a tacit question: the case goes back to its queue. */
export function consultDone(w: World, id: number, _q: number, holder: PersonState): void {
  holder.decisions++;
  w.metrics.decision(holder.index);
  unpark(w, id);
}

/** A parked case's question is settled: it rejoins its team's queue in its old place. */
export function unpark(w: World, id: number): void {
  const r = w.requests;
  if (r.questionsLeft[id]! > 0) r.questionsLeft[id] = r.questionsLeft[id]! - 1;
  enqueue(w, id);
}
