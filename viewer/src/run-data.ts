// One run as the viewer holds it: the trace file's columns turned into typed arrays,
// event codes looked up by name (so a trace stays readable if the model renumbers its
// codes), and every person placed in a lane of the picture. Pure data, no DOM: the
// replay, the views and the Node tests all build on it.

import { WEEK_HOURS } from '../../sim/model/spec.js';
import type { TraceFile } from '../../sim/model/trace-file.js';

export interface EventColumns {
  n: number;
  time: Float64Array;
  type: Uint8Array;
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
}

/** Event type codes of this trace, by name; -1 when the trace has no such type. */
export interface TypeCodes {
  arrive: number;
  stepStart: number;
  stepDone: number;
  done: number;
  question: number;
  escalate: number;
  resolved: number;
  activity: number;
  meeting: number;
  signal: number;
  design: number;
  policy: number;
  /** Which case an escalation is about (absent in older traces: -1). */
  raise: number;
}

/** Where a person is drawn: managers and MT members above the matrix, coordinators who
 *  do not operate in their own lane, everybody who operates in their team's row. */
export type Lane = 'manager' | 'coordinator' | 'team';

export interface PersonInfo {
  index: number;
  id: string;
  name: string;
  roles: string[];
  lane: Lane;
  /** Team row index (operators), or the managed team for managers; -1 if none. */
  team: number;
  isManager: boolean;
  isMT: boolean;
}

export interface RunData {
  trace: TraceFile;
  label: string;
  ev: EventColumns;
  codes: TypeCodes;
  /** Activity index by name, e.g. activity.designing. */
  activity: Record<string, number>;
  activityNames: string[];
  outcomeNames: string[];
  howNames: string[];
  persons: PersonInfo[];
  teamIndex: Map<string, number>;
  streamIndex: Map<string, number>;
  /** Warm-up plus horizon, hours. */
  totalHours: number;
  weeks: number;
  /** Hours at which observation (metrics) starts. */
  warmup: number;
}

function codeIndex(names: string[], name: string): number {
  return names.indexOf(name);
}

function typed(trace: TraceFile): EventColumns {
  const e = trace.events;
  return {
    n: e.time.length,
    time: Float64Array.from(e.time),
    type: Uint8Array.from(e.type),
    a: Float64Array.from(e.a),
    b: Float64Array.from(e.b),
    c: Float64Array.from(e.c),
  };
}

function classify(p: TraceFile['organisation']['persons'][number], index: number, teamIndex: Map<string, number>): PersonInfo {
  const roleNames = p.roles.map((r) => r.split(':')[0]!);
  const managerRole = p.roles.find((r) => r.startsWith('manager'));
  const isManager = managerRole !== undefined;
  const isMT = roleNames.includes('mt');
  const operates = roleNames.includes('operator');
  const lane: Lane = isManager || (isMT && !operates) ? 'manager' : operates ? 'team' : 'coordinator';
  let team = p.team !== null ? (teamIndex.get(p.team) ?? -1) : -1;
  if (isManager && managerRole!.includes(':')) {
    const t = teamIndex.get(managerRole!.split(':')[1]!);
    if (t !== undefined) team = t;
  }
  return { index, id: p.id, name: p.name, roles: p.roles, lane, team, isManager, isMT };
}

export function buildRunData(trace: TraceFile, label?: string): RunData {
  const types = trace.codes.types;
  const codes: TypeCodes = {
    arrive: codeIndex(types, 'arrive'),
    stepStart: codeIndex(types, 'step-start'),
    stepDone: codeIndex(types, 'step-done'),
    done: codeIndex(types, 'done'),
    question: codeIndex(types, 'question'),
    escalate: codeIndex(types, 'escalate'),
    resolved: codeIndex(types, 'resolved'),
    activity: codeIndex(types, 'activity'),
    meeting: codeIndex(types, 'meeting'),
    signal: codeIndex(types, 'signal'),
    design: codeIndex(types, 'design'),
    policy: codeIndex(types, 'policy'),
    raise: codeIndex(types, 'raise'),
  };
  const activity: Record<string, number> = {};
  trace.codes.activities.forEach((name, i) => (activity[name] = i));
  const teamIndex = new Map(trace.organisation.teams.map((t, i) => [t.id, i]));
  const streamIndex = new Map(trace.organisation.streams.map((s, i) => [s.id, i]));
  const ev = typed(trace);
  const totalHours = Math.max(trace.warmup + trace.horizon, ev.n > 0 ? ev.time[ev.n - 1]! : 0);
  return {
    trace,
    label: label ?? `${trace.scenario} · ${trace.design} · seed ${trace.seed}`,
    ev,
    codes,
    activity,
    activityNames: trace.codes.activities,
    outcomeNames: trace.codes.outcomes,
    howNames: trace.codes.how,
    persons: trace.organisation.persons.map((p, i) => classify(p, i, teamIndex)),
    teamIndex,
    streamIndex,
    totalHours,
    weeks: Math.max(trace.series.week?.length ?? 0, Math.ceil(totalHours / WEEK_HOURS)),
    warmup: trace.warmup,
  };
}

/** Index of the first event with time > t (events at exactly t count as happened). */
export function upperBound(time: Float64Array, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mean queue of a (team, stream) cell in a 0-based week. */
export function cellQueue(run: RunData, week: number, team: number, stream: number): number {
  const cells = run.trace.cells;
  const nT = cells.teams.length;
  const nS = cells.streams.length;
  const w = Math.min(Math.max(0, week), Math.floor(cells.queue.length / Math.max(1, nT * nS)) - 1);
  if (w < 0) return 0;
  return cells.queue[(w * nT + team) * nS + stream] ?? 0;
}

/** Largest weekly mean queue of any cell: the top of the colour ramp. */
export function maxCellQueue(run: RunData): number {
  let m = 0;
  for (const q of run.trace.cells.queue) if (q > m) m = q;
  return m;
}
