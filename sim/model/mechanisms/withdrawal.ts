// Mechanism 2b: no work on cases already done (DOMAIN.md §4.2, §4.6).
//
// The rule: an escalation that does not block its case (a contested collision) is
// about a case at one step. When the case completes, or moves past that step, before
// anyone has handled the escalation, it is withdrawn: taken out of the queue of the
// person or meeting holding it, counted with how long it had waited, and never handled.
// If someone is working on it at that moment, they stop and take up their next work
// (only after all of the case's escalations are withdrawn, so they cannot pick up
// another one about the same case). A meeting already in session keeps what it took up:
// its decision still becomes a meeting-made agreement, but no case is held for it.
// Blocking escalations cannot go stale: their case waits for them. No random stream.

import { dispatch, setCategory, setState } from '../agents.js';
import { CAT_IDLE, type PersonState, ST_FREE, TASK_ESCALATION, TASK_NONE } from '../person.js';
import { OUT_WITHDRAWN } from '../store.js';
import { TR_RESOLVED } from '../trace.js';
import type { World } from '../world.js';

/** Has escalation e's case completed, or moved past the step it was raised about? */
export function isStale(w: World, e: number): boolean {
  const E = w.escalations;
  const id = E.request[e]!;
  const r = w.requests;
  return r.serial[id] !== E.serial[e] || r.step[id]! > E.step[e]!;
}

/** Case id leaves its current step (on to the next, or done): its open non-blocking escalations are withdrawn. */
export function withdrawForCase(w: World, id: number): void {
  const r = w.requests;
  let e = r.escHead[id]!;
  if (e < 0) return;
  r.escHead[id] = -1;
  const E = w.escalations;
  let stopped: PersonState[] | null = null;
  while (e >= 0) {
    const next = E.nextForCase[e]!;
    E.nextForCase[e] = -1;
    const p = withdrawOnly(w, e);
    if (p !== null) (stopped ??= []).push(p);
    e = next;
  }
  if (stopped !== null) for (const p of stopped) dispatch(w, p);
}

/** Takes escalation e off its case's list of open escalations (it ended normally). */
export function unlinkFromCase(w: World, e: number): void {
  const E = w.escalations;
  const id = E.request[e]!;
  const r = w.requests;
  if (r.serial[id] !== E.serial[e]) return;
  let prev = -1;
  for (let x = r.escHead[id]!; x >= 0; prev = x, x = E.nextForCase[x]!) {
    if (x !== e) continue;
    if (prev < 0) r.escHead[id] = E.nextForCase[x]!;
    else E.nextForCase[prev] = E.nextForCase[x]!;
    E.nextForCase[x] = -1;
    return;
  }
}

/** Withdraws escalation e wherever it is: a person's queue, their hands, a meeting's queue, or the fallback wait. */
export function withdraw(w: World, e: number): void {
  const p = withdrawOnly(w, e);
  if (p !== null) dispatch(w, p);
}

/** Withdraws e; returns the person who was working on it and must now take up other work, or null. */
function withdrawOnly(w: World, e: number): PersonState | null {
  const E = w.escalations;
  if (!Number.isNaN(E.resolved[e]!)) return null;
  const now = w.sim.now;
  E.outcome[e] = OUT_WITHDRAWN;
  E.resolved[e] = now;
  w.metrics.withdrawn(e);
  if (w.trace !== null) w.trace.add(now, TR_RESOLVED, E.id[e]!, OUT_WITHDRAWN, -1);
  const who = E.receiver[e]!;
  const p = unhook(w, e, who);
  // A meeting in session or a pending fallback still refers to the slot: they let it go.
  if (E.held[e] === 0) E.release(e);
  return p;
}

/** Takes withdrawn escalation e out of wherever it waits or is worked on. */
function unhook(w: World, e: number, who: number): PersonState | null {
  const now = w.sim.now;
  if (who >= 0) {
    const p = w.persons[who]!;
    const at = p.escalations.indexOf(e);
    if (at >= 0) {
      removeAt(p.escalations, at);
    } else if (p.task === TASK_ESCALATION && p.taskRef === e) {
      // Working on it right now: stop; the time so far was spent while the case was open.
      w.sim.cancel(p.taskEvent);
      w.metrics.escalationWork(e, now - p.taskStart, false);
      p.task = TASK_NONE;
      p.taskEvent = -1;
      setState(w, p, ST_FREE);
      setCategory(w, p, CAT_IDLE);
      return p;
    } else if (p.resumeTask === TASK_ESCALATION && p.resumeRef === e) {
      p.resumeTask = TASK_NONE;
    }
    return null;
  }
  // Waiting for a meeting that has not sat yet.
  for (let m = 0; m < w.meetingQueues.length; m++) {
    const q = w.meetingQueues[m]!;
    if (q.length === 0) continue;
    const at = q.indexOf(e);
    if (at >= 0) {
      removeAt(q, at);
      return null;
    }
  }
  // Otherwise it waits for the fallback rule, which now finds it ended.
  return null;
}

/** Removes list[at] in place, keeping the order (splice would allocate the array of removed items). */
function removeAt(list: number[], at: number): void {
  for (let i = at + 1; i < list.length; i++) list[i - 1] = list[i]!;
  list.pop();
}
