// Headline figures "so far": what the run has shown from the start of observation (the
// end of warm-up) up to the clock's time, so the figures move while the room watches
// instead of showing the whole run's result from the first frame. Counts are kept per
// model hour (cumulative), managers' time per week, both built once at load; reading
// a figure at a time is a few array lookups. DOM-free (Node tests use it).

import { WEEK_HOURS } from '../../../sim/model/spec.js';
import type { RunData } from '../run-data.js';
import type { PersonWeeks } from '../weekly.js';

export interface SoFar {
  /** Whole hours covered; cumulative arrays have hours + 1 entries (value before hour h). */
  hours: number;
  warmup: number;
  arrivals: Float64Array;
  escalations: Float64Array;
  done: Float64Array;
  leadSum: Float64Array;
  /** Managers' hours per completed week, cumulative (weeks + 1 entries). */
  mgrCompensating: Float64Array;
  mgrOnDuty: Float64Array;
}

export interface SoFarFigures {
  /** Escalations raised per 100 requests arrived, since observation started. */
  escalationsPer100: number | null;
  /** Share of managers' on-duty time spent compensating, completed observed weeks. */
  compensationShare: number | null;
  /** Mean lead time of requests finished since observation started, hours. */
  leadMean: number | null;
}

function cumulate(a: Float64Array): Float64Array {
  for (let i = 1; i < a.length; i++) a[i] = a[i]! + a[i - 1]!;
  return a;
}

export function buildSoFar(run: RunData, weeks: PersonWeeks): SoFar {
  const { ev, codes } = run;
  const hours = Math.ceil(run.totalHours) + 1;
  const arrivals = new Float64Array(hours + 1);
  const escalations = new Float64Array(hours + 1);
  const done = new Float64Array(hours + 1);
  const leadSum = new Float64Array(hours + 1);
  // An escalation is counted once, when raised: the raise event (trace version 2), or
  // its first escalate hop in older traces.
  const countEscalation = codes.raise >= 0 ? codes.raise : codes.escalate;
  const seen = codes.raise >= 0 ? null : new Set<number>();
  for (let i = 0; i < ev.n; i++) {
    const k = ev.type[i]!;
    const h = Math.min(hours, Math.floor(ev.time[i]!) + 1);
    if (k === codes.arrive) arrivals[h]!++;
    else if (k === codes.done) {
      done[h]!++;
      leadSum[h] = leadSum[h]! + ev.c[i]!;
    } else if (k === countEscalation) {
      if (seen) {
        if (seen.has(ev.a[i]!)) continue;
        seen.add(ev.a[i]!);
      }
      escalations[h]!++;
    }
  }
  const nW = weeks.weeks;
  const nA = weeks.nActivities;
  const comp = run.activity.compensating ?? -1;
  const off = run.activity.off ?? -1;
  const mgrCompensating = new Float64Array(nW + 1);
  const mgrOnDuty = new Float64Array(nW + 1);
  for (const p of run.persons) {
    if (!p.isManager) continue;
    for (let w = 0; w < nW; w++) {
      const base = (p.index * nW + w) * nA;
      for (let a = 0; a < nA; a++) {
        const v = weeks.hours[base + a]!;
        if (a !== off) mgrOnDuty[w + 1] = mgrOnDuty[w + 1]! + v;
        if (a === comp) mgrCompensating[w + 1] = mgrCompensating[w + 1]! + v;
      }
    }
  }
  return {
    hours,
    warmup: run.warmup,
    arrivals: cumulate(arrivals),
    escalations: cumulate(escalations),
    done: cumulate(done),
    leadSum: cumulate(leadSum),
    mgrCompensating: cumulate(mgrCompensating),
    mgrOnDuty: cumulate(mgrOnDuty),
  };
}

/** The figures from the end of warm-up to model time t (null before there is anything to measure). */
export function soFarAt(s: SoFar, t: number): SoFarFigures {
  const at = (a: Float64Array, h: number) => a[Math.max(0, Math.min(a.length - 1, h))]!;
  const h1 = Math.floor(t) + 1;
  const h0 = Math.floor(s.warmup) + 1;
  if (t < s.warmup) return { escalationsPer100: null, compensationShare: null, leadMean: null };
  const since = (a: Float64Array) => at(a, h1) - at(a, h0);
  const arrived = since(s.arrivals);
  const finished = since(s.done);
  const w0 = Math.ceil(s.warmup / WEEK_HOURS - 1e-9);
  const w1 = Math.floor(t / WEEK_HOURS + 1e-9);
  const duty = w1 > w0 ? at(s.mgrOnDuty, w1) - at(s.mgrOnDuty, w0) : 0;
  return {
    escalationsPer100: arrived > 0 ? (100 * since(s.escalations)) / arrived : null,
    compensationShare: duty > 0 ? (at(s.mgrCompensating, w1) - at(s.mgrCompensating, w0)) / duty : null,
    leadMean: finished > 0 ? since(s.leadSum) / finished : null,
  };
}
