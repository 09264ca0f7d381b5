// The scheduler of a person's time: what a free person takes up next, across their
// roles, and how work in progress is interrupted by meetings, absence and the end of
// the working week. Every change of what someone does goes through `setCategory`, so
// the time account of each person always adds up.
//
// Order in which a free person takes up work (one thing at a time, 000:L2608):
//   1. a task that was interrupted;
//   2. tacit questions waiting for them (a colleague's case is blocked on them);
//   3. design work, if they are a manager with protected design time left this week;
//   4. escalations addressed to them;
//   5. cases in their team's queue, if they are an operator;
//   6. design work in whatever time is left (the island manager's only design time).

import {
  ACT_ABSENT, ACT_COMPENSATE, ACT_COORDINATE, ACT_DESIGN, ACT_IDLE, ACT_MEETING, ACT_OFF, ACT_OPERATE, ACT_OVERTIME,
  CAT_ABSENT, CAT_CONSULT, CAT_IDLE, CAT_OFF, type PersonState, ST_ABSENT, ST_BUSY, ST_FREE, ST_OFF, TASK_CONSULT,
  TASK_DESIGN, TASK_ESCALATION, TASK_NONE, TASK_OPERATE,
} from './person.js';
import { consultDone } from './mechanisms/questions.js';
import { escalationDone, escalationStart } from './mechanisms/intervention.js';
import { designChunkDone, designItemFor, startDesign } from './mechanisms/design.js';
import { pickNextCase } from './mechanisms/collisions.js';
import { isStale } from './mechanisms/withdrawal.js';
import { goOffDuty } from './mechanisms/overtime.js';
import { beginStep, stepDone } from './flow.js';
import { TR_ACTIVITY } from './trace.js';
import { WEEK_HOURS } from './spec.js';
import type { World } from './world.js';

const CATEGORY_ACTIVITY = [ACT_OPERATE, ACT_OPERATE, ACT_COORDINATE, ACT_COORDINATE, ACT_COMPENSATE, ACT_DESIGN, ACT_MEETING, ACT_IDLE, ACT_ABSENT, ACT_OFF];

/** Changes a person's state, keeping each team's count of free operators (so a new case
 *  wakes nobody when nobody is free, without scanning the team). */
export function setState(w: World, p: PersonState, state: number): void {
  if (p.operatorTeam >= 0) {
    const delta = (state === ST_FREE ? 1 : 0) - (p.state === ST_FREE ? 1 : 0);
    if (delta !== 0) w.teamFree[p.operatorTeam] = w.teamFree[p.operatorTeam]! + delta;
  }
  if (state === ST_FREE && p.state !== ST_FREE && p.operatorTeam >= 0) w.freeOperators[p.operatorTeam]!.push(p);
  p.state = state;
}

/** Books time so far and switches the person to a new category of time. */
export function setCategory(w: World, p: PersonState, category: number): void {
  p.account(w.sim.now);
  p.category = category;
  let act = CATEGORY_ACTIVITY[category]!;
  if (p.overtime && act !== ACT_OFF && act !== ACT_ABSENT) act = act === ACT_IDLE ? ACT_IDLE : ACT_OVERTIME;
  if (act !== p.activity) {
    p.activity = act;
    if (w.trace !== null) w.trace.add(w.sim.now, TR_ACTIVITY, p.index, act, 0);
  }
}

/** Starts a task of `hours` for a free person. */
export function startTask(w: World, p: PersonState, task: number, ref: number, aux: number, category: number, hours: number): void {
  setState(w, p, ST_BUSY);
  p.task = task;
  p.taskRef = ref;
  p.taskAux = aux;
  p.taskCategory = category;
  p.taskStart = w.sim.now;
  p.taskEnd = w.sim.now + hours;
  p.taskEvent = w.sim.schedule(hours, w.kinds.taskDone, p.index);
  setCategory(w, p, category);
}

/** Something arrived for this person: if they are free and on duty, they take it up. */
export function workArrives(w: World, p: PersonState): void {
  if (p.state === ST_FREE) dispatch(w, p);
}

/**
 * Wakes free operators of a team, the one free the longest first (work is shared out,
 * not given to whoever is listed first), until its queue is empty or nobody is free.
 */
export function wakeTeam(w: World, team: number): void {
  if (w.teamFree[team] === 0) return;
  const q = w.teamQueues[team]!;
  const free = w.freeOperators[team]!;
  for (let tries = w.teamOperators[team]!.length; q.length > 0 && w.teamFree[team]! > 0 && tries > 0; tries--) {
    const p = free.shift();
    if (p === null) return;
    dispatch(w, p);
  }
}

export function dispatch(w: World, p: PersonState): void {
  if (p.state !== ST_FREE || p.choosing) return;
  // Choosing can route new work to this same person (a question they must answer
  // themselves): the flag keeps that from starting a second task underneath.
  p.choosing = true;
  while (!choose(w, p) && hasWork(w, p));
  p.choosing = false;
  // Still free: be found by the next case (the list entry may have been used up).
  if (p.state === ST_FREE && p.operatorTeam >= 0 && !p.inFreeList) w.freeOperators[p.operatorTeam]!.push(p);
}

function hasWork(w: World, p: PersonState): boolean {
  return (
    p.state === ST_FREE &&
    (p.resumeTask !== TASK_NONE || p.consults.length > 0 || p.escalations.length > 0 || (p.operatorTeam >= 0 && w.teamQueues[p.operatorTeam]!.length > 0))
  );
}

/** Takes up the next piece of work; false if nothing was started. */
function choose(w: World, p: PersonState): boolean {
  if (p.resumeTask !== TASK_NONE) {
    const task = p.resumeTask;
    p.resumeTask = TASK_NONE;
    startTask(w, p, task, p.resumeRef, p.resumeAux, p.resumeCategory, p.resumeLeft);
    return true;
  }
  if (p.consults.length > 0) {
    const id = p.consults.shift()!;
    const q = p.consultTypes.shift()!;
    startTask(w, p, TASK_CONSULT, id, q, CAT_CONSULT, w.typeEffort[q]!.sample(w.rng.effort));
    return true;
  }
  if (p.isManager && p.designShare > 0 && p.designThisWeek < p.designShare * p.spec.hoursPerWeek) {
    const item = designItemFor(w, p);
    if (item >= 0) {
      startDesign(w, p, item);
      return true;
    }
  }
  while (p.escalations.length > 0) {
    if (escalationStart(w, p, p.escalations.shift()!)) return true;
  }
  if (p.operatorTeam >= 0) {
    const q = w.teamQueues[p.operatorTeam]!;
    while (q.length > 0) {
      const id = pickNextCase(w, p.operatorTeam, p);
      if (beginStep(w, id, p)) return true;
      // The case was parked on a question; if that put work in this person's own
      // queues, take that up first.
      if (p.consults.length > 0 || p.escalations.length > 0) return false;
    }
  }
  if (p.isManager) {
    const item = designItemFor(w, p);
    if (item >= 0) {
      startDesign(w, p, item);
      return true;
    }
  }
  if (p.overtime) {
    // Nothing left that justified staying late.
    goOffDuty(w, p);
    return true;
  }
  setCategory(w, p, CAT_IDLE);
  return false;
}

/** Handler of TASK_DONE: the person finished what they were doing. */
export function taskDone(w: World, person: number): void {
  const p = w.persons[person]!;
  const task = p.task;
  const ref = p.taskRef;
  const aux = p.taskAux;
  p.task = TASK_NONE;
  p.taskEvent = -1;
  setState(w, p, ST_FREE);
  setCategory(w, p, CAT_IDLE);
  if (task === TASK_ESCALATION) w.metrics.escalationWork(ref, w.sim.now - p.taskStart, isStale(w, ref));
  if (task === TASK_OPERATE) stepDone(w, ref, p);
  else if (task === TASK_CONSULT) consultDone(w, ref, aux, p);
  else if (task === TASK_ESCALATION) escalationDone(w, p, ref, aux);
  else if (task === TASK_DESIGN) designChunkDone(w, p, ref, aux);
  dispatch(w, p);
}

/** Interrupts the current task (kept to be resumed first) and sets a non-working state. */
export function interrupt(w: World, p: PersonState, state: number, category: number): void {
  if (p.state === ST_BUSY) {
    w.sim.cancel(p.taskEvent);
    if (p.task === TASK_ESCALATION) w.metrics.escalationWork(p.taskRef, w.sim.now - p.taskStart, isStale(w, p.taskRef));
    p.resumeTask = p.task;
    p.resumeRef = p.taskRef;
    p.resumeAux = p.taskAux;
    p.resumeCategory = p.taskCategory;
    p.resumeLeft = Math.max(0, p.taskEnd - w.sim.now);
    p.task = TASK_NONE;
    p.taskEvent = -1;
  }
  setState(w, p, state);
  setCategory(w, p, category);
}

/** Brings a person back to work after a meeting, absence or off-time, if nothing else holds them. */
export function release(w: World, p: PersonState): void {
  if (p.absentDepth > 0) {
    setState(w, p, ST_ABSENT);
    setCategory(w, p, p.offDuty ? CAT_OFF : CAT_ABSENT);
    return;
  }
  if (p.offDuty) {
    p.account(w.sim.now);
    p.overtime = false;
    setState(w, p, ST_OFF);
    setCategory(w, p, CAT_OFF);
    return;
  }
  setState(w, p, ST_FREE);
  setCategory(w, p, CAT_IDLE);
  dispatch(w, p);
}

/** Handler of the weekly tick for persons: everyone is on duty again. */
export function weekStartPersons(w: World): void {
  const now = w.sim.now;
  for (const p of w.persons) {
    p.account(now);
    p.designThisWeek = 0;
    p.overtime = false;
    p.offDuty = false;
    if (p.spec.hoursPerWeek < WEEK_HOURS) w.sim.schedule(p.spec.hoursPerWeek, w.kinds.offDuty, p.index);
    if (p.state === ST_OFF) release(w, p);
    else if (p.state === ST_ABSENT) setCategory(w, p, CAT_ABSENT);
  }
}

