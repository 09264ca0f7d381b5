// How big one replication will be, estimated from the model before it runs, and the
// limits a run must stay within. A horizon of a million weeks, or ten thousand persons
// with a trace, should be refused in milliseconds with a way out, not after minutes of
// work with an internal error (a full calendar, a string too long for V8).
//
// The coefficients are fitted on the built-in scenarios (DPV, Middenstad, flow teams;
// every design, arrival rates scaled from 1% to 100%) and rounded up, so the estimate
// is a little high: engine events per arrival, per step of an arrival and per person-
// week, trace records likewise. Pure: no Node imports (the viewer and the queue use it).

import { peakFactor } from './load-schedule.js';
import { type ModelSpec, WEEK_HOURS } from './spec.js';

export interface SizeOptions {
  /** Hours observed after the warm-up. */
  horizon: number;
  /** Hours of warm-up. */
  warmup: number;
  /** The run records its event trace. */
  trace: boolean;
}

export interface RunSizeEstimate {
  /** Simulated weeks (warm-up and horizon). */
  weeks: number;
  /** Expected requests arriving. */
  arrivals: number;
  /** Engine events processed (a little high). */
  events: number;
  /** Events on the calendar before the first one fires (pre-drawn absences, meetings, first arrivals). */
  pendingAtStart: number;
  /** Trace records (0 without a trace). */
  traceEvents: number;
  /** Bytes of the trace file (0 without a trace). */
  traceBytes: number;
  /** Bytes of memory the run takes to record its trace (0 without a trace). */
  traceMemoryBytes: number;
  /** Bytes of the run's result without the trace (weekly series and per-cell queues). */
  resultBytes: number;
  /** Engine events per simulated week, to say how long a run may be. */
  eventsPerWeek: number;
  /** Trace records per simulated week. */
  traceEventsPerWeek: number;
}

/** Limits on one replication (README, "Limits of a run"). */
export const SIZE_LIMITS = {
  /** Warm-up plus horizon, weeks (100 years). */
  weeks: 100 * 52,
  /** Engine events in one replication: about 5 minutes of one thread. */
  events: 100_000_000,
  /** Events pending at the start (the calendar holds 2^24; work in progress needs the rest). */
  pendingAtStart: 4_000_000,
  /** Trace records: the model keeps every record in memory until the run ends. Measured
   *  peak RSS of `stroom trace dpv`: 6.6 million records 744 MB, 7.6 million 1.06 GB
   *  (array growth and garbage collection make it rise faster than linearly). */
  traceEvents: 6_000_000,
  /** Memory of one result without its trace. */
  resultBytes: 256 * 1024 * 1024,
} as const;

// Fitted coefficients (see the header), rounded up.
const EVENTS_PER_ARRIVAL = 1.2;
const EVENTS_PER_STEP = 1.1;
const EVENTS_PER_PERSON_WEEK = 1.5;
const TRACE_PER_ARRIVAL = 2.7;
const TRACE_PER_STEP = 4.4;
const TRACE_PER_PERSON_WEEK = 3.6;
/** JSON bytes per trace record: five rounded numbers and their separators (measured 19.9). */
const TRACE_BYTES_PER_EVENT = 21;
/** Memory per trace record while the run lasts: five growing number arrays, then their
 *  typed copies (measured 90 to 120 at peak RSS, the start-up's 170 MB included). */
const TRACE_MEMORY_PER_EVENT = 120;
/** Weekly series a result carries (SERIES_NAMES plus the week column, with room to grow). */
const SERIES = 32;

export function estimateRunSize(spec: ModelSpec, options: SizeOptions): RunSizeEstimate {
  const hours = Math.max(0, options.horizon) + Math.max(0, options.warmup);
  const weeks = Math.ceil(hours / WEEK_HOURS);
  let arrivalRate = 0;
  let stepRate = 0;
  // A load schedule can raise every rate for part of the run: size for its peak.
  const peak = peakFactor(spec.arrivalScale);
  for (const s of spec.streams) {
    arrivalRate += s.arrivalRate * peak;
    stepRate += s.arrivalRate * peak * s.steps.length;
  }
  const persons = spec.persons.length;
  const personHours = persons * WEEK_HOURS;
  // Meetings: start and end, and each participant's activity changing twice; at the
  // fastest cadence any policy of the run sets (a factor of 0 cancels meetings).
  const factors = [spec.policies, ...spec.timeline.map((t) => t.policies)].map(cadenceFactorOf).filter((f): f is number => f !== undefined && f > 0);
  const fastest = factors.length > 0 ? Math.min(...factors) : cadenceFactorOf(spec.policies) === 0 ? 0 : 1;
  let meetingRate = 0;
  if (fastest > 0) {
    for (const m of spec.meetings) meetingRate += (2 + 2 * m.participants.length) / Math.max(m.cadence * fastest, m.duration, 1e-3);
  }
  // Random absences are drawn for the whole run up front: two events per spell.
  const absenceRate = (2 * persons * (numberOf(spec.behaviour, 'absenceRatePerYear') ?? 0)) / (52 * WEEK_HOURS);
  const fixedAbsences = spec.persons.reduce((n, p) => n + 2 * (p.absences?.length ?? 0), 0);

  const eventsPerHour = EVENTS_PER_ARRIVAL * arrivalRate + EVENTS_PER_STEP * stepRate + (EVENTS_PER_PERSON_WEEK * personHours) / (WEEK_HOURS * WEEK_HOURS) + meetingRate + absenceRate;
  const tracePerHour = TRACE_PER_ARRIVAL * arrivalRate + TRACE_PER_STEP * stepRate + (TRACE_PER_PERSON_WEEK * personHours) / (WEEK_HOURS * WEEK_HOURS) + meetingRate + absenceRate;
  const events = Math.ceil(eventsPerHour * hours + fixedAbsences);
  const traceEvents = options.trace ? Math.ceil(tracePerHour * hours + fixedAbsences) : 0;
  const cells = spec.teams.length * spec.streams.length;
  const resultBytes = weeks * (cells + SERIES) * 8 + persons * 400;
  const traceFixed = weeks * (cells * 8 + SERIES * 10) + persons * 300 + 10_000;
  return {
    weeks,
    arrivals: Math.round(arrivalRate * hours),
    events,
    pendingAtStart: Math.ceil(absenceRate * hours + fixedAbsences + spec.streams.length + spec.meetings.length + persons + spec.timeline.length + 2),
    traceEvents,
    traceBytes: options.trace ? traceEvents * TRACE_BYTES_PER_EVENT + traceFixed : 0,
    traceMemoryBytes: options.trace ? traceEvents * TRACE_MEMORY_PER_EVENT : 0,
    resultBytes,
    eventsPerWeek: eventsPerHour * WEEK_HOURS,
    traceEventsPerWeek: options.trace ? tracePerHour * WEEK_HOURS : 0,
  };
}

// The model is being reworked: read the two knobs it may rename without depending on them.
function numberOf(o: object, key: string): number | undefined {
  const v = (o as Record<string, unknown>)[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
const cadenceFactorOf = (p: object) => numberOf(p, 'meetingCadenceFactor');

/** A run over a limit: what, by how much, and how to stay under it. */
export interface SizeProblem {
  limit: keyof typeof SIZE_LIMITS;
  message: string;
}

const big = (n: number): string =>
  n >= 1e9 ? `${(n / 1e9).toPrecision(3)} billion` : n >= 1e6 ? `${(n / 1e6).toPrecision(3)} million` : n >= 1e4 ? `${Math.round(n / 1e3)} thousand` : String(Math.round(n));

export const formatCount = big;

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toPrecision(3)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toPrecision(3)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} kB`;
}

/** The limits `size` exceeds, each with the longest run (in weeks) that would fit. */
export function sizeProblems(size: RunSizeEstimate, limits: typeof SIZE_LIMITS = SIZE_LIMITS): SizeProblem[] {
  const out: SizeProblem[] = [];
  const weeksFor = (perWeek: number, limit: number) => (perWeek > 0 ? Math.floor(limit / perWeek) : Infinity);
  const fit = (weeks: number) => (Number.isFinite(weeks) ? `at most about ${weeks.toLocaleString('en')} weeks of warm-up and horizon fit` : '');
  if (size.weeks > limits.weeks) {
    out.push({ limit: 'weeks', message: `${size.weeks.toLocaleString('en')} weeks of warm-up and horizon; at most ${limits.weeks.toLocaleString('en')} (100 years) are allowed: use a shorter horizon` });
  }
  if (size.events > limits.events) {
    out.push({ limit: 'events', message: `about ${big(size.events)} events in one replication; at most ${big(limits.events)} are allowed (${fit(weeksFor(size.eventsPerWeek, limits.events))}): use a shorter horizon or fewer arrivals` });
  }
  if (size.pendingAtStart > limits.pendingAtStart) {
    out.push({ limit: 'pendingAtStart', message: `about ${big(size.pendingAtStart)} absences and meetings drawn in advance; at most ${big(limits.pendingAtStart)} are allowed: use a shorter horizon or fewer absences per year` });
  }
  if (size.traceEvents > limits.traceEvents) {
    out.push({ limit: 'traceEvents', message: `a trace of about ${big(size.traceEvents)} records (${formatBytes(size.traceBytes)} on disk, ${formatBytes(size.traceMemoryBytes)} of memory while the run lasts); at most ${big(limits.traceEvents)} are allowed (${fit(weeksFor(size.traceEventsPerWeek, limits.traceEvents))}): use a shorter horizon, or run without a trace` });
  }
  if (size.resultBytes > limits.resultBytes) {
    out.push({ limit: 'resultBytes', message: `weekly series and queues of about ${formatBytes(size.resultBytes)} per replication; at most ${formatBytes(limits.resultBytes)}: use a shorter horizon, or fewer teams or streams` });
  }
  return out;
}
