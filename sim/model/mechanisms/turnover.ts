// Mechanism 8b: key knowledge moves (DOMAIN.md §4.8; 000:L605-611, L655-659;
// 001:L546-552, L1354-1360).
//
// The rule: people leave at `turnoverPerYear` and are replaced at once by a newcomer in
// the same place (same roles, same desk and queue: work already waiting for the leaver,
// tacit questions included, is taken over as it stands). A newcomer holds no tacit
// knowledge and, for `newcomerPeriod` hours, sends every question agreements leave open
// to a key person (mechanism 1; newcomers are told to go and ask her: 000:L605-611);
// their propensities start again from the values of the place (the shared behaviour,
// with overrides of their group but not the leaver's own: person-behaviour.ts) and they do not learn
// from what the leaver signalled.
// When a key person leaves, their team's tacit share falls with the number of key
// persons it has left (mechanism 1), until, `keyPersonRegrowth` hours later, the
// team's longest-serving experienced operator has grown into a key person. Departures
// are drawn up front from each person's own stream `turnover/<person>`, so every design
// sees the same departures (common random numbers).

import { WEEK_HOURS } from '../spec.js';
import type { World } from '../world.js';
import { forgetAuthor } from './learning.js';
import { resetToSlot } from '../person-behaviour.js';

/** Schedules every departure of the run. */
export function scheduleDepartures(w: World, end: number): void {
  const rate = w.spec.behaviour.turnoverPerYear / (52 * WEEK_HOURS);
  if (rate <= 0) return;
  for (const p of w.persons) {
    const rng = w.streams.stream(`turnover/${p.spec.id}`);
    for (let t = rng.exponential(1 / rate); t < end; t += rng.exponential(1 / rate)) w.sim.scheduleAt(t, w.kinds.departure, p.index);
  }
}

/** Handler of DEPARTURE: the person leaves and a newcomer takes their place. */
export function departure(w: World, person: number): void {
  const p = w.persons[person]!;
  const b = w.spec.behaviour;
  const now = w.sim.now;
  p.joined = now;
  p.newcomerUntil = now + b.newcomerPeriod;
  p.replaced++;
  resetToSlot(p);
  forgetAuthor(w, person);
  w.metrics.departure(p.isKey);
  if (!p.isKey) return;
  p.isKey = false;
  dropFrom(w.keyPersons, person);
  const team = homeTeam(w, person);
  if (team < 0) return;
  dropFrom(w.teamKeyPersons[team]!, person);
  w.sim.schedule(b.keyPersonRegrowth, w.kinds.keyRegrowth, team);
}

/** Handler of KEY_REGROWTH: the team's longest-serving experienced operator becomes a key person. */
export function keyRegrowth(w: World, team: number): void {
  const now = w.sim.now;
  let best = -1;
  for (const i of w.teamOperators[team]!) {
    const p = w.persons[i]!;
    if (p.isKey || p.newcomerUntil > now) continue;
    if (best < 0 || p.joined < w.persons[best]!.joined) best = i;
  }
  if (best < 0) {
    // Nobody experienced enough yet: try again after another growth period.
    w.sim.schedule(w.spec.behaviour.keyPersonRegrowth, w.kinds.keyRegrowth, team);
    return;
  }
  w.persons[best]!.isKey = true;
  w.keyPersons.push(best);
  w.teamKeyPersons[team]!.push(best);
}

function homeTeam(w: World, person: number): number {
  const p = w.persons[person]!;
  return p.operatorTeam >= 0 ? p.operatorTeam : p.lineCoordinatorTeam;
}

function dropFrom(list: number[], x: number): void {
  const at = list.indexOf(x);
  if (at >= 0) list.splice(at, 1);
}
