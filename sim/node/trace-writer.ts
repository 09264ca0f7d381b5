// Writes a trace file as a stream. `JSON.stringify(toTraceFile(...))` needs the whole
// file as one string plus a boxed copy of every event column: a 16-year DPV trace is
// several GB of string and dies with "Invalid string length". Here everything but the
// event columns goes through toTraceFile and JSON.stringify as before (it is small),
// and the columns are written straight from the run's typed arrays, a chunk at a
// time, with the same rounding and number formatting, so the bytes are those of
// JSON.stringify(toTraceFile(...)) and the viewer reads the file unchanged.
//
// The memory that remains is the run's own record of its events (sim/model/trace.ts).

import { toTraceFile, type ModelRunResult, type ModelSpec, type TraceFile } from '../model/index.js';
import type { TraceData } from '../model/trace.js';
import { writeAtomic } from './atomic.js';

type RunInfo = Parameters<typeof toTraceFile>[2];

/** Numbers per chunk: about 1 MB of text. */
const CHUNK = 65_536;

const r3 = (x: number) => Math.round(x * 1000) / 1000;
// JSON.stringify writes a finite number as String() does, and anything else as null.
const json = (x: number) => (Number.isFinite(x) ? String(x) : 'null');

const COLUMNS: { key: keyof TraceData & keyof TraceFile['events']; round: boolean }[] = [
  { key: 'time', round: true },
  { key: 'type', round: false },
  { key: 'a', round: true },
  { key: 'b', round: false },
  { key: 'c', round: true },
];

/** Writes the trace file of `result` (a run made with trace: true) to `path`, atomically; returns its event count. */
export function writeTraceFile(path: string, spec: ModelSpec, result: ModelRunResult, run: RunInfo): { events: number; weeks: number } {
  const data = result.trace;
  if (!data) throw new Error('writeTraceFile: the run was made without trace: true');
  const empty: TraceData = { time: new Float64Array(0), type: new Uint8Array(0), a: new Float64Array(0), b: new Float64Array(0), c: new Float64Array(0) };
  const head = toTraceFile(spec, { ...result, trace: empty }, run) as Partial<TraceFile>;
  const keys = Object.keys(head);
  // `events` must be the last key for the splice below to keep the key order.
  if (keys[keys.length - 1] !== 'events') throw new Error(`writeTraceFile: expected "events" last in a trace file, got ${keys.join(', ')}`);
  delete head.events;
  const headText = JSON.stringify(head);
  writeAtomic(path, (write) => {
    write(`${headText.slice(0, -1)},"events":{`);
    COLUMNS.forEach(({ key, round }, i) => {
      const col = data[key];
      write(`${i > 0 ? ',' : ''}"${key}":[`);
      for (let start = 0; start < col.length; start += CHUNK) {
        const end = Math.min(col.length, start + CHUNK);
        const parts = new Array<string>(end - start);
        for (let j = start; j < end; j++) parts[j - start] = json(round ? r3(col[j]!) : col[j]!);
        write((start > 0 ? ',' : '') + parts.join(','));
      }
      write(']');
    });
    write('}}');
  });
  return { events: data.time.length, weeks: result.series.week.length };
}
