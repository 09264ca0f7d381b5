// Mechanisms 9 and 10: meetings and the MT agenda (DOMAIN.md §4.9-4.10; 000:L681-746,
// L701, L2619-2669; 001:L1333-1348, L1260-1263).
//
// The rule: a meeting takes all its present participants away from their work for
// its duration (work in hand is resumed afterwards). It settles the escalations sent to
// it in one batch, at most duration / mtItemHours items: each becomes a meeting-made
// agreement for its (stream, question type) that holds for meetingAgreementValidity
// hours, is recorded as a visible design signal (a decision taken in a meeting is on
// record), and the waiting case goes on when the meeting ends. So escalation latency
// runs up to the cadence. The MT also spends agenda slots on the design backlog
// (participants' hours count as design work on the cell); its agenda rule decides the
// order: `incident-first` takes incidents before design items, `design-first` design
// items before incidents.
//
// Fixes pile up as meetings (001:L1333-1348): in every design, when cross-team
// escalations between the same two teams keep reaching managers (at least
// `meetingSpawnThreshold` in a week), those teams' managers, with the process
// coordinators of the streams they share, set up a recurring meeting of their own
// (cadence and duration from behaviour). It takes the process escalations between those
// two teams from then on and costs its participants' time. The measure that set it up
// also ends it: after `meetingQuietWeeks` weeks in a row in which the two teams'
// escalations stay below the threshold (the problem was designed away, or a coordinator
// now settles it before it reaches a manager), the meeting is dropped and whatever it
// still holds goes on to the next meeting up. A design's structure can therefore make
// fewer meetings emerge; it cannot forbid them. A cadence factor of 0 cancels the
// scheduled meetings other than the MT (the path to the top stays); they resume when a
// policy change restores it. No random stream.

import { interrupt, release } from '../agents.js';
import { CAT_MEETING, ST_MEETING } from '../person.js';
import { OUT_MEETING } from '../store.js';
import { TR_MEETING } from '../trace.js';
import type { World } from '../world.js';
import { applyDesignWork, beginDesignWork, designItemFor, signalEscalation } from './design.js';
import { toMeeting } from './escalation.js';
import { finish } from './intervention.js';

/** Hours into the week at which a newly set-up meeting first sits (a calendar choice of ours). */
const SPAWNED_FIRST_SESSION = 16;

/** Handler of MEETING_START. */
export function meetingStart(w: World, m: number): void {
  const mt = w.meetings[m]!;
  if (mt.ended) return;
  if (mt.pair < 0 && mt.kind !== 'mt' && w.policy.meetingCadenceFactor <= 0) {
    w.meetingDormant[m] = 1;
    return;
  }
  const present: number[] = [];
  for (const i of w.meetingMembers[m]!) {
    const p = w.persons[i]!;
    if (p.absentDepth > 0 || p.offDuty || p.inMeeting >= 0) continue;
    interrupt(w, p, ST_MEETING, CAT_MEETING);
    p.inMeeting = m;
    present.push(i);
  }
  w.meetingPresent[m] = present;
  if (w.trace !== null) w.trace.add(w.sim.now, TR_MEETING, m, 1, present.length);
  let slots = Math.floor(mt.duration / w.spec.behaviour.mtItemHours + 1e-9);
  const decided = w.meetingDecided[m]!;
  const designFirst = mt.kind === 'mt' && w.policy.mtAgenda === 'design-first';
  if (designFirst) slots = designSlots(w, slots, present.length);
  const queue = w.meetingQueues[m]!;
  while (slots > 0 && queue.length > 0) {
    const e = queue.shift()!;
    signalEscalation(w, e);
    w.escalations.held[e] = 1; // this session refers to it until it ends
    decided.push(e);
    slots--;
  }
  if (mt.kind === 'mt' && !designFirst) designSlots(w, slots, present.length);
  w.metrics.meetingHeld(mt.kind === 'mt', decided.length);
  w.sim.schedule(mt.duration, w.kinds.meetingEnd, m);
}

/** The MT works on design items for up to `slots` agenda items; returns slots left. */
function designSlots(w: World, slots: number, present: number): number {
  const hours = w.spec.behaviour.mtItemHours * present;
  while (slots > 0 && present > 0) {
    const cell = designItemFor(w);
    if (cell < 0) break;
    beginDesignWork(w, cell);
    applyDesignWork(w, cell, hours);
    w.metrics.mtDesignItem();
    slots--;
  }
  return slots;
}

/** Handler of MEETING_END: decisions take effect, participants go back to work. */
export function meetingEnd(w: World, m: number): void {
  const mt = w.meetings[m]!;
  const decided = w.meetingDecided[m]!;
  const until = w.sim.now + w.spec.behaviour.meetingAgreementValidity;
  const E = w.escalations;
  for (const e of decided) {
    // The decision holds from the end of the meeting for the validity period.
    const cell = E.stream[e]! * w.nTypes + E.questionType[e]!;
    w.meetingValidUntil[cell] = Math.max(w.meetingValidUntil[cell]!, until);
    E.held[e] = 0;
    if (Number.isNaN(E.resolved[e]!)) finish(w, e, OUT_MEETING, -1);
    else E.release(e); // withdrawn during the session
  }
  decided.length = 0;
  for (const i of w.meetingPresent[m]!) {
    const p = w.persons[i]!;
    if (p.inMeeting !== m) continue;
    p.inMeeting = -1;
    release(w, p);
  }
  w.meetingPresent[m] = [];
  if (w.trace !== null) w.trace.add(w.sim.now, TR_MEETING, m, 0, 0);
  if (mt.ended) return;
  const factor = mt.pair >= 0 || mt.kind === 'mt' ? 1 : w.policy.meetingCadenceFactor;
  const gap = mt.cadence * factor - mt.duration;
  w.sim.schedule(Math.max(0, gap), w.kinds.meetingStart, m);
}

/** After a policy change: meetings cancelled earlier start again if the cadence allows. */
export function wakeMeetings(w: World): void {
  if (w.policy.meetingCadenceFactor <= 0) return;
  for (let m = 0; m < w.meetings.length; m++) {
    if (w.meetingDormant[m] === 1) {
      w.meetingDormant[m] = 0;
      w.sim.schedule(w.meetings[m]!.offset % w.meetings[m]!.cadence, w.kinds.meetingStart, m);
    }
  }
}

/** Weekly: team pairs that kept escalating to their managers set up a meeting; pairs that
 *  stayed quiet long enough drop theirs; the counts start again. */
export function spawnMeetings(w: World): void {
  const b = w.spec.behaviour;
  const counts = w.pairEscalations;
  if (b.meetingSpawnThreshold <= 0) return;
  for (let pair = 0; pair < counts.length; pair++) {
    const live = w.pairMeeting[pair]!;
    const busy = counts[pair]! >= b.meetingSpawnThreshold;
    if (live < 0) {
      if (busy) spawnMeeting(w, pair);
      continue;
    }
    const mt = w.meetings[live]!;
    mt.idle = busy ? 0 : mt.idle + 1;
    if (mt.idle >= b.meetingQuietWeeks) dropMeeting(w, live);
  }
  counts.fill(0);
}

/** A spawned meeting is dropped; escalations still waiting for it go on to the next meeting up. */
function dropMeeting(w: World, m: number): void {
  const mt = w.meetings[m]!;
  mt.ended = true;
  w.pairMeeting[mt.pair] = -1;
  w.metrics.meetingCancelled();
  const waiting = w.meetingQueues[m]!.splice(0);
  for (const e of waiting) toMeeting(w, e);
}

function spawnMeeting(w: World, pair: number): void {
  const a = Math.floor(pair / w.nTeams);
  const c = pair % w.nTeams;
  const b = w.spec.behaviour;
  const members = new Set<number>();
  for (const t of [a, c]) if (w.teamManager[t]! >= 0) members.add(w.teamManager[t]!);
  const streams = new Set<number>();
  for (let s = 0; s < w.nStreams; s++) {
    const teams = w.stepTeam[s]!;
    if (!teams.includes(a) || !teams.includes(c)) continue;
    streams.add(s);
    if (w.scoped.processCoordinator[s] !== 0 && w.streamCoordinator[s]! >= 0) members.add(w.streamCoordinator[s]!);
  }
  if (members.size === 0) return;
  const m = w.meetings.length;
  const names = w.spec.teams;
  w.meetings.push({
    id: `spawned-${m}`,
    name: `Overleg ${names[a]!.name} – ${names[c]!.name}`,
    kind: 'chain',
    streams,
    cadence: b.spawnedMeetingCadence,
    duration: b.spawnedMeetingDuration,
    offset: SPAWNED_FIRST_SESSION,
    pair,
    idle: 0,
    ended: false,
  });
  w.meetingQueues.push([]);
  w.meetingMembers.push([...members].sort((x, y) => x - y));
  w.meetingPresent.push([]);
  w.meetingDecided.push([]);
  w.meetingDormant.push(0);
  w.pairMeeting[pair] = m;
  w.metrics.meetingSpawned();
  w.sim.schedule(SPAWNED_FIRST_SESSION, w.kinds.meetingStart, m);
}
