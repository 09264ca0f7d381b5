// The USM process kinds of requests (001:L2441-2455: agree, change, recover, operate,
// improve) and the rules that set them apart. The books name the five processes and
// what each answers; how each runs through a queue here is ours, and the same in every
// design (a scenario switches the rules on with `organisation.processKinds`):
//
//   - recover (something went wrong, 001:L2447): urgent. A team's operators take a
//     waiting recover request before any other waiting case (first come among recover
//     requests). No pre-emption: work in hand is finished first. A recover request taken
//     this way is no line/process collision: both orders put it first.
//   - change (adjust what was agreed, 001:L2446): needs an agreement before its first
//     step. A standing explicit agreement for the stream (the explicit coverage of the
//     `changeAgreement` question type, e.g. a standard change) lets it pass at once;
//     otherwise it waits until the agreement's owner (the stream's process manager, else
//     the manager of the first step's team) has agreed it, which takes that person the
//     question type's answer effort. Design work on that cell raises the coverage, so
//     fewer changes wait: an outcome, never set.
//   - improve (how do we get better, 001:L2449): design work, not casework. It adds a
//     visible signal to the design backlog cell (stream, `improveQuestionType`) and
//     waits, occupying nobody, until design work on that cell takes effect; then it is
//     answered. It is kept out of the casework figures (arrivals, WIP, lead time, due
//     dates, per-100 rates): `improve_requests_per_week`, `lead_time_improve` and, for
//     those design has not answered yet, `improve_open` and `improve_open_age_mean`
//     report it. A request that arrives while the cell's design is under way is
//     answered by it.
//   - operate and agree: the plain flow. (An agree request, making a service agreement
//     with a client, has no rule of its own yet.)
//
// Stream: `kinds` (whether a standing agreement covers a change).

import { workArrives } from '../agents.js';
import { PART_MANAGER, switchPart } from '../attribution.js';
import { KIND_CHANGE, KIND_IMPROVE, KIND_RECOVER } from '../extensions.js';
import { R_PARKED } from '../store.js';
import type { TeamQueue } from '../team-queue.js';
import type { World } from '../world.js';
import { recordSignal } from './design.js';

/**
 * An improve request is design work: true if the rule takes it (into the design backlog,
 * outside the casework figures), before the request is counted as an arrival.
 */
export function improveAtArrival(w: World, id: number): boolean {
  const rules = w.ext.kinds;
  if (rules === null || rules.improveType < 0) return false;
  const r = w.requests;
  if (r.kind[id] !== KIND_IMPROVE) return false;
  const s = r.stream[id]!;
  const cell = s * w.nTypes + rules.improveType;
  r.step[id] = 0;
  r.status[id] = R_PARKED;
  w.ext.improveWaiting[cell]!.push(id);
  if (w.observing) w.ext.improveArrivals++;
  recordSignal(w, s, rules.improveType, undefined, false);
  return true;
}

/**
 * Applies the rule of a new request's kind before its first step. True if the rule
 * took the case (parked for an agreement, or handed to design); false: the case enters
 * its first step as usual. `enter` puts the case in step 0 without queueing it.
 */
export function kindAtArrival(w: World, id: number): boolean {
  const rules = w.ext.kinds;
  if (rules === null) return false;
  const r = w.requests;
  const kind = r.kind[id]!;
  const s = r.stream[id]!;
  if (kind === KIND_CHANGE && rules.changeType >= 0) {
    const q = rules.changeType;
    if (w.ext.rng.kinds.next() < w.explicit[s * w.nTypes + q]!) return false;
    const owner = w.streamManager[s]! >= 0 ? w.streamManager[s]! : w.teamManager[w.stepTeam[s]![0]!]!;
    if (owner < 0) return false;
    // Parked in step 0 with one more open question: agreeing it (consultDone -> unpark) settles that one.
    r.step[id] = 0;
    r.questionsLeft[id] = r.questions[id * r.maxSteps]! + 1;
    r.improvised[id] = 0;
    r.teamEnter[id] = w.sim.now;
    r.stepEnter[id] = w.sim.now;
    r.status[id] = R_PARKED;
    switchPart(w, id, PART_MANAGER);
    const p = w.persons[owner]!;
    p.consults.push(id);
    p.consultTypes.push(q);
    if (w.observing) w.ext.changeApprovals++;
    workArrives(w, p);
    return true;
  }
  return false;
}

/** Position of the first waiting recover request in a team's queue, or -1 (rules off or none). */
export function recoverPosition(w: World, queue: TeamQueue): number {
  const rules = w.ext.kinds;
  if (rules === null || !rules.recoverFirst) return -1;
  const kind = w.requests.kind;
  for (let i = 0; i < queue.length; i++) if (kind[queue.at(i)] === KIND_RECOVER) return i;
  return -1;
}

/** Design work took effect on a cell: the improve requests waiting for it are answered. */
export function improveDone(w: World, cell: number): void {
  const waiting = w.ext.improveWaiting[cell];
  if (waiting === undefined || waiting.length === 0) return;
  const r = w.requests;
  for (const id of waiting) {
    w.ext.complete(r.kind[id]!, w.sim.now - r.arrival[id]!, w.observing);
    r.release(id);
  }
  waiting.length = 0;
}

/** Improve requests design has not answered yet, and their mean age now [h]. */
export function improveOpen(w: World): { open: number; ageMean: number } {
  const r = w.requests;
  let open = 0;
  let age = 0;
  for (const waiting of w.ext.improveWaiting) {
    for (const id of waiting) {
      open++;
      age += w.sim.now - r.arrival[id]!;
    }
  }
  return { open, ageMean: open > 0 ? age / open : Number.NaN };
}
