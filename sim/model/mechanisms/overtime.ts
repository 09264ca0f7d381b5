// Mechanism 11: overtime and hidden load (DOMAIN.md §4.11; 000:L136, L2112; 001:L489).
//
// The rule: each person works their contract hours at the start of every working week
// of WEEK_HOURS clock hours. When their contract time ends and the work waiting for
// them exceeds `overtimeThreshold` hours, they stay on, up to `overtimeMax` hours (and
// never beyond the week), leaving as soon as nothing urgent is left. Overtime keeps
// visible KPIs acceptable while the hidden load grows. No random stream.

import { interrupt } from '../agents.js';
import { CAT_OFF, type PersonState, ST_ABSENT, ST_MEETING, ST_OFF } from '../person.js';
import { WEEK_HOURS } from '../spec.js';
import type { World } from '../world.js';

/** Hours of work waiting for this person: own queues plus a share of their team's queue. */
export function backlogHours(w: World, p: PersonState): number {
  let hours = p.escalations.length * w.behaviourDist.coordination.mean;
  for (let i = 0; i < p.consultTypes.length; i++) hours += w.typeEffort[p.consultTypes[i]!]!.mean;
  if (p.operatorTeam >= 0) {
    const ops = w.teamOperators[p.operatorTeam]!.length;
    hours += (w.teamQueues[p.operatorTeam]!.length * w.meanStepHours[p.operatorTeam]!) / Math.max(1, ops);
  }
  return hours;
}

/** Handler of OFF_DUTY: contract hours are over for this week. */
export function offDuty(w: World, person: number): void {
  const p = w.persons[person]!;
  if (p.state === ST_ABSENT) {
    p.offDuty = true;
    interrupt(w, p, ST_ABSENT, CAT_OFF);
    return;
  }
  const weekEnd = (Math.floor(w.sim.now / WEEK_HOURS) + 1) * WEEK_HOURS;
  const room = Math.min(w.spec.behaviour.overtimeMax, weekEnd - w.sim.now);
  if (room > 1e-9 && p.state !== ST_MEETING && backlogHours(w, p) > w.spec.behaviour.overtimeThreshold) {
    p.account(w.sim.now); // contract time so far is not overtime
    p.overtime = true;
    w.sim.schedule(room, w.kinds.overtimeEnd, person);
    return;
  }
  goOffDuty(w, p);
}

/** Handler of OVERTIME_END. */
export function overtimeEnd(w: World, person: number): void {
  const p = w.persons[person]!;
  if (!p.overtime) return; // already left (nothing to do, or absent)
  goOffDuty(w, p);
}

export function goOffDuty(w: World, p: PersonState): void {
  p.account(w.sim.now); // book the overtime worked so far before the flag drops
  p.offDuty = true;
  if (p.state === ST_MEETING) {
    // Stays to the end of the meeting: that time is beyond contract hours.
    p.overtime = true;
    return;
  }
  p.overtime = false;
  interrupt(w, p, p.state === ST_ABSENT ? ST_ABSENT : ST_OFF, CAT_OFF);
}
