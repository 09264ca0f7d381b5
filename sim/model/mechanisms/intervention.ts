// Mechanism 3: compensate, refer or signal (DOMAIN.md §4.3; 000:L1386-1404, L2234,
// L795-818, L2138-2160).
//
// The rule, for whoever takes up an escalation:
//   - a coordinator connects what is agreed: the case goes on (resolved). An informal
//     coordinator, lacking a mandate, passes some on to the manager (informalPassOn).
//   - a manager first refers to an agreement when one covers the question now
//     (probability = explicit coverage of its cell);
//   - else, under the `compensate` policy, the manager fixes it personally with their
//     current propensity: it costs their time, unblocks the case, leaves a design signal
//     only with the low signal visibility, and the recognition it earns raises the
//     propensity to step in next time. Otherwise they send it on to a meeting.
//   - under `refer-or-signal`, the manager lets the system speak: a visible design
//     signal is recorded and the case follows the fallback rule (it waits
//     fallbackDelay hours). Only urgent cases are still fixed personally, and those
//     are signalled too.
// Coordinators leave a signal with the signal visibility of the policy (1 under USM).
// Stream: `intervention`. Effort draws: `effort`.

import { startTask } from '../agents.js';
import { CAT_COMPENSATE, CAT_COORDINATE, type PersonState, TASK_ESCALATION } from '../person.js';
import { OUT_COMPENSATED, OUT_REFERRED, OUT_RESOLVED, OUT_SIGNALLED, R_PARKED, R_QUEUED } from '../store.js';
import { TR_RESOLVED } from '../trace.js';
import type { World } from '../world.js';
import { signalEscalation } from './design.js';
import { LEVEL_COORDINATOR, routeToManager, toMeeting } from './escalation.js';
import { unpark } from './questions.js';

const D_RESOLVE = 0;
const D_PASS_ON = 1;
const D_COMPENSATE = 2;
const D_REFER = 3;
const D_SIGNAL = 4;
const D_FORWARD = 5;

/** A person takes up escalation e: decide what they will do and how long it takes. */
export function escalationStart(w: World, p: PersonState, e: number): void {
  const E = w.escalations;
  const b = w.spec.behaviour;
  const q = E.questionType[e]!;
  const s = E.stream[e]!;
  const rng = w.rng.intervention;
  let decision: number;
  let category = CAT_COORDINATE;
  let hours: number;
  if (E.level[e] === LEVEL_COORDINATOR) {
    const informal = w.policy.processCoordinator === 'informal' && p.processStreams.includes(s);
    if (informal && rng.next() < b.informalPassOn) {
      decision = D_PASS_ON;
      hours = w.typeEffort[q]!.sample(w.rng.effort);
    } else {
      decision = D_RESOLVE;
      hours = w.behaviourDist.coordination.sample(w.rng.effort);
    }
  } else if (rng.next() < w.explicit[s * w.nTypes + q]!) {
    decision = D_REFER;
    hours = w.typeEffort[q]!.sample(w.rng.effort);
  } else if (w.policy.managerIntervention === 'compensate') {
    if (rng.next() < p.propensity) {
      decision = D_COMPENSATE;
      category = CAT_COMPENSATE;
      hours = w.behaviourDist.compensation.sample(w.rng.effort);
    } else {
      decision = D_FORWARD;
      hours = w.typeEffort[q]!.sample(w.rng.effort);
    }
  } else if (caseIsUrgent(w, e)) {
    decision = D_COMPENSATE;
    category = CAT_COMPENSATE;
    hours = w.behaviourDist.compensation.sample(w.rng.effort);
  } else {
    decision = D_SIGNAL;
    hours = w.typeEffort[q]!.sample(w.rng.effort);
  }
  startTask(w, p, TASK_ESCALATION, e, decision, category, hours);
}

function caseIsUrgent(w: World, e: number): boolean {
  const E = w.escalations;
  const id = E.request[e]!;
  return w.requests.serial[id] === E.serial[e] && w.requests.urgent[id] === 1;
}

/** The person has done what they decided: apply it. */
export function escalationDone(w: World, p: PersonState, e: number, decision: number): void {
  switch (decision) {
    case D_RESOLVE:
      decide(w, p);
      if (w.rng.intervention.next() < w.policy.signalVisibility) signalEscalation(w, e);
      finish(w, e, OUT_RESOLVED, p.index);
      break;
    case D_PASS_ON:
      routeToManager(w, e);
      break;
    case D_COMPENSATE:
      decide(w, p);
      p.propensity = Math.min(1, p.propensity + w.spec.behaviour.recognitionGain);
      if (w.policy.managerIntervention === 'refer-or-signal' || w.rng.intervention.next() < w.policy.signalVisibility) {
        signalEscalation(w, e);
      }
      w.metrics.compensation();
      finish(w, e, OUT_COMPENSATED, p.index);
      break;
    case D_REFER:
      decide(w, p);
      finish(w, e, OUT_REFERRED, p.index);
      break;
    case D_SIGNAL:
      decide(w, p);
      signalEscalation(w, e);
      w.escalations.outcome[e] = OUT_SIGNALLED;
      scheduleFallback(w, e);
      break;
    case D_FORWARD:
      toMeeting(w, e);
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
  if (w.escalations.outcome[e] === 0) w.escalations.outcome[e] = OUT_SIGNALLED;
  w.sim.schedule(w.spec.behaviour.fallbackDelay, w.kinds.fallback, e);
}

/** Handler of FALLBACK. */
export function fallbackApplies(w: World, e: number): void {
  finish(w, e, w.escalations.outcome[e]!, -1);
}

/**
 * Ends escalation e: a blocked case rejoins its queue; the losing case of a collision
 * is moved to the front of its queue, if it is still waiting there.
 */
export function finish(w: World, e: number, outcome: number, by: number): void {
  const E = w.escalations;
  E.outcome[e] = outcome;
  E.resolved[e] = w.sim.now;
  w.metrics.escalationEnded(e);
  if (w.trace !== null) w.trace.add(w.sim.now, TR_RESOLVED, e, outcome, by);
  const id = E.request[e]!;
  const r = w.requests;
  if (r.serial[id] !== E.serial[e]) return;
  if (E.blocking[e] === 1) {
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
