// Mechanism 7: handovers between teams (DOMAIN.md §4.7; 001:L509-511, L1002;
// 000:L1105-1113).
//
// The rule: when a case passes to a step owned by another team, the receiving team
// may read it differently ("urgent" means something else per team) and reject it: with
// probability `handoverMismatch` x (1 - d), where d is how far the two sides share
// definitions for that handover. d starts where the design's structure puts it (each
// team its own, or one service definition: 001:L199-203), rises with design work on
// the stream's handover agreements and erodes like other agreements, so mismatches
// fall with shared definitions but never vanish by decree. The mismatch is a question
// of the handover type, settled like any question (mechanism 1): by an agreement, a
// key person, an improvised rework, or an escalation (reason: handover).
// Stream: `handover`.

import { enqueue } from '../flow.js';
import type { PersonState } from '../person.js';
import { ESC_HANDOVER } from '../store.js';
import type { World } from '../world.js';
import { answer, PARKED } from './questions.js';

export function handover(w: World, id: number, next: number, sender: PersonState): void {
  const r = w.requests;
  const s = r.stream[id]!;
  const from = w.stepTeam[s]![next - 1]!;
  const to = w.stepTeam[s]![next]!;
  r.step[id] = next;
  r.questionsLeft[id] = r.questions[id * r.maxSteps + next]!;
  r.improvised[id] = 0;
  r.reworking[id] = 0;
  r.teamEnter[id] = w.sim.now;
  r.stepEnter[id] = w.sim.now;
  if (w.scoped.scoped && w.scoped.teamInScope[from] !== w.scoped.teamInScope[to]) w.metrics.byStream.boundaryHandover(s);
  if (from !== to && w.rng.handover.next() < w.spec.behaviour.handoverMismatch * (1 - w.definitions[s * w.maxSteps + next]!)) {
    w.metrics.handoverMismatch();
    r.questionsLeft[id] = r.questionsLeft[id]! + 1; // the mismatch is one more open question
    if (answer(w, id, w.handoverType, sender, ESC_HANDOVER) === PARKED) return;
    r.questionsLeft[id] = r.questionsLeft[id]! - 1;
  }
  enqueue(w, id);
}
