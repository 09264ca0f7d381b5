// The flow of requests through a value stream: arrival, the steps owned by teams,
// rework, waits outside the organisation (the applicant, another organisation, a
// statutory period: they occupy nobody), handover to the next team, completion.
//
// Randomness that belongs to the case itself (process kind, urgency, the service time
// and number of questions of every step) is drawn at arrival from the stream's own
// `cases/<stream>` stream, so two designs run on the same seed see the same cases
// (common random numbers), whatever order their persons take them up in.

import { CAT_IMPROVISE, CAT_OPERATE, type PersonState } from './person.js';
import { startTask, wakeTeam } from './agents.js';
import { handover } from './mechanisms/handovers.js';
import { resolveQuestions } from './mechanisms/questions.js';
import { withdrawForCase } from './mechanisms/withdrawal.js';
import { PART_EXTERNAL, queuePart, switchPart, workPart } from './attribution.js';
import { R_EXTERNAL, R_IN_SERVICE, R_QUEUED } from './store.js';
import { TR_ARRIVE, TR_DONE, TR_EXTERNAL, TR_STEP_DONE, TR_STEP_START } from './trace.js';
import { TASK_OPERATE } from './person.js';
import type { World } from './world.js';
import { scaledDelay } from './load-schedule.js';
import { improveAtArrival, kindAtArrival } from './mechanisms/kinds.js';
import { supplierEnqueue } from './mechanisms/suppliers.js';

/** Poisson draw by multiplication of uniforms (means here are small); `limit` is e^-mean, computed once per step in World. */
function poisson(w: World, s: number, mean: number, limit: number): number {
  if (mean <= 0) return 0;
  const rng = w.caseRng[s]!;
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k > 255 ? 255 : k;
}

/** Handler of ARRIVAL: a request arrives in stream s, and the next is scheduled. */
export function arrival(w: World, s: number): void {
  const spec = w.spec.streams[s]!;
  const now = w.sim.now;
  const gap = w.arrivalRng[s]!.exponential(1 / spec.arrivalRate);
  const load = w.spec.arrivalScale;
  w.sim.schedule(load === undefined || load.length === 0 ? gap : scaledDelay(load, now, gap), w.kinds.arrival, s);
  const r = w.requests;
  const id = r.alloc();
  r.stream[id] = s;
  r.arrival[id] = now;
  r.partSince[id] = now;
  r.due[id] = now + spec.dueIn;
  drawCase(w, id, s);
  if (improveAtArrival(w, id)) return;
  w.metrics.arrive(id);
  if (w.trace !== null) w.trace.add(now, TR_ARRIVE, r.serial[id]!, s, r.urgent[id]!);
  if (kindAtArrival(w, id)) return;
  enterStep(w, id, 0);
}

/**
 * The case's own random draws, in this order: process kind, urgency, then per step its
 * service time, questions and external waits. A function of its own (void, integer
 * arguments) so that the draws inline here and the arrival handler keeps the JIT's
 * inlining budget for its own calls: a double returned by a call left out of line is boxed.
 */
function drawCase(w: World, id: number, s: number): void {
  const spec = w.spec.streams[s]!;
  const r = w.requests;
  const rng = w.caseRng[s]!;
  r.kind[id] = rng.pickWeighted(w.streamKindWeights[s]!, w.streamKindTotal[s]!);
  r.urgent[id] = rng.next() < spec.urgentShare ? 1 : 0;
  const base = id * r.maxSteps;
  const steps = spec.steps;
  const limits = w.stepQuestionLimit[s]!;
  for (let k = 0; k < steps.length; k++) {
    r.service[base + k] = w.stepService[s]![k]!.sample(rng);
    r.questions[base + k] = poisson(w, s, steps[k]!.questionsPerCase, limits[k]!);
    let wait = 0;
    const waits = w.stepWaits[s]![k]!;
    for (let j = 0; j < waits.length; j++) {
      const x = waits[j]!;
      if (rng.next() < x.probability) wait += x.duration.sample(rng);
    }
    r.external[base + k] = wait;
  }
}

/** Puts a case in the queue of the team owning step k, with its questions still open. */
export function enterStep(w: World, id: number, k: number): void {
  const r = w.requests;
  r.step[id] = k;
  r.questionsLeft[id] = r.questions[id * r.maxSteps + k]!;
  r.improvised[id] = 0;
  r.teamEnter[id] = w.sim.now;
  r.stepEnter[id] = w.sim.now;
  enqueue(w, id);
}

/** (Re)queues a case in its current team's queue, in line order of team entry. */
export function enqueue(w: World, id: number): void {
  const r = w.requests;
  const sup = w.ext.stepSupplier[r.stream[id]!]![r.step[id]!]!;
  if (sup >= 0) return supplierEnqueue(w, id, sup);
  const team = w.stepTeam[r.stream[id]!]![r.step[id]!]!;
  r.status[id] = R_QUEUED;
  switchPart(w, id, queuePart(w, id));
  w.teamQueues[team]!.insert(id, r.teamEnter[id]!);
  w.metrics.queueChange(team, r.stream[id]!, 1);
  wakeTeam(w, team);
}

/**
 * An operator has taken a case from the queue: its open questions are settled first
 * (mechanisms/questions.ts). Returns false when a question parked the case; true when
 * the operator is now working on it.
 */
export function beginStep(w: World, id: number, p: PersonState): boolean {
  const r = w.requests;
  if (!resolveQuestions(w, id, p)) return false;
  r.status[id] = R_IN_SERVICE;
  switchPart(w, id, workPart(w, id));
  const k = r.step[id]!;
  let hours = r.service[id * r.maxSteps + k]!;
  const improvised = r.improvised[id] === 1;
  if (improvised) hours *= 1 + w.spec.behaviour.improvisationEffort;
  if (w.trace !== null) w.trace.add(w.sim.now, TR_STEP_START, r.serial[id]!, k, p.index);
  startTask(w, p, TASK_OPERATE, id, 0, improvised ? CAT_IMPROVISE : CAT_OPERATE, hours);
  return true;
}

/** Handler of an operator's finished step: rework, handover or completion. */
export function stepDone(w: World, id: number, p: PersonState): void {
  const r = w.requests;
  const s = r.stream[id]!;
  const k = r.step[id]!;
  const team = w.stepTeam[s]![k]!;
  if (r.improvised[id] === 1 && w.rng.rework.next() < w.spec.behaviour.improvisationReworkRisk) {
    // The improvised answer did not hold: the step comes back (000:L2098-2121).
    w.metrics.rework();
    r.improvised[id] = 0;
    r.reworking[id] = 1; // until the step is done again: its queue and work time is rework
    r.teamEnter[id] = w.sim.now;
    r.stepEnter[id] = w.sim.now;
    enqueue(w, id);
    return;
  }
  w.metrics.stepDone(id, team);
  stepFinished(w, id, p.index);
}

/** A step's work is finished (by an operator or a supplier): external wait, then on. */
export function stepFinished(w: World, id: number, sender: number): void {
  const r = w.requests;
  const k = r.step[id]!;
  if (w.trace !== null) w.trace.add(w.sim.now, TR_STEP_DONE, r.serial[id]!, k, w.stepTeam[r.stream[id]!]![k]!);
  withdrawForCase(w, id);
  r.reworking[id] = 0;
  r.sender[id] = sender;
  const wait = r.external[id * r.maxSteps + k]!;
  if (wait > 0) {
    // Outside the organisation now: nobody works on it, it comes back by itself.
    r.status[id] = R_EXTERNAL;
    switchPart(w, id, PART_EXTERNAL);
    r.externalSum[id] = r.externalSum[id]! + wait;
    if (w.trace !== null) w.trace.add(w.sim.now, TR_EXTERNAL, r.serial[id]!, k, wait);
    w.sim.schedule(wait, w.kinds.externalDone, id);
    return;
  }
  leaveStep(w, id);
}

/** Handler of EXTERNAL_DONE: the outside party has answered; the case goes on. */
export function externalDone(w: World, id: number): void {
  leaveStep(w, id);
}

/** The case's step is finished: on to the next team, or done. */
function leaveStep(w: World, id: number): void {
  const r = w.requests;
  const s = r.stream[id]!;
  const k = r.step[id]!;
  if (k + 1 < w.streamSteps[s]!) {
    handover(w, id, k + 1, w.persons[r.sender[id]!]!);
    return;
  }
  if (w.trace !== null) w.trace.add(w.sim.now, TR_DONE, r.serial[id]!, s, w.sim.now - r.arrival[id]!);
  w.ext.complete(r.kind[id]!, w.sim.now - r.arrival[id]!, w.observing);
  w.metrics.complete(id);
  r.release(id);
}
