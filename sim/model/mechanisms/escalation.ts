// Mechanism 2: escalation routing follows structure (DOMAIN.md §4.2; 000:L1823-1842,
// L216, L1717, L2713, L1348, L1392).
//
// The rule: an escalation goes to whoever the structure makes responsible for its
// kind of question.
//   - line questions (capacity, priority in a team): the line coordinator; where the
//     manager is the line coordinator (island), the manager.
//   - process questions (sequence, handover, flow): an explicit process coordinator
//     of the stream; an informal one (a hero without mandate) only while he can be
//     reached (present and not swamped), else the team's manager; with none, the manager.
//   - design questions (who decides, exceptions): the team's manager.
// Managers who do not settle an escalation themselves send design and process
// questions on to a meeting: for process questions the meeting the organisation set up
// for the two teams involved (mechanism 9) or the stream's chain meeting, else the MT;
// design questions to the MT. Every design keeps this path to the top (000:L2619-2669);
// how often it is used is an outcome. Which path and the MT's cadence are ours
// (`assumption:` in the scenarios): the books give neither. Cross-team escalations
// a manager takes up are counted per pair of teams (intervention.ts): a pair that keeps
// escalating sets up a meeting of its own (meetings.ts). No random stream: routing is
// deterministic.

import { workArrives } from '../agents.js';
import { TR_ESCALATE, TR_RAISE } from '../trace.js';
import type { World } from '../world.js';
import { PART_COORDINATOR, PART_HANDOVER, PART_MANAGER, PART_MEETING, switchPart } from '../attribution.js';
import { ESC_COLLISION, ESC_HANDOVER, R_PARKED } from '../store.js';
import { scheduleFallback } from './intervention.js';
import { DOM_PROCESS, PC_EXPLICIT, PC_INFORMAL } from '../policy-state.js';

export const LEVEL_COORDINATOR = 0;
export const LEVEL_MANAGER = 1;
export const LEVEL_MEETING = 2;

/** Raises an escalation about case id and routes it. */
export function escalate(w: World, id: number, q: number, reason: number, blocking: boolean): number {
  const r = w.requests;
  const E = w.escalations;
  const e = E.add(id, r.serial[id]!, r.stream[id]!, q, reason, w.sim.now, blocking, r.step[id]!);
  if (!blocking) {
    // The case goes on while this waits: keep it findable, to withdraw when the case moves on (withdrawal.ts).
    E.nextForCase[e] = r.escHead[id]!;
    r.escHead[id] = e;
  }
  w.metrics.escalation(reason, r.stream[id]!);
  if (w.trace !== null) w.trace.add(w.sim.now, TR_RAISE, E.id[e]!, r.serial[id]!, reason);
  if (reason === ESC_COLLISION) routeToManager(w, e);
  else route(w, e);
  return e;
}

/** Sends an escalation to the receiver its question's scope names. */
export function route(w: World, e: number): void {
  const E = w.escalations;
  const s = E.stream[e]!;
  const team = teamOf(w, e);
  const scope = w.typeScope[E.questionType[e]!]!;
  const pol = w.scoped;
  if (scope === 0) {
    const lc = w.teamLineCoordinator[team]!;
    if (pol.managerIsLineCoordinator[team] === 0 && lc >= 0) return deliver(w, e, lc, LEVEL_COORDINATOR);
    return routeToManager(w, e);
  }
  if (scope === 1) {
    const pc = w.streamCoordinator[s]!;
    const kind = pol.processCoordinator[s]!;
    if (pc >= 0 && kind === PC_EXPLICIT) return deliver(w, e, pc, LEVEL_COORDINATOR);
    if (pc >= 0 && kind === PC_INFORMAL && reachable(w, pc)) return deliver(w, e, pc, LEVEL_COORDINATOR);
    return routeToManager(w, e);
  }
  return routeToManager(w, e);
}

/** The informal coordinator can be called in only while present and not swamped by his own measure (000:L216). */
function reachable(w: World, person: number): boolean {
  const p = w.persons[person]!;
  return p.absentDepth === 0 && p.escalations.length < p.informalReachLimit;
}

/** The team of the step the case is at when the escalation is raised. */
export function teamOf(w: World, e: number): number {
  const E = w.escalations;
  const id = E.request[e]!;
  const r = w.requests;
  const s = E.stream[e]!;
  // If the case has moved on (non-blocking escalations), fall back to its first step's team.
  const step = r.serial[id] === E.serial[e] ? r.step[id]! : 0;
  return w.stepTeam[s]![step]!;
}

/** To the manager who owns the case's team (or the stream's process manager under process dominance). */
export function routeToManager(w: World, e: number): void {
  const s = w.escalations.stream[e]!;
  let m = -1;
  if (w.scoped.dominance[s] === DOM_PROCESS) m = w.streamManager[s]!;
  if (m < 0) m = w.teamManager[teamOf(w, e)]!;
  if (m < 0) return toMeeting(w, e);
  deliver(w, e, m, LEVEL_MANAGER);
}

/**
 * The two teams a cross-team problem lies between (key a * nTeams + b, a < b), or -1:
 * the team of the case's step and the one it came from (or goes to, at the first step).
 * Only process questions (sequence, handover, flow, collisions) lie between teams.
 */
export function teamPair(w: World, e: number): number {
  const E = w.escalations;
  if (w.typeScope[E.questionType[e]!] !== 1) return -1;
  const s = E.stream[e]!;
  const k = E.step[e]!;
  const steps = w.stepTeam[s]!;
  const here = steps[k]!;
  const other = k > 0 ? steps[k - 1]! : steps.length > 1 ? steps[1]! : here;
  if (other === here) return -1;
  return here < other ? here * w.nTeams + other : other * w.nTeams + here;
}

export function deliver(w: World, e: number, person: number, level: number): void {
  const E = w.escalations;
  caseWaitsOn(w, e, level === LEVEL_COORDINATOR ? PART_COORDINATOR : PART_MANAGER);
  E.receiver[e] = person;
  E.level[e] = Math.max(E.level[e]!, level);
  w.persons[person]!.escalations.push(e);
  if (w.trace !== null) w.trace.add(w.sim.now, TR_ESCALATE, E.id[e]!, person, level);
  workArrives(w, w.persons[person]!);
}

/** Sends an escalation up to a meeting: process questions to their team pair's own meeting or the stream's chain meeting, else the MT. */
export function toMeeting(w: World, e: number): void {
  const E = w.escalations;
  const s = E.stream[e]!;
  const scope = w.typeScope[E.questionType[e]!]!;
  const meetings = w.meetings;
  const active = w.policy.meetingCadenceFactor > 0;
  let target = -1;
  if (scope === 1) {
    const pair = teamPair(w, e);
    if (pair >= 0) target = w.pairMeeting[pair]!;
    if (target < 0 && active) {
      for (let i = 0; i < meetings.length; i++) {
        const m = meetings[i]!;
        if (m.kind === 'chain' && m.pair < 0 && (m.streams === null || m.streams.has(s))) {
          target = i;
          break;
        }
      }
    }
  }
  // The MT takes what nothing else does, whatever the cadence of the other meetings: every design keeps the path to the top.
  if (target < 0) target = w.mtMeeting;
  E.receiver[e] = -1;
  E.level[e] = LEVEL_MEETING;
  caseWaitsOn(w, e, PART_MEETING);
  if (target < 0) {
    // No meeting to take it: the case follows the fallback rule.
    w.metrics.toMeeting(false);
    scheduleFallback(w, e);
    return;
  }
  w.metrics.toMeeting(meetings[target]!.kind === 'mt');
  if (w.trace !== null) w.trace.add(w.sim.now, TR_ESCALATE, E.id[e]!, -1 - target, LEVEL_MEETING);
  w.meetingQueues[target]!.push(e);
}

/** A case parked on escalation e now waits on `part` (a handover question stays `handover`). */
export function caseWaitsOn(w: World, e: number, part: number): void {
  const E = w.escalations;
  if (E.blocking[e] !== 1) return;
  const id = E.request[e]!;
  const r = w.requests;
  if (r.serial[id] !== E.serial[e] || r.status[id] !== R_PARKED) return;
  switchPart(w, id, E.reason[e] === ESC_HANDOVER ? PART_HANDOVER : part);
}
