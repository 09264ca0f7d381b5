// Mechanism 8: key persons and absences (DOMAIN.md §4.8; 000:L577-583, L605-611,
// L655-659; 001:L876, L1364, L1423).
//
// The rule: tacit knowledge sits with key persons. A question only a key person can
// answer goes to a key person of the team that owns the step (else any key person in
// the organisation), preferring one who is present; if all are away, the case waits for
// the first of them. Their agendas therefore set the pace, and their absence shows late.
// Absences: the spells a scenario names, plus random spells per person (a Poisson
// process of `absenceRatePerYear`, exponential length of mean `absenceMeanHours`) drawn
// up front from the person's own stream `absence/<person>`, so every design sees the
// same absences.

import { interrupt, release } from '../agents.js';
import { CAT_ABSENT, CAT_OFF, ST_ABSENT } from '../person.js';
import { WEEK_HOURS } from '../spec.js';
import type { World } from '../world.js';

/** The key person who answers a tacit question raised in team t (not the asker), or -1. */
export function tacitHolder(w: World, team: number, asker: number): number {
  const local = w.teamKeyPersons[team]!;
  const pool = local.length > 0 ? local : w.keyPersons;
  let fallback = -1;
  for (let i = 0; i < pool.length; i++) {
    const k = pool[i]!;
    if (k === asker) continue;
    if (w.persons[k]!.absentDepth === 0) return k;
    if (fallback < 0) fallback = k;
  }
  return fallback;
}

/** Schedules every absence spell of the run (scenario spells and random ones). */
export function scheduleAbsences(w: World, end: number): void {
  const b = w.spec.behaviour;
  const rate = b.absenceRatePerYear / (52 * WEEK_HOURS);
  for (const p of w.persons) {
    for (const a of p.spec.absences) {
      if (a.from >= end) continue;
      w.sim.scheduleAt(a.from, w.kinds.absenceStart, p.index);
      if (a.to < end) w.sim.scheduleAt(a.to, w.kinds.absenceEnd, p.index);
    }
    if (rate <= 0) continue;
    const rng = w.streams.stream(`absence/${p.spec.id}`);
    let t = rng.exponential(1 / rate);
    while (t < end) {
      const length = rng.exponential(b.absenceMeanHours);
      w.sim.scheduleAt(t, w.kinds.absenceStart, p.index);
      if (t + length < end) w.sim.scheduleAt(t + length, w.kinds.absenceEnd, p.index);
      t += length + rng.exponential(1 / rate);
    }
  }
}

/** Handler of ABSENCE_START. Spells may overlap: a depth counter keeps them apart. */
export function absenceStart(w: World, person: number): void {
  const p = w.persons[person]!;
  p.absentDepth++;
  if (p.absentDepth > 1) return;
  p.account(w.sim.now);
  if (p.overtime) p.offDuty = true; // contract hours were already over
  p.overtime = false;
  p.inMeeting = -1; // leaves a meeting in progress
  interrupt(w, p, ST_ABSENT, p.offDuty ? CAT_OFF : CAT_ABSENT);
  w.metrics.absence();
}

/** Handler of ABSENCE_END. */
export function absenceEnd(w: World, person: number): void {
  const p = w.persons[person]!;
  p.absentDepth--;
  if (p.absentDepth > 0) return;
  if (p.inMeeting >= 0) return; // cannot happen: absent persons skip meetings
  release(w, p);
}
