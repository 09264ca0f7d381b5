// Escalations as journeys: where each one came from (the team and stream of its case),
// every hop up its path (receiver person or meeting, level), and how it ended. Built in
// one pass over the events at load.
//
// A `raise` event, written just before an escalation's first escalate event, names
// its case. The question that raised it (written just before that) gives its question
// type. Traces from before `raise` existed are still read: there an escalate event right
// after a question answered "escalated" belongs to that question's case, and escalations
// raised by collisions and rejected handovers keep serial -1 and start from the receiver's
// own team.

import { WEEK_HOURS } from '../../sim/model/spec.js';
import type { RunData } from './run-data.js';

/** Sim hours a finished escalation stays drawn, at most (its fate fades out). */
export const LINGER_MAX_HOURS = WEEK_HOURS;

export interface Hop {
  time: number;
  /** Person index, or -1 - meeting index. */
  receiver: number;
  level: number;
}

export interface EscalationTracks {
  count: number;
  /** Escalation ids as in the trace (index = track number). */
  id: Int32Array;
  start: Float64Array;
  /** Time it ended; +Infinity if still open when the run stopped. */
  end: Float64Array;
  /** Outcome index (codes.outcomes), -1 while open. */
  outcome: Int16Array;
  /** Person who settled it, -1 for a meeting or the fallback rule. */
  by: Int32Array;
  serial: Float64Array;
  stream: Int16Array;
  /** Team whose row the escalation leaves from, -1 if unknown. */
  sourceTeam: Int16Array;
  /** Operator working the case when it escalated, -1 if unknown. */
  sourcePerson: Int32Array;
  questionType: Int16Array;
  hops: Hop[][];
  /** Track numbers of escalations drawn during each 0-based week. */
  byWeek: Int32Array[];
  /** Track number by escalation id. */
  trackOf: Map<number, number>;
}

interface Building {
  id: number;
  start: number;
  end: number;
  outcome: number;
  by: number;
  serial: number;
  stream: number;
  sourceTeam: number;
  sourcePerson: number;
  questionType: number;
  hops: Hop[];
}

export function buildEscalations(run: RunData): EscalationTracks {
  const { ev, codes, persons } = run;
  // A question nobody could answer is escalated, or (newer models) escalated and reported as a design signal.
  const escalatedHow = run.howNames.indexOf('escalated');
  const signalledHow = run.howNames.indexOf('signalled');
  const streamOfSerial = new Map<number, number>();
  const personOfSerial = new Map<number, number>();
  const byId = new Map<number, Building>();
  const raisedFor = new Map<number, number>();
  const list: Building[] = [];
  for (let i = 0; i < ev.n; i++) {
    const k = ev.type[i]!;
    if (k === codes.arrive) streamOfSerial.set(ev.a[i]!, ev.b[i]!);
    else if (k === codes.stepStart) personOfSerial.set(ev.a[i]!, ev.c[i]!);
    else if (k === codes.raise) raisedFor.set(ev.a[i]!, ev.b[i]!);
    else if (k === codes.done) {
      streamOfSerial.delete(ev.a[i]!);
      personOfSerial.delete(ev.a[i]!);
    } else if (k === codes.escalate) {
      const id = ev.a[i]!;
      let e = byId.get(id);
      if (!e) {
        let serial = -1;
        let qt = -1;
        const j = i > 0 && ev.type[i - 1] === codes.raise ? i - 2 : i - 1;
        if (j >= 0 && ev.type[j] === codes.question && (ev.c[j] === escalatedHow || (signalledHow >= 0 && ev.c[j] === signalledHow)) && ev.time[j] === ev.time[i]) {
          serial = ev.a[j]!;
          qt = ev.b[j]!;
        }
        // Traces with `raise` events name the case of every escalation, collisions and handovers included.
        serial = raisedFor.get(id) ?? serial;
        const op = serial >= 0 ? (personOfSerial.get(serial) ?? -1) : -1;
        const receiver = ev.b[i]!;
        let team = op >= 0 ? persons[op]!.team : -1;
        if (team < 0 && receiver >= 0) team = persons[receiver]!.team;
        e = {
          id, start: ev.time[i]!, end: Number.POSITIVE_INFINITY, outcome: -1, by: -1, serial,
          stream: serial >= 0 ? (streamOfSerial.get(serial) ?? -1) : -1, sourceTeam: team, sourcePerson: op, questionType: qt, hops: [],
        };
        byId.set(id, e);
        list.push(e);
      }
      e.hops.push({ time: ev.time[i]!, receiver: ev.b[i]!, level: ev.c[i]! });
    } else if (k === codes.resolved) {
      const e = byId.get(ev.a[i]!);
      if (e) {
        e.end = ev.time[i]!;
        e.outcome = ev.b[i]!;
        e.by = ev.c[i]!;
      }
    }
  }
  const n = list.length;
  const t: EscalationTracks = {
    count: n,
    id: new Int32Array(n),
    start: new Float64Array(n),
    end: new Float64Array(n),
    outcome: new Int16Array(n),
    by: new Int32Array(n),
    serial: new Float64Array(n),
    stream: new Int16Array(n),
    sourceTeam: new Int16Array(n),
    sourcePerson: new Int32Array(n),
    questionType: new Int16Array(n),
    hops: [],
    byWeek: [],
    trackOf: new Map(),
  };
  list.forEach((e, j) => {
    t.id[j] = e.id;
    t.start[j] = e.start;
    t.end[j] = e.end;
    t.outcome[j] = e.outcome;
    t.by[j] = e.by;
    t.serial[j] = e.serial;
    t.stream[j] = e.stream;
    t.sourceTeam[j] = e.sourceTeam;
    t.sourcePerson[j] = e.sourcePerson;
    t.questionType[j] = e.questionType;
    t.hops.push(e.hops);
    t.trackOf.set(e.id, j);
  });
  // Week buckets: a track is listed in every week it is on screen (open, or fading out).
  const weeks = run.weeks + 1;
  const buckets: number[][] = Array.from({ length: weeks }, () => []);
  for (let j = 0; j < n; j++) {
    const w0 = Math.floor(t.start[j]! / WEEK_HOURS);
    const endShown = Math.min(run.totalHours, t.end[j]! + LINGER_MAX_HOURS);
    const w1 = Math.min(weeks - 1, Math.floor(endShown / WEEK_HOURS));
    for (let w = Math.max(0, w0); w <= w1; w++) buckets[w]!.push(j);
  }
  t.byWeek = buckets.map((b) => Int32Array.from(b));
  return t;
}

/** Tracks on screen at time t: started, and not yet faded out `linger` hours after ending. */
export function activeTracks(t: EscalationTracks, time: number, linger: number, out: number[]): number[] {
  out.length = 0;
  const w = Math.min(t.byWeek.length - 1, Math.max(0, Math.floor(time / WEEK_HOURS)));
  const bucket = t.byWeek[w];
  if (!bucket) return out;
  for (let k = 0; k < bucket.length; k++) {
    const j = bucket[k]!;
    if (t.start[j]! <= time && t.end[j]! + linger >= time) out.push(j);
  }
  return out;
}

/** The hop an escalation is on at time t (the last one that has started). */
export function hopAt(hops: Hop[], time: number): number {
  let h = 0;
  while (h + 1 < hops.length && hops[h + 1]!.time <= time) h++;
  return h;
}
