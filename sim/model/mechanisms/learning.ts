// Mechanism 3b: signalling is learned (DOMAIN.md §4.3 and §5; 000:L2138-2160,
// L795-818; 004:L714-740).
//
// The rule: a recorded signal remembers who raised it. If design work on its stream and
// question type that was started after the signal (so it could have been prompted by
// it) takes effect within `signalAnswerWindow` of the signal, the signal was answered;
// if not, it led nowhere. An operator whose signal was answered becomes more ready to
// signal next time, one whose signal led nowhere less ready (and so, of what they do
// not signal, improvises or escalates more). A manager who let the system speak and saw
// it answered becomes less ready to step in personally; one who saw nothing come of it
// more ready. Each experience moves the propensity `signalLearningRate` of the way to
// 0 or 1. The starting propensities are behaviour, shared by every design; what a
// design changes is the structure that decides whether signals are answered (reserved
// design time, who records deviations, the MT's agenda). No random stream.

import type { World } from '../world.js';

/** Author code of a signal: an operator's own, a manager's (who held back), or nobody's (-1). */
export const NO_AUTHOR = -1;
export const managerAuthor = (person: number): number => -2 - person;

/** Remembers a signal on cell c by `author` (NO_AUTHOR: nobody learns from it). */
export function rememberSignal(w: World, cell: number, author: number): void {
  if (author === NO_AUTHOR) return;
  w.pendingAuthor[cell]!.push(author);
  w.pendingTime[cell]!.push(w.sim.now);
}

/**
 * Design work took effect on cell c: the signals raised before that work began (and
 * within their window) were answered; those raised while it was under way wait for
 * the next design of the cell (they are answered by it, or expire).
 */
export function signalsAnswered(w: World, cell: number): void {
  const authors = w.pendingAuthor[cell]!;
  const times = w.pendingTime[cell]!;
  const since = w.sim.now - w.spec.behaviour.signalAnswerWindow;
  const began = w.designStarted[cell]!;
  let k = 0;
  while (k < times.length && times[k]! <= began) {
    learn(w, authors[k]!, times[k]! >= since);
    k++;
  }
  authors.splice(0, k);
  times.splice(0, k);
}

/** A person left: the newcomer in their place does not learn from what the leaver raised. */
export function forgetAuthor(w: World, person: number): void {
  const mine = managerAuthor(person);
  for (let c = 0; c < w.pendingAuthor.length; c++) {
    const authors = w.pendingAuthor[c]!;
    if (authors.length === 0) continue;
    const times = w.pendingTime[c]!;
    for (let i = authors.length - 1; i >= 0; i--) {
      if (authors[i] === person || authors[i] === mine) {
        authors.splice(i, 1);
        times.splice(i, 1);
      }
    }
  }
}

/** Weekly: signals whose window has passed without design work led nowhere. */
export function expireSignals(w: World): void {
  const since = w.sim.now - w.spec.behaviour.signalAnswerWindow;
  for (let c = 0; c < w.pendingAuthor.length; c++) {
    const times = w.pendingTime[c]!;
    if (times.length === 0 || times[0]! >= since) continue;
    const authors = w.pendingAuthor[c]!;
    let k = 0;
    while (k < times.length && times[k]! < since) learn(w, authors[k++]!, false);
    authors.splice(0, k);
    times.splice(0, k);
  }
}

function learn(w: World, author: number, answered: boolean): void {
  w.metrics.signalOutcome(answered);
  if (author >= 0) {
    const p = w.persons[author]!;
    const rate = p.signalLearningRate;
    p.signalPropensity += answered ? rate * (1 - p.signalPropensity) : -rate * p.signalPropensity;
  } else {
    const p = w.persons[-2 - author]!;
    const rate = p.signalLearningRate;
    p.propensity += answered ? -rate * p.propensity : rate * (1 - p.propensity);
  }
}
