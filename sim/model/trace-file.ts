// The trace file: one run, self-describing, for the viewer. JSON with a format tag and
// a version; everything bulky is columnar (parallel arrays), times in hours rounded to
// 1/1000 h (3.6 s) so the file stays compact. `parseTraceFile` checks a file
// thoroughly and says what is wrong with a corrupt or foreign one.

import { ACTIVITY_NAMES, CATEGORY_NAMES } from './person.js';
import type { ModelRunResult } from './result.js';
import type { ModelSpec } from './spec.js';
import { HOW_NAMES } from './mechanisms/questions.js';
import { ESC_REASONS, OUTCOMES } from './store.js';
import { TRACE_TYPES } from './trace.js';

export const TRACE_FORMAT = 'stroom-trace';
export const TRACE_VERSION = 2;
/** Versions this code reads: 1 lacks the `raise` event (escalations name no case). */
export const TRACE_VERSIONS_READ = [1, 2] as const;

export interface TraceFile {
  format: typeof TRACE_FORMAT;
  version: number;
  scenario: string;
  design: string;
  seed: number | string;
  replication: number;
  horizon: number;
  warmup: number;
  /** Names for the numeric codes used in `events`. */
  codes: { types: string[]; activities: string[]; outcomes: string[]; how: string[]; reasons: string[]; categories: string[] };
  organisation: {
    teams: { id: string; name: string }[];
    streams: { id: string; name: string; steps: string[] }[];
    persons: { id: string; name: string; roles: string[]; team: string | null }[];
    questionTypes: { id: string; name: string; scope: string }[];
    meetings: { id: string; name: string; kind: string }[];
    timeline: { at: number; label: string }[];
  };
  metrics: Record<string, number>;
  /** Weekly series, column per name; `week` is 1-based. */
  series: Record<string, (number | null)[]>;
  /** Mean queue per week, team and stream: index (week * teams + team) * streams + stream. */
  cells: { teams: string[]; streams: string[]; queue: number[] };
  persons: { id: string; time: Record<string, number>; overtime: number; decisions: number }[];
  events: { time: number[]; type: number[]; a: number[]; b: number[]; c: number[] };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const num = (x: number) => (Number.isFinite(x) ? r3(x) : null);

export function toTraceFile(
  spec: ModelSpec,
  result: ModelRunResult,
  run: { scenario: string; design: string; seed: number | string; replication: number; horizon: number; warmup: number },
): TraceFile {
  if (!result.trace) throw new Error('toTraceFile: the run was made without trace: true');
  const t = result.trace;
  const teamOf = (roles: ModelSpec['persons'][number]['roles']) => {
    for (const r of roles) if ((r.role === 'operator' || r.role === 'lineCoordinator' || r.role === 'manager') && r.team) return r.team;
    return null;
  };
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    ...run,
    codes: {
      types: [...TRACE_TYPES],
      activities: [...ACTIVITY_NAMES],
      outcomes: [...OUTCOMES],
      how: [...HOW_NAMES],
      reasons: [...ESC_REASONS],
      categories: [...CATEGORY_NAMES],
    },
    organisation: {
      teams: spec.teams.map((x) => ({ id: x.id, name: x.name })),
      streams: spec.streams.map((s) => ({ id: s.id, name: s.name, steps: s.steps.map((st) => st.team) })),
      persons: spec.persons.map((p) => ({
        id: p.id,
        name: p.name,
        roles: p.roles.map((r) => r.role + ('team' in r && r.team ? `:${r.team}` : 'stream' in r && r.stream ? `:${r.stream}` : '')),
        team: teamOf(p.roles),
      })),
      questionTypes: spec.questionTypes.map((q) => ({ id: q.id, name: q.name, scope: q.scope })),
      meetings: spec.meetings.map((m) => ({ id: m.id, name: m.name, kind: m.kind })),
      timeline: spec.timeline.map((e) => ({ at: e.at, label: e.label })),
    },
    metrics: Object.fromEntries(Object.entries(result.metrics).map(([k, v]) => [k, num(v) as number])),
    series: Object.fromEntries(Object.entries(result.series).map(([k, v]) => [k, Array.from(v, num)])),
    cells: { teams: result.cells.teams, streams: result.cells.streams, queue: Array.from(result.cells.queue, (x) => r3(x)) },
    persons: result.persons.map((p) => ({
      id: p.id,
      time: Object.fromEntries(Object.entries(p.windowTime).map(([k, v]) => [k, r3(v)])),
      overtime: r3(p.windowOvertime),
      decisions: p.decisions,
    })),
    events: {
      time: Array.from(t.time, r3),
      type: Array.from(t.type),
      a: Array.from(t.a, r3),
      b: Array.from(t.b),
      c: Array.from(t.c, r3),
    },
  };
}

export class TraceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceFileError';
  }
}

/** Checks a parsed JSON value is a trace file this version can read; throws TraceFileError saying why not. */
export function parseTraceFile(value: unknown, source = 'trace'): TraceFile {
  const fail = (path: string, what: string): never => {
    throw new TraceFileError(`${source}: ${path}: ${what}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('(top level)', 'not a stroom trace: expected a JSON object');
  const v = value as Record<string, unknown>;
  if (v.format !== TRACE_FORMAT) fail('format', `not a stroom trace: expected "${TRACE_FORMAT}", got ${JSON.stringify(v.format)}`);
  if (!(TRACE_VERSIONS_READ as readonly unknown[]).includes(v.version)) {
    fail('version', `unsupported trace version ${JSON.stringify(v.version)}; this viewer reads versions ${TRACE_VERSIONS_READ.join(' and ')}`);
  }
  for (const key of ['organisation', 'metrics', 'series', 'cells', 'events', 'codes'] as const) {
    if (typeof v[key] !== 'object' || v[key] === null) fail(key, 'missing or not an object');
  }
  const ev = v.events as Record<string, unknown>;
  const cols = ['time', 'type', 'a', 'b', 'c'] as const;
  for (const c of cols) if (!Array.isArray(ev[c])) fail(`events.${c}`, 'missing or not an array');
  const n = (ev.time as unknown[]).length;
  for (const c of cols) if ((ev[c] as unknown[]).length !== n) fail(`events.${c}`, `has ${(ev[c] as unknown[]).length} entries, events.time has ${n}`);
  const time = ev.time as unknown[];
  const types = ev.type as unknown[];
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (typeof t !== 'number' || !Number.isFinite(t)) fail(`events.time[${i}]`, 'not a finite number');
    if (i > 0 && (t as number) < (time[i - 1] as number)) fail(`events.time[${i}]`, 'events are not in time order');
    const k = types[i];
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= TRACE_TYPES.length) fail(`events.type[${i}]`, `unknown event type ${JSON.stringify(k)}`);
  }
  const org = v.organisation as Record<string, unknown>;
  for (const key of ['teams', 'streams', 'persons']) if (!Array.isArray(org[key])) fail(`organisation.${key}`, 'missing or not an array');
  const series = v.series as Record<string, unknown>;
  if (!Array.isArray(series.week)) fail('series.week', 'missing or not an array');
  return value as TraceFile;
}
