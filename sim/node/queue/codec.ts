// Exact text form of a RunResult, for the results kept in Redis and in local state
// files. JSON alone would turn NaN and ±Infinity into null and -0 into 0, and a
// resumed or distributed sweep must reproduce a local one bit for bit (summaries,
// JSON output), so those values are written as tagged strings. Typed-array series
// come back as plain arrays: no output distinguishes them.

import type { RunResult } from '../../experiment/types.js';

type Cell = number | string;
type Groups = Record<string, Record<string, number>>;
/** A result with its optional breakdowns per value stream and per team. */
type WithGroups = RunResult & { byStream?: Groups; byTeam?: Groups };

function enc(x: number): Cell {
  if (Number.isFinite(x)) return Object.is(x, -0) ? '-0' : x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

function dec(c: unknown, where: string): number {
  // JSON.parse reads 1e999 as Infinity: a finite-looking cell that is not is an edit, not encodeResult's output.
  if (typeof c === 'number' && Number.isFinite(c)) return c;
  if (c === 'NaN' || c === 'Infinity' || c === '-Infinity' || c === '-0') return Number(c);
  if (typeof c === 'number') throw new ResultFormatError(`${where}: a number too large to be finite`);
  throw new ResultFormatError(`${where}: ${JSON.stringify(c) ?? 'nothing'} is not a number`);
}

/** A stored result that encodeResult did not write (damaged, edited, or of another shape). */
export class ResultFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResultFormatError';
  }
}

/** The metric and series names every result must have, no more and no fewer. */
export interface ResultShape {
  metrics: readonly string[];
  series?: readonly string[];
}

const encRecord = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, enc(v)]));
const encGroups = (g: Groups) => Object.fromEntries(Object.entries(g).map(([id, r]) => [id, encRecord(r)]));

export function encodeResult(result: RunResult): string {
  const r = result as WithGroups;
  const out: Record<string, unknown> = { metrics: encRecord(r.metrics) };
  if (r.series !== undefined) {
    const series: Record<string, Cell[]> = {};
    for (const [k, v] of Object.entries(r.series)) series[k] = Array.from(v as ArrayLike<number>, enc);
    out['series'] = series;
  }
  // Breakdowns per value stream and per team (ids depend on the model, so no shape for them).
  if (r.byStream !== undefined) out['byStream'] = encGroups(r.byStream);
  if (r.byTeam !== undefined) out['byTeam'] = encGroups(r.byTeam);
  if (r.weekly !== undefined) out['weekly'] = encWeekly(r.weekly);
  if (r.parts !== undefined) out['parts'] = encRecord(r.parts);
  if (r.anatomy !== undefined) out['anatomy'] = encRecord(r.anatomy);
  return JSON.stringify(out);
}

/** Weekly series per kind, id and metric (RunResult.weekly): lists of tagged cells. */
function encWeekly(w: NonNullable<RunResult['weekly']>): unknown {
  return Object.fromEntries(Object.entries(w).map(([kind, ids]) => [kind,
    Object.fromEntries(Object.entries(ids).map(([id, ms]) => [id,
      Object.fromEntries(Object.entries(ms).map(([m, v]) => [m, Array.from(v, enc)]))]))]));
}

function decWeekly(value: unknown): NonNullable<RunResult['weekly']> {
  // fromEntries defines own properties: a key "__proto__" in stored text stays a plain key.
  const obj = (v: unknown, what: string): Record<string, unknown> => {
    if (!isObject(v)) throw new ResultFormatError(`${what} is not an object`);
    return v;
  };
  return Object.fromEntries(Object.entries(obj(value, 'weekly')).map(([kind, ids]) => [kind,
    Object.fromEntries(Object.entries(obj(ids, `weekly ${kind}`)).map(([id, ms]) => [id,
      Object.fromEntries(Object.entries(obj(ms, `weekly ${kind} ${id}`)).map(([m, v]) => {
        if (!Array.isArray(v)) throw new ResultFormatError(`weekly ${kind} ${id} ${m} is not a list`);
        return [m, v.map((x, i) => dec(x, `weekly ${kind} ${id} ${m}[${i}]`))];
      }))]))]));
}

function decRecord(value: unknown, what: string): Record<string, number> {
  if (!isObject(value)) throw new ResultFormatError(`${what} is not an object`);
  return Object.fromEntries(Object.entries(value).map(([k, c]) => [k, dec(c, `${what} ${k}`)]));
}

function decGroups(value: unknown, what: string): Groups {
  if (!isObject(value)) throw new ResultFormatError(`${what} is not an object`);
  const out: Record<string, Record<string, number>> = {};
  for (const [id, r] of Object.entries(value)) {
    if (!isObject(r)) throw new ResultFormatError(`${what} ${id} is not an object`);
    out[id] = Object.fromEntries(Object.entries(r).map(([k, c]) => [k, dec(c, `${what} ${id} ${k}`)]));
  }
  return out;
}

/** Parses what encodeResult wrote; throws ResultFormatError on anything else (a damaged entry must not pass for a result). */
export function decodeResult(text: string, shape?: ResultShape): RunResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ResultFormatError('not JSON');
  }
  return decodeParsed(value, shape);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** With `shape`, a result must have exactly its metrics and series (an edited or truncated record does not pass). */
export function decodeParsed(value: unknown, shape?: ResultShape): RunResult {
  if (!isObject(value) || !isObject(value['metrics'])) throw new ResultFormatError('no metrics');
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(value['metrics'])) metrics[k] = dec(v, `metric ${k}`);
  if (shape !== undefined) sameNames('metric', Object.keys(metrics), shape.metrics);
  const result: WithGroups = { metrics };
  const raw = value['series'];
  if (raw === undefined) {
    if (shape?.series !== undefined) throw new ResultFormatError('no series');
  } else {
    if (!isObject(raw)) throw new ResultFormatError('series is not an object');
    const series: Record<string, number[]> = {};
    let length = -1;
    for (const [k, v] of Object.entries(raw)) {
      if (!Array.isArray(v)) throw new ResultFormatError(`series ${k} is not a list`);
      if (shape !== undefined && length >= 0 && v.length !== length) throw new ResultFormatError(`series ${k} has ${v.length} weeks, the others ${length}`);
      length = v.length;
      series[k] = v.map((c, i) => dec(c, `series ${k}[${i}]`));
    }
    if (shape?.series !== undefined) sameNames('series', Object.keys(series), shape.series);
    result.series = series as unknown as RunResult['series'];
  }
  if (value['byStream'] !== undefined) result.byStream = decGroups(value['byStream'], 'byStream');
  if (value['byTeam'] !== undefined) result.byTeam = decGroups(value['byTeam'], 'byTeam');
  if (value['weekly'] !== undefined) result.weekly = decWeekly(value['weekly']);
  if (value['parts'] !== undefined) result.parts = decRecord(value['parts'], 'parts');
  if (value['anatomy'] !== undefined) result.anatomy = decRecord(value['anatomy'], 'anatomy');
  return result;
}

function sameNames(what: string, got: string[], expected: readonly string[]): void {
  const have = new Set(got);
  const missing = expected.filter((n) => !have.has(n));
  if (missing.length > 0) throw new ResultFormatError(`${what} ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''} missing`);
  const known = new Set(expected);
  const extra = got.filter((n) => !known.has(n));
  if (extra.length > 0) throw new ResultFormatError(`unknown ${what} ${extra.slice(0, 3).join(', ')}`);
}
