// Mechanism 3b: signalling is learned (DOMAIN.md §4.3 and §5; 000:L2138-2160,
// L795-818; 004:L714-740).
//
// The rule: a recorded signal remembers who raised it. If design work on its stream and
// question type takes effect within `signalAnswerWindow`, the signal was answered; if
// not, it led nowhere. An operator whose signal was answered becomes more ready to
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

/** Design work took effect on cell c: every signal still within its window was answered. */
export function signalsAnswered(w: World, cell: number): void {
  const authors = w.pendingAuthor[cell]!;
  const times = w.pendingTime[cell]!;
  const since = w.sim.now - w.spec.behaviour.signalAnswerWindow;
  for (let i = 0; i < authors.length; i++) learn(w, authors[i]!, times[i]! >= since);
  authors.length = 0;
  times.length = 0;
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
  const rate = w.spec.behaviour.signalLearningRate;
  w.metrics.signalOutcome(answered);
  if (author >= 0) {
    const p = w.persons[author]!;
    p.signalPropensity += answered ? rate * (1 - p.signalPropensity) : -rate * p.signalPropensity;
  } else {
    const p = w.persons[-2 - author]!;
    p.propensity += answered ? -rate * p.propensity : rate * (1 - p.propensity);
  }
}
