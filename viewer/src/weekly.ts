// Weekly aggregates derived from the events once at load: hours per person, week and
// activity (from the activity events, split exactly at week boundaries), the manager
// week split built on them, and lead-time histograms of the requests finished up to
// each week. The charts only index into these arrays while the replay runs.

import { WEEK_HOURS } from '../../sim/model/spec.js';
import type { RunData } from './run-data.js';

export interface PersonWeeks {
  nActivities: number;
  weeks: number;
  /** Hours: index (person * weeks + week) * nActivities + activity. */
  hours: Float64Array;
}

export function buildPersonWeeks(run: RunData): PersonWeeks {
  const { ev, codes } = run;
  const nP = run.persons.length;
  const nA = run.activityNames.length;
  const weeks = run.weeks;
  const hours = new Float64Array(nP * weeks * nA);
  const current = new Uint8Array(nP).fill(run.activity.idle ?? 0);
  const since = new Float64Array(nP);
  const add = (p: number, act: number, t0: number, t1: number) => {
    let t = t0;
    while (t < t1) {
      const w = Math.floor(t / WEEK_HOURS);
      if (w >= weeks) break;
      const edge = Math.min(t1, (w + 1) * WEEK_HOURS);
      const i = (p * weeks + w) * nA + act;
      hours[i] = hours[i]! + (edge - t);
      t = edge;
    }
  };
  for (let i = 0; i < ev.n; i++) {
    if (ev.type[i] !== codes.activity) continue;
    const p = ev.a[i]!;
    const t = ev.time[i]!;
    add(p, current[p]!, since[p]!, t);
    current[p] = ev.b[i]!;
    since[p] = t;
  }
  for (let p = 0; p < nP; p++) add(p, current[p]!, since[p]!, run.totalHours);
  return { nActivities: nA, weeks, hours };
}

/** Whose week a manager chart shows: all managers, the MT members, or one person. */
export type WeekSubject = { kind: 'managers' } | { kind: 'mt' } | { kind: 'person'; person: number };

export interface WeekSplit {
  /** 1-based week numbers. */
  week: number[];
  design: number[];
  compensation: number[];
  meeting: number[];
  other: number[];
  overtime: number[];
  /** Persons summed (hours are totals over them). */
  persons: number;
}

export function weekSplit(run: RunData, pw: PersonWeeks, subject: WeekSubject): WeekSplit {
  const who =
    subject.kind === 'person'
      ? [subject.person]
      : run.persons.filter((p) => (subject.kind === 'mt' ? p.isMT : p.isManager)).map((p) => p.index);
  const a = run.activity;
  const cols = {
    design: [a.designing],
    compensation: [a.compensating],
    meeting: [a.meeting],
    other: [a.operating, a.coordinating],
    overtime: [a.overtime],
  };
  const out: WeekSplit = { week: [], design: [], compensation: [], meeting: [], other: [], overtime: [], persons: who.length };
  const nA = pw.nActivities;
  for (let w = 0; w < pw.weeks; w++) {
    out.week.push(w + 1);
    for (const key of Object.keys(cols) as (keyof typeof cols)[]) {
      let s = 0;
      for (const p of who) for (const act of cols[key]) if (act !== undefined) s += pw.hours[(p * pw.weeks + w) * nA + act]!;
      out[key].push(s);
    }
  }
  return out;
}

export interface LeadHistogram {
  /** Bin lower edges, hours; the last bin also holds everything above it. */
  edges: number[];
  width: number;
  /** Requests done by the end of each 0-based week: index week * bins + bin (cumulative). */
  cumulative: Int32Array;
  bins: number;
  weeks: number;
}

const NICE_WIDTHS = [0.5, 1, 2, 4, 8, 16, 20, 40, 80, 160, 320];

export interface BinSpec {
  width: number;
  bins: number;
}

function leadTimes(run: RunData): Float64Array {
  const { ev, codes } = run;
  const leads: number[] = [];
  for (let i = 0; i < ev.n; i++) if (ev.type[i] === codes.done) leads.push(ev.c[i]!);
  return Float64Array.from(leads).sort();
}

/** Bins that span the bulk (99th percentile) of the runs' lead times, shared so runs
 *  side by side are drawn on the same bins; a few stragglers land in the last bin. */
export function leadBins(runs: RunData[], targetBins = 30): BinSpec {
  let top = 1;
  for (const run of runs) {
    const sorted = leadTimes(run);
    if (sorted.length > 0) top = Math.max(top, sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!);
  }
  const width = NICE_WIDTHS.find((w) => top / w <= targetBins) ?? NICE_WIDTHS[NICE_WIDTHS.length - 1]!;
  return { width, bins: Math.max(1, Math.ceil(top / width) + 1) };
}

/** Lead-time histogram of `done` events (c = lead time in hours), cumulative per week. */
export function buildLeadHistogram(run: RunData, spec: BinSpec = leadBins([run])): LeadHistogram {
  const { ev, codes } = run;
  const { width, bins } = spec;
  const weeks = run.weeks;
  const cumulative = new Int32Array(weeks * bins);
  for (let i = 0; i < ev.n; i++) {
    if (ev.type[i] !== codes.done) continue;
    const w = Math.min(weeks - 1, Math.floor(ev.time[i]! / WEEK_HOURS));
    const b = Math.min(bins - 1, Math.floor(ev.c[i]! / width));
    cumulative[w * bins + b]!++;
  }
  for (let w = 1; w < weeks; w++) for (let b = 0; b < bins; b++) cumulative[w * bins + b]! += cumulative[(w - 1) * bins + b]!;
  return { edges: Array.from({ length: bins }, (_, b) => b * width), width, cumulative, bins, weeks };
}

/** Counts per bin of requests done by the end of 0-based week w (all zero before the first week). */
export function histogramAt(h: LeadHistogram, w: number): number[] {
  if (w < 0) return new Array<number>(h.bins).fill(0);
  const ww = Math.min(h.weeks - 1, w);
  return Array.from(h.cumulative.subarray(ww * h.bins, (ww + 1) * h.bins));
}
