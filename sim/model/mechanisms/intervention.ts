// Mechanism 3: compensate, refer or let the system speak (DOMAIN.md §4.3;
// 000:L1386-1404, L1925, L2234, L795-818).
//
// The rule, for whoever takes up an escalation, the same in every design:
//   - a coordinator settles what agreements cover (explicit coverage, or a meeting
//     decision still in force) and, of what they do not cover, a share
//     `coordinatorReach`; the rest is passed on to the manager (000:L1925). An explicit
//     coordinator's role records deviations: what they settle becomes a visible design
//     signal. An informal coordinator (a hero without mandate) keeps no record (visible
//     only with `untracedVisibility`) and passes some on for lack of a mandate
//     (`informalPassOn`).
//   - a manager refers to an agreement when one covers the question now (probability =
//     explicit coverage of its cell), which records the deviation;
//   - else the manager steps in personally with their current propensity: it costs
//     their time, unblocks the case, leaves a trace only with `untracedVisibility`, and
//     the recognition it earns raises the propensity (000:L795-818);
//   - else the manager lets the system speak: the problem is recorded as a visible
//     signal that the manager will learn from (learning.ts), and the case takes the
//     path to the top: process and design questions to a meeting (escalation.ts), line
//     questions to the fallback rule (the case waits `fallbackDelay`).
// Stream: `intervention` (manager), `coordinator` (coordinator), `visibility`. Effort
// draws: `effort`.

import { startTask } from '../agents.js';
import { CAT_COMPENSATE, CAT_COORDINATE, type PersonState, TASK_ESCALATION } from '../person.js';
import { OUT_COMPENSATED, OUT_OPEN, OUT_REFERRED, OUT_RESOLVED, OUT_SIGNALLED, R_PARKED, R_QUEUED } from '../store.js';
import { TR_RESOLVED } from '../trace.js';
import type { World } from '../world.js';
import { signalEscalation } from './design.js';
import { caseWaitsOn, LEVEL_COORDINATOR, routeToManager, teamPair, toMeeting } from './escalation.js';
import { PART_FALLBACK } from '../attribution.js';
import { managerAuthor } from './learning.js';
import { PC_INFORMAL } from '../policy-state.js';
import { unpark } from './questions.js';
import { STRAIN_OUTSIDE_RULES } from '../strain.js';
import { isStale, unlinkFromCase, withdraw } from './withdrawal.js';

const D_RESOLVE = 0;
const D_PASS_ON = 1;
const D_COMPENSATE = 2;
const D_REFER = 3;
const D_SIGNAL = 4;
const D_SPEAK = 5;
const D_RESOLVE_INFORMAL = 6;

/** A person takes up escalation e: decide what they will do and how long it takes. False if it had gone stale. */
export function escalationStart(w: World, p: PersonState, e: number): boolean {
  if (isStale(w, e)) {
    // Kept out of queues by withdrawal.ts; this is the guard that no work is done on it.
    withdraw(w, e);
    return false;
  }
  const E = w.escalations;
  const q = E.questionType[e]!;
  const s = E.stream[e]!;
  const cell = s * w.nTypes + q;
  let decision: number;
  let category = CAT_COORDINATE;
  let hours: number;
  if (E.level[e] === LEVEL_COORDINATOR) {
    const rng = w.rng.coordinator;
    const informal = w.scoped.processCoordinator[s] === PC_INFORMAL && p.processStreams.includes(s) && w.typeScope[q] === 1;
    const covered = rng.next() < w.explicit[cell]! || w.meetingValidUntil[cell]! > w.sim.now;
    const settles = covered || rng.next() < p.coordinatorReach;
    if (!settles || (informal && rng.next() < p.informalPassOn)) {
      decision = D_PASS_ON;
      hours = w.typeEffort[q]!.sample(w.rng.effort);
    } else {
      decision = informal ? D_RESOLVE_INFORMAL : D_RESOLVE;
      hours = w.behaviourDist.coordination.sample(w.rng.effort);
    }
  } else {
    // A cross-team problem on a manager's desk: counted towards a meeting of its two teams (meetings.ts).
    const pair = teamPair(w, e);
    if (pair >= 0) w.pairEscalations[pair] = w.pairEscalations[pair]! + 1;
    const rng = w.rng.intervention;
    if (rng.next() < w.explicit[cell]!) {
      decision = D_REFER;
      hours = w.typeEffort[q]!.sample(w.rng.effort);
    } else if (rng.next() < p.propensity) {
      decision = D_COMPENSATE;
      category = CAT_COMPENSATE;
      hours = w.behaviourDist.compensation.sample(w.rng.effort);
    } else {
      decision = D_SPEAK;
      hours = w.typeEffort[q]!.sample(w.rng.effort);
    }
  }
  startTask(w, p, TASK_ESCALATION, e, decision, category, hours);
  return true;
}

/** The person has done what they decided: apply it. */
export function escalationDone(w: World, p: PersonState, e: number, decision: number): void {
  const b = w.spec.behaviour;
  switch (decision) {
    case D_RESOLVE:
      decide(w, p);
      signalEscalation(w, e); // the coordinator's role records the deviation
      finish(w, e, OUT_RESOLVED, p.index);
      break;
    case D_RESOLVE_INFORMAL:
      decide(w, p);
      w.ext.strain.add(p.index, STRAIN_OUTSIDE_RULES);
      if (w.rng.visibility.next() < b.untracedVisibility) signalEscalation(w, e);
      finish(w, e, OUT_RESOLVED, p.index);
      break;
    case D_PASS_ON:
      routeToManager(w, e);
      break;
    case D_COMPENSATE:
      decide(w, p);
      w.ext.strain.add(p.index, STRAIN_OUTSIDE_RULES);
      p.propensity = Math.min(1, p.propensity + p.recognitionGain);
      if (w.rng.visibility.next() < b.untracedVisibility) signalEscalation(w, e);
      w.metrics.compensation();
      finish(w, e, OUT_COMPENSATED, p.index);
      break;
    case D_REFER:
      decide(w, p);
      signalEscalation(w, e);
      finish(w, e, OUT_REFERRED, p.index);
      break;
    case D_SPEAK:
      decide(w, p);
      signalEscalation(w, e, managerAuthor(p.index));
      w.escalations.outcome[e] = OUT_SIGNALLED;
      if (w.typeScope[w.escalations.questionType[e]!] === 0) scheduleFallback(w, e);
      else toMeeting(w, e);
      break;
    default:
      throw new Error(`intervention: unknown decision ${decision} for escalation ${e}`);
  }
}

function decide(w: World, p: PersonState): void {
  p.decisions++;
  w.metrics.decision(p.index);
}

/** The case waits for the fallback rule; the escalation ends when it applies. */
export function scheduleFallback(w: World, e: number): void {
  const E = w.escalations;
  if (E.outcome[e] === OUT_OPEN) E.outcome[e] = OUT_SIGNALLED;
  E.held[e] = 1; // the event below refers to this slot
  caseWaitsOn(w, e, PART_FALLBACK);
  w.sim.schedule(w.spec.behaviour.fallbackDelay, w.kinds.fallback, e);
}

/** Handler of FALLBACK (if the escalation was withdrawn meanwhile, only its slot is let go). */
export function fallbackApplies(w: World, e: number): void {
  const E = w.escalations;
  E.held[e] = 0;
  if (!Number.isNaN(E.resolved[e]!)) {
    E.release(e);
    return;
  }
  finish(w, e, E.outcome[e]!, -1);
}

/**
 * Ends escalation e: a blocked case rejoins its queue; the losing case of a collision
 * is moved to the front of its queue, if it is still waiting there.
 */
export function finish(w: World, e: number, outcome: number, by: number): void {
  const E = w.escalations;
  E.outcome[e] = outcome;
  E.resolved[e] = w.sim.now;
  if (E.blocking[e] === 0) unlinkFromCase(w, e);
  w.metrics.escalationEnded(e);
  if (w.trace !== null) w.trace.add(w.sim.now, TR_RESOLVED, E.id[e]!, outcome, by);
  const id = E.request[e]!;
  const r = w.requests;
  const serial = E.serial[e]!;
  const blocking = E.blocking[e]!;
  if (E.held[e] === 0) E.release(e); // nothing refers to it any more
  if (r.serial[id] !== serial) return;
  if (blocking === 1) {
    if (r.status[id] === R_PARKED) unpark(w, id);
  } else if (r.status[id] === R_QUEUED) {
    const team = w.stepTeam[r.stream[id]!]![r.step[id]!]!;
    const queue = w.teamQueues[team]!;
    const at = queue.indexOf(id);
    if (at > 0) {
      queue.removeAt(at);
      // Expedited: ahead of every case that entered normally, first come first served among expedited ones.
      r.teamEnter[id] = w.sim.now - 2 * (w.horizon + w.warmup) - 1;
      queue.insert(id, r.teamEnter[id]!);
    }
  }
}
