// Exact text form of a RunResult, for the results kept in Redis and in local state
// files. JSON alone would turn NaN and ±Infinity into null and -0 into 0, and a
// resumed or distributed sweep must reproduce a local one bit for bit (summaries,
// JSON output), so those values are written as tagged strings. Typed-array series
// come back as plain arrays: no output distinguishes them.

import type { RunResult } from '../../experiment/types.js';

type Cell = number | string;

function enc(x: number): Cell {
  if (Number.isFinite(x)) return Object.is(x, -0) ? '-0' : x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

function dec(c: unknown): number {
  if (typeof c === 'number') return c;
  if (c === 'NaN' || c === 'Infinity' || c === '-Infinity' || c === '-0') return Number(c);
  throw new Error(`stored result: ${JSON.stringify(c)} is not a number`);
}

export function encodeResult(r: RunResult): string {
  const metrics: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(r.metrics)) metrics[k] = enc(v);
  if (r.series === undefined) return JSON.stringify({ metrics });
  const series: Record<string, Cell[]> = {};
  for (const [k, v] of Object.entries(r.series)) series[k] = Array.from(v as ArrayLike<number>, enc);
  return JSON.stringify({ metrics, series });
}

/** Parses what encodeResult wrote; throws on anything else (a damaged entry must not pass for a result). */
export function decodeResult(text: string): RunResult {
  return decodeParsed(JSON.parse(text) as unknown);
}

export function decodeParsed(value: unknown): RunResult {
  const o = value as { metrics?: unknown; series?: unknown };
  if (typeof o !== 'object' || o === null || typeof o.metrics !== 'object' || o.metrics === null) {
    throw new Error('stored result: no metrics');
  }
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(o.metrics as Record<string, unknown>)) metrics[k] = dec(v);
  if (o.series === undefined) return { metrics };
  const series: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(o.series as Record<string, unknown>)) {
    if (!Array.isArray(v)) throw new Error(`stored result: series ${k} is not a list`);
    series[k] = v.map(dec);
  }
  return { metrics, series: series as unknown as RunResult['series'] };
}
