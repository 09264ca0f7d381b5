// Where a request's lead time goes: every moment between arrival and completion is
// booked to exactly one part, so the parts of each completed request add up to its lead
// time and their means add up to the mean lead time. The part changes whenever the
// request's state does (queued, worked on, parked on a key person or an escalation at
// some level, waiting for the fallback rule, waiting outside the organisation). Two
// parts are causes rather than states: time spent again on a step whose improvised
// answer did not hold (queue and work) is `rework`, and time parked on the question a
// rejected handover raised is `handover`.

import type { World } from './world.js';

export const PART_QUEUE = 0;
export const PART_WORK = 1;
export const PART_KEY_PERSON = 2;
export const PART_COORDINATOR = 3;
export const PART_MANAGER = 4;
export const PART_MEETING = 5;
export const PART_FALLBACK = 6;
export const PART_EXTERNAL = 7;
export const PART_REWORK = 8;
export const PART_HANDOVER = 9;

/** Part ids with what each holds. */
export const LEAD_TIME_PARTS = {
  queue: 'waiting in a team queue for an operator',
  work: "an operator's work on a step, improvisation effort included",
  key_person: 'parked until a key person answers a question from memory',
  coordinator: 'parked on an escalation at a coordinator',
  manager: 'parked on an escalation at a manager',
  meeting: 'parked on an escalation waiting for, or settled in, a meeting',
  fallback: 'parked until the fallback rule lets the case go on',
  external: 'waiting on the applicant, another organisation or a statutory period',
  rework: 'queue and work again on a step whose improvised answer did not hold',
  handover: 'parked on the question a rejected handover raised',
} as const;
export type LeadTimePart = keyof typeof LEAD_TIME_PARTS;
export const LEAD_TIME_PART_IDS = Object.keys(LEAD_TIME_PARTS) as LeadTimePart[];
export const N_PARTS = LEAD_TIME_PART_IDS.length;

/** Books request id's time since its last change to its current part, and switches to `part`. */
export function switchPart(w: World, id: number, part: number): void {
  const r = w.requests;
  const now = w.sim.now;
  const at = id * N_PARTS + r.part[id]!;
  r.partTime[at] = r.partTime[at]! + (now - r.partSince[id]!);
  r.part[id] = part;
  r.partSince[id] = now;
}

/** The part a queued or worked-on request is in: rework while a step is being redone. */
export function queuePart(w: World, id: number): number {
  return w.requests.reworking[id] === 1 ? PART_REWORK : PART_QUEUE;
}
export function workPart(w: World, id: number): number {
  return w.requests.reworking[id] === 1 ? PART_REWORK : PART_WORK;
}
