// Mechanism 1: questions and coverage (DOMAIN.md §4.1; 000:L500-503, L1073-1075,
// L1002-1005, L2098-2121).
//
// The rule: every question that comes up while a case is worked on is answered, in
// this order, by
//   - an explicit agreement, with probability = the explicit coverage of its
//     (stream, question type): no delay;
//   - a meeting-made agreement for that cell that has not yet expired: no delay;
//   - a key person who knows it tacitly, with probability = the tacit share: the case
//     is parked until that person has time to answer (mechanism 8);
//   - nobody. Then the operator either signals it (a USM operator: it becomes an
//     escalation and a visible design signal) or improvises with their improvise
//     tendency (extra effort, rework risk, rarely visible) or escalates it.
// Streams: `question-types` (which type arises), `coverage` (which answer applies),
// `improvise` (improvise or escalate).

import type { PersonState } from '../person.js';
import { ESC_QUESTION, R_PARKED } from '../store.js';
import { TR_QUESTION } from '../trace.js';
import type { World } from '../world.js';
import { escalate } from './escalation.js';
import { tacitHolder } from './keypersons.js';
import { recordSignal, signalEscalation } from './design.js';
import { workArrives } from '../agents.js';
import { enqueue } from '../flow.js';

export const ANSWERED = 0;
export const IMPROVISED = 1;
export const PARKED = 2;

/** How a question was answered, for metrics and traces. */
export const HOW_EXPLICIT = 0;
export const HOW_MEETING = 1;
export const HOW_TACIT = 2;
export const HOW_IMPROVISED = 3;
export const HOW_ESCALATED = 4;
export const HOW_NAMES = ['explicit', 'meeting', 'tacit', 'improvised', 'escalated'] as const;

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
  if (v < w.tacit[cell]!) {
    const team = w.stepTeam[s]![r.step[id]!]!;
    const holder = tacitHolder(w, team, person.index);
    if (holder >= 0) {
      const h = w.persons[holder]!;
      r.status[id] = R_PARKED;
      h.consults.push(id);
      h.consultTypes.push(q);
      note(w, id, q, HOW_TACIT, PARKED);
      workArrives(w, h);
      return PARKED;
    }
  }
  // Nobody answers: a problem has occurred.
  w.metrics.problem();
  const b = w.spec.behaviour;
  if (!w.policy.operatorsSignal && w.rng.improvise.next() < b.improviseTendency) {
    r.improvised[id] = 1;
    w.metrics.improvisation();
    if (w.rng.improvise.next() < w.policy.signalVisibility) {
      recordSignal(w, s, q);
      w.metrics.visibleProblem();
    }
    return note(w, id, q, HOW_IMPROVISED, IMPROVISED);
  }
  note(w, id, q, HOW_ESCALATED, PARKED);
  r.status[id] = R_PARKED;
  const e = escalate(w, id, q, reason, true);
  if (w.policy.operatorsSignal) signalEscalation(w, e);
  return PARKED;
}

function note(w: World, id: number, q: number, how: number, result: number): number {
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
