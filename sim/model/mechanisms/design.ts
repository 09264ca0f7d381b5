// Mechanism 4: design work, and the design backlog it feeds on (DOMAIN.md §4.4;
// 000:L928, L1135-1151).
//
// The rule: visible signals accumulate per (stream, question type) in the design
// backlog; a cell becomes a design item once it has recurred, i.e. holds at least
// `designSignalThreshold` signals (the same problem coming back, 000:L492, L1805). A
// manager with design time takes the item with the most signals that nobody holds, and works on it in chunks (so the protected design share is re-checked between
// chunks). When the cell's design work is done, an explicit agreement takes effect after
// the design lead time: explicit coverage of that cell closes `designCoverageGain` of its
// remaining gap, and the cell's signals are cleared (and count as answered for those
// who raised them: learning.ts). Design on the handover question type of a stream also
// raises the stream's shared handover definitions by the same share (mechanism 7).
// Design only sees visible signals: problems compensated without a trace never reach it.
// When design time comes (reserved before, or left after, other work) is the scheduler's
// rule (agents.ts). Stream: `design` (work per cell).

import { startTask } from '../agents.js';
import { CAT_DESIGN, type PersonState, TASK_DESIGN } from '../person.js';
import { TR_DESIGN, TR_SIGNAL } from '../trace.js';
import type { World } from '../world.js';
import { NO_AUTHOR, rememberSignal, signalsAnswered } from './learning.js';
import { improveDone } from './kinds.js';

/** Hours of design work done in one sitting before the manager looks again at their week. */
const DESIGN_CHUNK_HOURS = 4;

/** Records a visible design signal for (stream, question type), raised by `author` (learning.ts); `problem` false for a signal that is no problem (an improve request). */
export function recordSignal(w: World, s: number, q: number, author: number = NO_AUTHOR, problem = true): void {
  const cell = s * w.nTypes + q;
  w.backlog[cell] = w.backlog[cell]! + 1;
  rememberSignal(w, cell, author);
  // An improve request is a signal but no problem (kinds.ts): the anatomy follows problems only.
  if (problem) {
    if (w.observing) w.metrics.anatomy.recorded(cell);
    w.metrics.signal();
  }
  if (w.trace !== null) w.trace.add(w.sim.now, TR_SIGNAL, s, q, w.backlog[cell]!);
}

/**
 * Makes escalation e visible as a design signal. One problem counts once on the backlog,
 * however many hands record it (operator, coordinator, manager, meeting); each author
 * still learns from what becomes of it.
 */
export function signalEscalation(w: World, e: number, author: number = NO_AUTHOR): void {
  const E = w.escalations;
  if (E.signalled[e] === 0) {
    E.signalled[e] = 1;
    recordSignal(w, E.stream[e]!, E.questionType[e]!, author);
    w.metrics.visibleProblem();
  } else {
    rememberSignal(w, E.stream[e]! * w.nTypes + E.questionType[e]!, author);
  }
}

/**
 * The backlog cell most worth designing now, or -1. A pilot that reserves design time
 * (its policies set protectedDesignShare) reserves it for itself: a manager of one of its
 * teams, or the process manager of a stream it names, designs for the pilot's streams
 * first (those it names, else those through its teams) while the pilot is in force
 * (policy-state.ts); the rest of the backlog when none of those is due. Everyone else
 * takes from the whole backlog.
 */
export function designItemFor(w: World, p: PersonState | null = null): number {
  if (p !== null && w.scoped.scoped) {
    const streams = w.scoped.designStreams(w, p);
    if (streams !== null) {
      const own = bestCell(w, streams);
      if (own >= 0) return own;
    }
  }
  return bestCell(w, null);
}

function bestCell(w: World, streams: Uint8Array | null): number {
  let best = -1;
  let most = w.spec.behaviour.designSignalThreshold - 1;
  const n = w.backlog.length;
  const nTypes = w.nTypes;
  for (let c = 0; c < n; c++) {
    const v = w.backlog[c]!;
    if (v > most && w.designHeld[c] === 0 && (streams === null || streams[(c / nTypes) | 0] === 1)) {
      most = v;
      best = c;
    }
  }
  return best;
}

export function startDesign(w: World, p: PersonState, cell: number): void {
  beginDesignWork(w, cell);
  w.designHeld[cell] = 1;
  const hours = Math.min(DESIGN_CHUNK_HOURS, w.designLeft[cell]!);
  startTask(w, p, TASK_DESIGN, cell, hours, CAT_DESIGN, hours);
}

/** A chunk of design work is done; if the cell's work is complete, its agreement is on its way. */
export function designChunkDone(w: World, _p: PersonState, cell: number, hours: number): void {
  applyDesignWork(w, cell, hours);
}

/** Design work on a cell starts (if it was not under way): its size is drawn, and the signals
 *  pending now are the ones this work will answer (learning.ts). */
export function beginDesignWork(w: World, cell: number): void {
  if (w.designLeft[cell]! > 0) return;
  w.designLeft[cell] = w.behaviourDist.design.sample(w.rng.design);
  w.designStarted[cell] = w.sim.now;
  w.metrics.anatomy.designBegins(cell);
}

/** Adds design work to a cell (from a manager or an MT agenda slot). */
export function applyDesignWork(w: World, cell: number, hours: number): void {
  w.designHeld[cell] = 0;
  w.designLeft[cell] = w.designLeft[cell]! - hours;
  if (w.designLeft[cell]! <= 1e-9) {
    w.designLeft[cell] = 0;
    w.designHeld[cell] = 2; // finished, waiting for its lead time: nobody takes it up again
    w.sim.schedule(w.spec.behaviour.designLeadTime, w.kinds.designEffect, cell);
  }
}

/** Handler of DESIGN_EFFECT: the new explicit agreement is in force. */
export function designEffect(w: World, cell: number): void {
  const gain = w.spec.behaviour.designCoverageGain;
  w.explicit[cell] = w.explicit[cell]! + gain * (1 - w.explicit[cell]!);
  if (cell % w.nTypes === w.handoverType) {
    // An agreed handover is a shared definition of what passes between the stream's teams.
    const base = Math.floor(cell / w.nTypes) * w.maxSteps;
    for (let k = 0; k < w.maxSteps; k++) w.definitions[base + k] = w.definitions[base + k]! + gain * (1 - w.definitions[base + k]!);
  }
  w.backlog[cell] = 0;
  signalsAnswered(w, cell);
  w.metrics.anatomy.designTakesEffect(cell);
  w.designHeld[cell] = 0;
  w.metrics.designCompleted();
  improveDone(w, cell);
  if (w.trace !== null) w.trace.add(w.sim.now, TR_DESIGN, cell, Math.round(w.explicit[cell]! * 1e6), 0);
}
