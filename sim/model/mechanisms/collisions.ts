// Mechanism 6: line/process collisions (DOMAIN.md §4.6; 000:L1341-1379).
//
// The rule: when an operator is free, the line's order (first come in the team) and
// the process order (earliest due date along the chain) each name a next case. Where
// someone speaks for the process (a process coordinator, informal or explicit) and the
// two differ, the operator gets contradictory instructions: a collision.
//   - No dominance rule: standing decides. The line coordinator (the manager, where she
//     is the line coordinator) and the stream's process coordinator are compared on
//     seniority; the senior side's case is taken (000:L1345: the line usually wins).
//     Nothing settles the question of who decides, so the losing coordinator
//     escalates when the losing case is urgent or at risk (less than half of its due
//     window left), and otherwise still with his contest tendency (Rachid can only
//     raise a warning finger, 000:L1345; the quarrels go to the MT, L1348).
//   - A dominance rule (line or process): the dominant order applies at once; only an
//     urgent losing case, an exception the rule does not settle, is escalated, along the
//     path the rule fixes (000:L1363-1379).
// Collision escalations go to a manager and do not block the losing case: if resolved
// while it still waits, it is moved to the front. Stream: `collision` (contests).
// Policies are those of the process case's stream and the team's line (a pilot may set
// them for some streams or teams only: policy-state.ts); a collision between a case of
// a piloted stream and one of another stream is counted as a meeting at the scope boundary.

import type { PersonState } from '../person.js';
import { ESC_COLLISION } from '../store.js';
import type { World } from '../world.js';
import { escalate } from './escalation.js';
import { DOM_LINE, DOM_NONE, DOM_PROCESS, PC_NONE } from '../policy-state.js';
import { recoverPosition } from './kinds.js';
import { STRAIN_CONTRADICTION } from '../strain.js';

/** Removes and returns the case operator p takes next from team t's queue. */
export function pickNextCase(w: World, team: number, p: PersonState): number {
  const queue = w.teamQueues[team]!;
  const r = w.requests;
  let take = 0;
  const pol = w.scoped;
  // A waiting recover request comes first by both orders (kinds.ts): no collision.
  const recover = recoverPosition(w, queue);
  if (recover >= 0) take = recover;
  else if (queue.length > 1 && pol.anyProcessCoordinator) {
    const edd = queue.earliestDue(r.due);
    if (edd !== 0) {
      const lineCase = queue.at(0);
      const processCase = queue.at(edd);
      const ps = r.stream[processCase]!;
      const pc = w.streamCoordinator[ps]!;
      if (pc >= 0 && pol.processCoordinator[ps] !== PC_NONE) {
        w.metrics.collision();
        const ls = r.stream[lineCase]!;
        if (pol.scoped && pol.streamInScope[ls] !== pol.streamInScope[ps]) {
          w.metrics.byStream.boundaryCollision(ls);
          w.metrics.byStream.boundaryCollision(ps);
        }
        const dominance = pol.dominance[ps]!;
        let processWins: boolean;
        if (dominance === DOM_LINE) processWins = false;
        else if (dominance === DOM_PROCESS) processWins = true;
        else processWins = w.persons[pc]!.spec.seniority > lineSeniority(w, team);
        take = processWins ? edd : 0;
        const loser = processWins ? lineCase : processCase;
        const contested =
          r.urgent[loser] === 1 ||
          (dominance === DOM_NONE && (atRisk(w, loser) || w.rng.collision.next() < w.spec.behaviour.contestTendency));
        // A rule that settles the collision gives the operator one instruction; without
        // one, or when the loser is fought for, they are caught between two (strain.ts).
        if (contested || dominance === DOM_NONE) w.ext.strain.add(p.index, STRAIN_CONTRADICTION);
        if (contested) {
          w.metrics.collisionEscalation();
          escalate(w, loser, w.handoverType, ESC_COLLISION, false);
        }
      }
    }
  }
  const id = queue.removeAt(take);
  w.metrics.queueChange(team, r.stream[id]!, -1);
  return id;
}

function lineSeniority(w: World, team: number): number {
  const lc = w.scoped.managerIsLineCoordinator[team] === 1 ? w.teamManager[team]! : w.teamLineCoordinator[team]!;
  const who = lc >= 0 ? lc : w.teamManager[team]!;
  return who >= 0 ? w.persons[who]!.spec.seniority : 0;
}

function atRisk(w: World, id: number): boolean {
  const r = w.requests;
  const window = w.spec.streams[r.stream[id]!]!.dueIn;
  return r.due[id]! - w.sim.now < 0.5 * window;
}
