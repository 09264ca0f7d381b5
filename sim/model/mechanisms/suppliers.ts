// Suppliers: parties outside the organisation that own steps (001 ch. 15; 001:L3566-3581,
// L3189-3205, L3583-3585). A supplier is no person of the organisation: it has its own
// capacity (cases worked at once) and its own queue, first come first served, and works
// every clock hour of the model's week. A case at a supplier's step waits in that queue,
// is worked for its drawn service time and then goes on like any finished step
// (external waits, handover to the next team).
//
// Questions about the supplier's part arise when the supplier takes the case up (the
// step's `questionsPerCase`). Every design keeps the contract path: the supplier can
// always be asked through its contract, and the answer comes back after the supplier's
// `contractResponse` time while the case waits outside any queue (booked as an external
// wait). What the structure (`policies.supplierInterface`) changes is what comes first
// and who sees it:
//   - contract (island): the supplier holds the knowledge of its part, its tooling and
//     its exceptions (001:L3570-3574); the organisation's agreements do not reach it,
//     so each question is a problem that goes through the contract path. It reaches
//     the design backlog only as an untraced fix does (`untracedVisibility`).
//   - shared (USM): the supplier works behind the shared process interface
//     (001:L3579-3581, L3585): the stream's explicit agreements, with their coverage,
//     and live meeting agreements answer a question as inside the organisation; what
//     they leave open still goes through the contract path, and, being registered at
//     the shared interface, is a visible design signal for the stream.
// Behaviour is shared: the same service, questions, response times and people in both.
// Streams: `question-types`, `coverage` (as mechanism 1), `visibility`, `supplier`
// (contract times).

import { PART_EXTERNAL, queuePart, switchPart, workPart } from '../attribution.js';
import type { SupplierState } from '../extensions.js';
import { R_EXTERNAL, R_IN_SERVICE, R_QUEUED } from '../store.js';
import type { World } from '../world.js';
import { recordSignal } from './design.js';
import { HOW_CONTRACT, HOW_EXPLICIT, HOW_MEETING, note } from './questions.js';

/** Books busy server-hours up to now and changes the number of busy servers. */
function setBusy(w: World, s: SupplierState, busy: number): void {
  const now = w.sim.now;
  s.busyHours += s.busy * (now - s.busySince);
  s.busySince = now;
  s.busy = busy;
  if (busy > s.maxBusy) s.maxBusy = busy;
}

/** A case reaches (or returns to) a supplier's step: it joins the supplier's queue. */
export function supplierEnqueue(w: World, id: number, sup: number): void {
  const r = w.requests;
  const s = w.ext.suppliers[sup]!;
  r.status[id] = R_QUEUED;
  switchPart(w, id, queuePart(w, id));
  s.queue.insert(id, r.teamEnter[id]!);
  w.ext.supplierEnter.set(id, w.sim.now);
  supplierNext(w, sup);
}

/** Free servers of the supplier take up waiting cases. */
export function supplierNext(w: World, sup: number): void {
  const s = w.ext.suppliers[sup]!;
  const r = w.requests;
  while (s.busy < s.capacity && s.queue.length > 0) {
    const id = s.queue.removeAt(0);
    if (w.observing) s.waitSum += w.sim.now - (w.ext.supplierEnter.get(id) ?? w.sim.now);
    w.ext.supplierEnter.delete(id);
    if (!supplierQuestions(w, id)) continue;
    setBusy(w, s, s.busy + 1);
    r.status[id] = R_IN_SERVICE;
    switchPart(w, id, workPart(w, id));
    w.sim.schedule(r.service[id * r.maxSteps + r.step[id]!]!, w.kinds.supplierDone, id);
  }
}

/** Settles the open questions of a case at a supplier's step; false if one went through the contract path. */
function supplierQuestions(w: World, id: number): boolean {
  const r = w.requests;
  const s = r.stream[id]!;
  const shared = w.policy.supplierInterface === 'shared';
  while (r.questionsLeft[id]! > 0) {
    const q = w.rng.questionTypes.pickWeighted(w.typeWeights, w.typeWeightTotal);
    if (shared) {
      const cell = s * w.nTypes + q;
      if (w.rng.coverage.next() < w.explicit[cell]!) {
        note(w, id, q, HOW_EXPLICIT, 0);
        r.questionsLeft[id] = r.questionsLeft[id]! - 1;
        continue;
      }
      if (w.meetingValidUntil[cell]! > w.sim.now) {
        note(w, id, q, HOW_MEETING, 0);
        r.questionsLeft[id] = r.questionsLeft[id]! - 1;
        continue;
      }
    }
    // A problem: only the supplier can answer it, through the contract.
    w.metrics.problem();
    w.metrics.anatomy.contract++;
    note(w, id, q, HOW_CONTRACT, 0);
    if (shared || w.rng.visibility.next() < w.spec.behaviour.untracedVisibility) {
      recordSignal(w, s, q);
      w.metrics.visibleProblem();
    }
    const sup = w.ext.suppliers[w.ext.stepSupplier[s]![r.step[id]!]!]!;
    if (w.observing) sup.contractQuestions++;
    const wait = sup.contract.sample(w.ext.rng.supplier);
    r.externalSum[id] = r.externalSum[id]! + wait;
    r.status[id] = R_EXTERNAL;
    switchPart(w, id, PART_EXTERNAL);
    w.sim.schedule(wait, w.kinds.contractDone, id);
    return false;
  }
  return true;
}

/** Handler of CONTRACT_DONE: the supplier answered through the contract; the case queues again. */
export function contractDone(w: World, id: number): void {
  const r = w.requests;
  r.questionsLeft[id] = r.questionsLeft[id]! - 1;
  const sup = w.ext.stepSupplier[r.stream[id]!]![r.step[id]!]!;
  supplierEnqueue(w, id, sup);
}

/** Handler of SUPPLIER_DONE: the supplier finished its step on case id. */
export function supplierDone(w: World, id: number, stepFinished: (w: World, id: number, sender: number) => void): void {
  const r = w.requests;
  const s = r.stream[id]!;
  const sup = w.ext.stepSupplier[s]![r.step[id]!]!;
  const state = w.ext.suppliers[sup]!;
  setBusy(w, state, state.busy - 1);
  if (w.observing) state.done++;
  // Whoever holds the relation hands the case on (a handover mismatch is raised in their name).
  const team = w.stepTeam[s]![r.step[id]!]!;
  const ops = w.teamOperators[team]!;
  const sender = ops.length > 0 ? ops[0]! : Math.max(0, w.teamManager[team]!);
  stepFinished(w, id, sender);
  supplierNext(w, sup);
}

/** Utilisation of a supplier over the window (busy server-hours per server-hour). */
export function supplierUtilisation(w: World, s: SupplierState, windowStart: number): number {
  setBusy(w, s, s.busy);
  const span = w.sim.now - windowStart;
  return span > 0 ? s.busyHours / (span * s.capacity) : Number.NaN;
}
