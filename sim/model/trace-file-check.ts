// The thorough half of parseTraceFile: every field of a trace file checked for its type,
// its size and, where a number points at something (a person, a team, a code), its
// range. A trace can come from anywhere (a mail attachment, a link to another site) and
// the viewer writes its names into the page and indexes arrays with its numbers, so
// nothing in it is taken on trust. Codes are checked against the file's own code lists,
// not this model's, so a trace from a model with more event types or activities still
// reads; events of a type this code does not know are only checked to be numbers.
//
// Each failure names the path inside the file (organisation.persons[3].name) and what
// was found there, for the page's error banner and the CLI alike.

import { checkBudgets } from './trace-budget.js';
import type { TraceFile } from './trace-file.js';

export type Fail = (path: string, what: string) => never;

/** Size bounds: generous for any real organisation and run, small enough that a
 *  hostile or corrupt file cannot make the viewer loop or allocate without end. */
export const TRACE_LIMITS = {
  /** Characters in a name, id, label, role or code. */
  text: 500,
  /** Entries in an organisation list, the metrics, the series and the persons. */
  list: 100_000,
  /** Names in one code list (event types are held in bytes). */
  codes: 256,
  /** Weekly rows in the series and the cells (about 190 years). */
  weeks: 10_000,
  /** Events. */
  events: 50_000_000,
} as const;

/** Latest model time a trace may reach, hours (a week is 40 working hours). */
export const TRACE_MAX_HOURS = TRACE_LIMITS.weeks * 40;

type Obj = Record<string, unknown>;

/** A short description of a value for a message: its kind and, for scalars, the value. */
function got(x: unknown): string {
  if (x === undefined) return 'nothing (the field is missing)';
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (typeof x === 'string') return `the string ${JSON.stringify(x.length > 60 ? `${x.slice(0, 60)}…` : x)}`;
  if (typeof x === 'number' || typeof x === 'boolean') return `${typeof x} ${String(x)}`;
  return `a value of type ${typeof x}`;
}

class Checker {
  constructor(readonly fail: Fail) {}

  obj(x: unknown, path: string): Obj {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) this.fail(path, `expected an object, got ${got(x)}`);
    return x as Obj;
  }

  arr(x: unknown, path: string, max: number): unknown[] {
    if (!Array.isArray(x)) this.fail(path, `expected an array, got ${got(x)}`);
    const a = x as unknown[];
    if (a.length > max) this.fail(path, `has ${a.length} entries, more than the ${max} a trace may have`);
    return a;
  }

  str(x: unknown, path: string): string {
    if (typeof x !== 'string') this.fail(path, `expected a string, got ${got(x)}`);
    const s = x as string;
    if (s.length > TRACE_LIMITS.text) this.fail(path, `a string of ${s.length} characters, longer than the ${TRACE_LIMITS.text} allowed`);
    return s;
  }

  /** A finite number in [min, max]; whole if `whole`. */
  num(x: unknown, path: string, min = -Infinity, max = Infinity, whole = false): number {
    if (typeof x !== 'number' || !Number.isFinite(x)) this.fail(path, `expected a finite number, got ${got(x)}`);
    const n = x as number;
    if (whole && !Number.isInteger(n)) this.fail(path, `expected a whole number, got ${n}`);
    if (n < min || n > max) this.fail(path, `${n} is out of range (expected ${max === Infinity ? `at least ${min}` : `${min} to ${max}`})`);
    return n;
  }

  numOrNull(x: unknown, path: string): void {
    if (x !== null) this.num(x, path);
  }

  strings(x: unknown, path: string, max: number): string[] {
    const a = this.arr(x, path, max);
    a.forEach((s, i) => this.str(s, `${path}[${i}]`));
    return a as string[];
  }

  /** A list of objects with a unique string `id`; returns the ids in order. */
  entities(x: unknown, path: string, each: (o: Obj, p: string) => void): string[] {
    const a = this.arr(x, path, TRACE_LIMITS.list);
    const seen = new Set<string>();
    return a.map((item, i) => {
      const p = `${path}[${i}]`;
      const o = this.obj(item, p);
      const id = this.str(o.id, `${p}.id`);
      if (seen.has(id)) this.fail(`${p}.id`, `${JSON.stringify(id)} is used twice in ${path}`);
      seen.add(id);
      each(o, p);
      return id;
    });
  }
}

function checkHeader(c: Checker, v: Obj): void {
  c.str(v.scenario, 'scenario');
  c.str(v.design, 'design');
  if (typeof v.seed === 'string') c.str(v.seed, 'seed');
  else if (typeof v.seed !== 'number' || !Number.isFinite(v.seed)) c.fail('seed', `expected a number or a string, got ${got(v.seed)}`);
  c.num(v.replication, 'replication', 0, Number.MAX_SAFE_INTEGER, true);
  c.num(v.horizon, 'horizon', 0, TRACE_MAX_HOURS);
  c.num(v.warmup, 'warmup', 0, TRACE_MAX_HOURS);
}

const CODE_LISTS = ['types', 'activities', 'outcomes', 'how', 'reasons', 'categories'] as const;
type Codes = Record<(typeof CODE_LISTS)[number], string[]>;

function checkCodes(c: Checker, x: unknown): Codes {
  const o = c.obj(x, 'codes');
  const out = {} as Codes;
  for (const k of CODE_LISTS) out[k] = c.strings(o[k], `codes.${k}`, TRACE_LIMITS.codes);
  return out;
}

interface Org {
  teams: string[];
  streams: string[];
  persons: number;
  questionTypes: number;
  meetings: number;
  timeline: number;
  maxSteps: number;
}

function checkOrganisation(c: Checker, x: unknown): Org {
  const o = c.obj(x, 'organisation');
  const named = (e: Obj, p: string) => c.str(e.name, `${p}.name`);
  const teams = c.entities(o.teams, 'organisation.teams', named);
  const teamSet = new Set(teams);
  const teamRef = (t: unknown, p: string) => {
    const id = c.str(t, p);
    if (!teamSet.has(id)) c.fail(p, `${JSON.stringify(id)} is not the id of a team in organisation.teams`);
  };
  let maxSteps = 0;
  const streams = c.entities(o.streams, 'organisation.streams', (e, p) => {
    named(e, p);
    const steps = c.arr(e.steps, `${p}.steps`, TRACE_LIMITS.list);
    steps.forEach((t, i) => teamRef(t, `${p}.steps[${i}]`));
    maxSteps = Math.max(maxSteps, steps.length);
  });
  const persons = c.entities(o.persons, 'organisation.persons', (e, p) => {
    named(e, p);
    c.strings(e.roles, `${p}.roles`, TRACE_LIMITS.codes);
    if (e.team !== null) teamRef(e.team, `${p}.team`);
  });
  const questionTypes = c.entities(o.questionTypes, 'organisation.questionTypes', (e, p) => {
    named(e, p);
    c.str(e.scope, `${p}.scope`);
  });
  const meetings = c.entities(o.meetings, 'organisation.meetings', (e, p) => {
    named(e, p);
    c.str(e.kind, `${p}.kind`);
  });
  const timeline = c.arr(o.timeline, 'organisation.timeline', TRACE_LIMITS.list);
  timeline.forEach((item, i) => {
    const e = c.obj(item, `organisation.timeline[${i}]`);
    c.num(e.at, `organisation.timeline[${i}].at`, 0, TRACE_MAX_HOURS);
    c.str(e.label, `organisation.timeline[${i}].label`);
  });
  return {
    teams,
    streams,
    persons: persons.length,
    questionTypes: questionTypes.length,
    meetings: meetings.length,
    timeline: timeline.length,
    maxSteps,
  };
}

/** Names of an object's keys checked as strings of bounded length and number. */
function keys(c: Checker, o: Obj, path: string, max: number): string[] {
  const ks = Object.keys(o);
  if (ks.length > max) c.fail(path, `has ${ks.length} entries, more than the ${max} a trace may have`);
  for (const k of ks) if (k.length > TRACE_LIMITS.text) c.fail(path, `a name of ${k.length} characters, longer than the ${TRACE_LIMITS.text} allowed`);
  return ks;
}

function checkResults(c: Checker, v: Obj, org: Org): void {
  const metrics = c.obj(v.metrics, 'metrics');
  for (const k of keys(c, metrics, 'metrics', TRACE_LIMITS.list)) c.numOrNull(metrics[k], `metrics.${k}`);

  const series = c.obj(v.series, 'series');
  const week = c.arr(series.week, 'series.week', TRACE_LIMITS.weeks);
  week.forEach((w, i) => c.num(w, `series.week[${i}]`));
  for (const k of keys(c, series, 'series', TRACE_LIMITS.list)) {
    const col = c.arr(series[k], `series.${k}`, TRACE_LIMITS.weeks);
    if (col.length !== week.length) c.fail(`series.${k}`, `has ${col.length} entries, series.week has ${week.length}`);
    col.forEach((x, i) => c.numOrNull(x, `series.${k}[${i}]`));
  }

  // The cells are laid out in the organisation's team and stream order; the viewer
  // finds a cell by that order, so the two must agree.
  const cells = c.obj(v.cells, 'cells');
  for (const [k, ids] of [['teams', org.teams], ['streams', org.streams]] as const) {
    const got = c.strings(cells[k], `cells.${k}`, TRACE_LIMITS.list);
    if (got.length !== ids.length || got.some((id, i) => id !== ids[i])) c.fail(`cells.${k}`, `must list the ids of organisation.${k} in the same order`);
  }
  const per = org.teams.length * org.streams.length;
  const queue = c.arr(cells.queue, 'cells.queue', TRACE_LIMITS.weeks * Math.max(1, per));
  if (per === 0 ? queue.length !== 0 : queue.length % per !== 0) {
    c.fail('cells.queue', `has ${queue.length} entries, not a whole number of weeks of ${per} cells (teams × streams)`);
  }
  queue.forEach((q, i) => c.num(q, `cells.queue[${i}]`, 0));

  const persons = c.arr(v.persons, 'persons', TRACE_LIMITS.list);
  persons.forEach((item, i) => {
    const p = `persons[${i}]`;
    const o = c.obj(item, p);
    c.str(o.id, `${p}.id`);
    const time = c.obj(o.time, `${p}.time`);
    for (const k of keys(c, time, `${p}.time`, TRACE_LIMITS.codes)) c.num(time[k], `${p}.time.${k}`, 0);
    c.num(o.overtime, `${p}.overtime`, 0);
    c.num(o.decisions, `${p}.decisions`, 0, Number.MAX_SAFE_INTEGER, true);
  });
}

/** What one of an event's numbers must be: a whole number in [lo, hi), or any finite number. */
interface Field {
  lo: number;
  hi: number;
  whole: boolean;
  what: string;
}

const BIG = Number.MAX_SAFE_INTEGER;

/** The meaning of a, b and c per event type, by the type's name (see sim/model/trace.ts). */
function eventFields(org: Org, codes: Codes): Record<string, [Field | null, Field | null, Field | null]> {
  const idx = (n: number, what: string): Field => ({ lo: 0, hi: n, whole: true, what });
  const serial = idx(BIG, 'a request serial');
  const escalation = idx(BIG, 'an escalation number');
  const count = idx(BIG, 'a count');
  const flag = idx(2, 'a 0/1 flag');
  const stream = idx(org.streams.length, 'a stream (organisation.streams)');
  const person = idx(org.persons, 'a person (organisation.persons)');
  const team = idx(org.teams.length, 'a team (organisation.teams)');
  const questionType = idx(org.questionTypes, 'a question type (organisation.questionTypes)');
  const step = idx(org.maxSteps, 'a step of a stream');
  const code = (k: keyof Codes) => idx(codes[k].length, `a code in codes.${k}`);
  return {
    arrive: [serial, stream, flag],
    'step-start': [serial, step, person],
    'step-done': [serial, step, team],
    done: [serial, stream, { lo: 0, hi: TRACE_MAX_HOURS + 1, whole: false, what: 'a lead time in hours' }],
    question: [serial, questionType, code('how')],
    escalate: [escalation, { lo: -org.meetings, hi: org.persons, whole: true, what: 'a person, or -1 - a meeting' }, count],
    resolved: [escalation, code('outcomes'), { lo: -1, hi: org.persons, whole: true, what: 'a person, or -1' }],
    activity: [person, code('activities'), null],
    meeting: [idx(org.meetings, 'a meeting (organisation.meetings)'), flag, count],
    signal: [stream, questionType, count],
    // The backlog cell's layout is the model's own; the viewer does not read it.
    design: [count, null, null],
    policy: [idx(org.timeline, 'a timeline entry (organisation.timeline)'), null, null],
    raise: [escalation, { lo: -1, hi: BIG, whole: true, what: 'a request serial, or -1' }, code('reasons')],
  };
}

function checkEvents(c: Checker, x: unknown, org: Org, codes: Codes): { n: number; last: number } {
  const ev = c.obj(x, 'events');
  const cols = ['time', 'type', 'a', 'b', 'c'] as const;
  const col = {} as Record<(typeof cols)[number], unknown[]>;
  for (const k of cols) col[k] = c.arr(ev[k], `events.${k}`, TRACE_LIMITS.events);
  const n = col.time.length;
  for (const k of cols) if (col[k].length !== n) c.fail(`events.${k}`, `has ${col[k].length} entries, events.time has ${n}`);
  // Flat tables by type code and column (3 per type), so the loop over millions of
  // events does a few comparisons each; a type without rules accepts any finite number.
  const byName = eventFields(org, codes);
  const nT = codes.types.length;
  const lo = new Float64Array(3 * nT).fill(-Infinity);
  const hi = new Float64Array(3 * nT).fill(Infinity);
  const whole = new Uint8Array(3 * nT);
  codes.types.forEach((name, k) => {
    const f = Object.hasOwn(byName, name) ? byName[name]! : [null, null, null];
    f.forEach((r, j) => {
      if (!r) return;
      lo[3 * k + j] = r.lo;
      hi[3 * k + j] = r.hi;
      whole[3 * k + j] = r.whole ? 1 : 0;
    });
  });
  const bad = (i: number, j: number, k: number, y: unknown): never => {
    const path = `events.${'abc'[j]}[${i}]`;
    if (typeof y !== 'number' || !Number.isFinite(y)) c.fail(path, `expected a finite number, got ${got(y)}`);
    const r = byName[codes.types[k]!]![j]!;
    const range = r.hi === Infinity ? `from ${r.lo}` : `${r.lo} to ${r.hi - 1}`;
    return c.fail(path, `${y as number} is not ${r.what} (${range}) in a ${codes.types[k]} event`);
  };
  const { time, type, a, b, c: cc } = col;
  let last = 0;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (typeof t !== 'number' || !(t >= 0 && t <= TRACE_MAX_HOURS)) c.fail(`events.time[${i}]`, `expected a time from 0 to ${TRACE_MAX_HOURS} hours, got ${got(t)}`);
    if ((t as number) < last) c.fail(`events.time[${i}]`, 'events are not in time order');
    last = t as number;
    const k = type[i];
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= nT) {
      c.fail(`events.type[${i}]`, `expected an index into codes.types (0 to ${nT - 1}), got ${got(k)}`);
    }
    const s = 3 * (k as number);
    // y - y === 0 holds for finite numbers only (NaN and ±Infinity give NaN).
    const ya = a[i] as number;
    if (typeof ya !== 'number' || ya - ya !== 0 || ya < lo[s]! || ya >= hi[s]! || (whole[s] === 1 && !Number.isInteger(ya))) bad(i, 0, k as number, ya);
    const yb = b[i] as number;
    if (typeof yb !== 'number' || yb - yb !== 0 || yb < lo[s + 1]! || yb >= hi[s + 1]! || (whole[s + 1] === 1 && !Number.isInteger(yb))) bad(i, 1, k as number, yb);
    const yc = cc[i] as number;
    if (typeof yc !== 'number' || yc - yc !== 0 || yc < lo[s + 2]! || yc >= hi[s + 2]! || (whole[s + 2] === 1 && !Number.isInteger(yc))) bad(i, 2, k as number, yc);
  }
  return { n, last };
}

/** Checks everything after the format tag and version; calls `fail` at the first problem. */
export function checkTraceBody(value: Record<string, unknown>, fail: Fail): TraceFile {
  const c = new Checker(fail);
  checkHeader(c, value);
  const codes = checkCodes(c, value.codes);
  const org = checkOrganisation(c, value.organisation);
  checkResults(c, value, org);
  const ev = checkEvents(c, value.events, org, codes);
  checkBudgets(
    {
      persons: org.persons,
      teams: org.teams.length,
      streams: org.streams.length,
      meetings: org.meetings,
      activities: codes.activities.length,
      events: ev.n,
      seriesWeeks: ((value.series as Obj).week as unknown[]).length,
      endHours: Math.max((value.warmup as number) + (value.horizon as number), ev.last),
    },
    fail,
  );
  return value as unknown as TraceFile;
}
