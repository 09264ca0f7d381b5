// The trace file: one run, self-describing, for the viewer. JSON with a format tag and
// a version; everything bulky is columnar (parallel arrays), times in hours rounded to
// 1/1000 h (3.6 s) so the file stays compact. `parseTraceFile` checks a file
// thoroughly (every field's type, size and range: trace-file-check.ts) and says what is
// wrong with a corrupt, foreign or hostile one.

import { ACTIVITY_NAMES, CATEGORY_NAMES } from './person.js';
import type { ModelRunResult } from './result.js';
import type { ModelSpec } from './spec.js';
import { HOW_NAMES } from './mechanisms/questions.js';
import { ESC_REASONS, OUTCOMES } from './store.js';
import { TRACE_TYPES } from './trace.js';
import { checkTraceBody } from './trace-file-check.js';
import { TraceFileError } from './trace-file-error.js';

export { TraceFileError };

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
      // The run's meetings, those the organisation set up itself included: events index this list.
      meetings: result.meetings.map((m) => ({ id: m.id, name: m.name, kind: m.kind })),
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

/** Checks a parsed JSON value is a trace file this version can read, every field of it
 *  (see trace-file-check.ts); throws TraceFileError naming the field and what is wrong. */
export function parseTraceFile(value: unknown, source = 'trace'): TraceFile {
  const fail = (path: string, what: string): never => {
    throw new TraceFileError(`${source}: ${path}: ${what}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('(top level)', 'not a stroom trace: expected a JSON object');
  const v = value as Record<string, unknown>;
  // The tag and version first: a foreign file gets "not a stroom trace", not a list of fields.
  if (v.format !== TRACE_FORMAT) fail('format', `not a stroom trace: expected "${TRACE_FORMAT}", got ${JSON.stringify(v.format)?.slice(0, 80)}`);
  if (!(TRACE_VERSIONS_READ as readonly unknown[]).includes(v.version)) {
    fail('version', `unsupported trace version ${JSON.stringify(v.version)?.slice(0, 80)}; this viewer reads versions ${TRACE_VERSIONS_READ.join(' and ')}`);
  }
  return checkTraceBody(v, fail);
}
