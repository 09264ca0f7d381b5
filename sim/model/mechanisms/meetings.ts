// Mechanisms 9 and 10: meetings and the MT agenda (DOMAIN.md §4.9-4.10; 000:L681-746,
// L701, L2619-2669; 001:L1333-1348, L1260-1263).
//
// The rule: a meeting takes all its present participants away from their work for
// its duration (work in hand is resumed afterwards). It settles the escalations sent to
// it in one batch, at most duration / mtItemHours items: each becomes a meeting-made
// agreement for its (stream, question type) that holds for meetingAgreementValidity
// hours, and the waiting case goes on when the meeting ends. So escalation latency
// runs up to the cadence. The MT also spends agenda slots on the design backlog
// (participants' hours count as design work on the cell); its agenda rule decides the
// order: `incident-first` (island) takes incidents before design items, `design-first`
// (USM) design items before incidents. Under `refer-or-signal` a meeting decision is
// also recorded as a design signal. A cadence factor of 0 cancels meetings; they
// resume when a policy change restores it. No random stream.

import { interrupt, release } from '../agents.js';
import { CAT_MEETING, ST_MEETING } from '../person.js';
import { OUT_MEETING } from '../store.js';
import { TR_MEETING } from '../trace.js';
import type { World } from '../world.js';
import { applyDesignWork, designItemFor, signalEscalation } from './design.js';
import { finish } from './intervention.js';

/** Handler of MEETING_START. */
export function meetingStart(w: World, m: number): void {
  const spec = w.spec.meetings[m]!;
  if (w.policy.meetingCadenceFactor <= 0) {
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
  let slots = Math.floor(spec.duration / w.spec.behaviour.mtItemHours + 1e-9);
  const decided = w.meetingDecided[m]!;
  const designFirst = spec.kind === 'mt' && w.policy.mtAgenda === 'design-first';
  if (designFirst) slots = designSlots(w, m, slots, present.length);
  const queue = w.meetingQueues[m]!;
  while (slots > 0 && queue.length > 0) {
    const e = queue.shift()!;
    if (w.policy.managerIntervention === 'refer-or-signal') signalEscalation(w, e);
    decided.push(e);
    slots--;
  }
  if (spec.kind === 'mt' && !designFirst) designSlots(w, m, slots, present.length);
  w.metrics.meetingHeld(spec.kind === 'mt', decided.length);
  w.sim.schedule(spec.duration, w.kinds.meetingEnd, m);
}

/** The MT works on design items for up to `slots` agenda items; returns slots left. */
function designSlots(w: World, m: number, slots: number, present: number): number {
  const hours = w.spec.behaviour.mtItemHours * present;
  while (slots > 0 && present > 0) {
    const cell = designItemFor(w);
    if (cell < 0) break;
    if (w.designLeft[cell]! <= 0) w.designLeft[cell] = w.behaviourDist.design.sample(w.rng.design);
    applyDesignWork(w, cell, hours);
    w.metrics.mtDesignItem();
    slots--;
  }
  void m;
  return slots;
}

/** Handler of MEETING_END: decisions take effect, participants go back to work. */
export function meetingEnd(w: World, m: number): void {
  const spec = w.spec.meetings[m]!;
  const decided = w.meetingDecided[m]!;
  const until = w.sim.now + w.policy.meetingAgreementValidity;
  for (const e of decided) {
    // The decision holds from the end of the meeting for the validity period.
    const cell = w.escalations.stream[e]! * w.nTypes + w.escalations.questionType[e]!;
    w.meetingValidUntil[cell] = Math.max(w.meetingValidUntil[cell]!, until);
    finish(w, e, OUT_MEETING, -1);
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
  const gap = spec.cadence * w.policy.meetingCadenceFactor - spec.duration;
  w.sim.schedule(Math.max(0, gap), w.kinds.meetingStart, m);
}

/** After a policy change: meetings cancelled earlier start again if the cadence allows. */
export function wakeMeetings(w: World): void {
  if (w.policy.meetingCadenceFactor <= 0) return;
  for (let m = 0; m < w.spec.meetings.length; m++) {
    if (w.meetingDormant[m] === 1) {
      w.meetingDormant[m] = 0;
      w.sim.schedule(w.spec.meetings[m]!.offset % w.spec.meetings[m]!.cadence, w.kinds.meetingStart, m);
    }
  }
}
