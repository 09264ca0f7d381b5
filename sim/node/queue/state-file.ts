// The results file that lets a local sweep resume: one JSON line per finished
// replication, keyed by its content key (keys.ts), appended and fsynced as results
// come in. A crash can leave at most a torn last line; reading ignores it and the
// file is cut back to its last complete line before anything more is appended, so
// every line in the file is always whole.
//
// A file that is read back is checked, not trusted: its header must name this sweep
// (another sweep's file is refused, not silently mixed in), and every line before a
// torn last one must be a complete record of finite numbers (or encodeResult's tags
// for NaN and the infinities). Anything else is bad input naming the file and line.
// Lines are keyed by content, so continuing an older sweep with more replications or
// points (--sweep-id naming it) reuses whatever the two share.

import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { RunResult } from '../../experiment/types.js';
import { writeFileAtomic } from '../atomic.js';
import { decodeParsed, encodeResult, ResultFormatError, type ResultShape } from './codec.js';
import { QueueInputError } from './errors.js';

const MAGIC = 'stroom-sweep-state';
const KEY = /^[0-9a-f]{16}$/;

/** A state file that --resume cannot use: bad input (exit 2), with what to do. */
export class StateFileError extends QueueInputError {
  constructor(message: string) {
    super(message);
    this.name = 'StateFileError';
  }
}

const START_OVER = 'delete the file or run without --resume to start the sweep over';

export interface StateFile {
  readonly path: string;
  /** Replications read from the file when it was opened. */
  readonly loaded: number;
  get(key: string): RunResult | undefined;
  /** Buffers a result; flush() makes it durable. */
  add(key: string, result: RunResult): void;
  flush(): void;
  close(): void;
}

interface Parsed {
  results: Map<string, RunResult>;
  /** Bytes of complete, valid lines: everything after is a torn write. */
  validBytes: number;
}

/** Whether a line is (a torn start of) the header this module writes. */
function looksLikeHeader(line: string): boolean {
  const start = `{"stroom":"${MAGIC}"`;
  return line.startsWith(start) || start.startsWith(line);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(path: string, text: string, sweepId: string, shape: ResultShape | undefined): Parsed {
  const results = new Map<string, RunResult>();
  let pos = 0;
  let validBytes = 0;
  let lineNo = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) break; // torn last line: no newline, never acknowledged
    const line = text.slice(pos, nl);
    pos = nl + 1;
    lineNo++;
    const bad = (what: string) => new StateFileError(`state file ${path}, line ${lineNo}: ${what}; the file was edited or damaged: ${START_OVER} (or remove that line to keep the others)`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // A first line that could not begin a header is someone else's file (a one-line
      // note, a CSV header), never a torn write of ours: refuse it rather than replace it.
      if (lineNo === 1 && !looksLikeHeader(line)) throw new StateFileError(`${path} is not a stroom sweep state file; ${START_OVER}, or choose another -o or --state-dir`);
      if (pos >= text.length) break; // a torn last line that happens to end in a newline byte
      throw bad('damaged line (not JSON)');
    }
    if (lineNo === 1) {
      if (!isObject(value) || value['stroom'] !== MAGIC) throw new StateFileError(`${path} is not a stroom sweep state file; ${START_OVER}, or choose another -o or --state-dir`);
      const other = value['sweep'];
      if (other !== sweepId) {
        const named = typeof other === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(other) ? other : undefined;
        throw new StateFileError(
          `state file ${path} belongs to ${named !== undefined ? `sweep ${named}` : 'another sweep'}, not to this one (${sweepId}): the scenario, points, designs, ` +
            `replications, seed or horizon differ. Run without --resume to start this sweep over there, or use another -o or --state-dir` +
            (named !== undefined ? `; to continue sweep ${named} with these settings (replications they share are reused), add --sweep-id ${named}` : ''),
        );
      }
    } else {
      if (!isObject(value)) throw bad('not a record');
      const { k, r } = value;
      if (typeof k !== 'string' || !KEY.test(k)) throw bad('no replication key');
      try {
        results.set(k, decodeParsed(r, shape));
      } catch (e) {
        throw e instanceof ResultFormatError ? bad(`incomplete or invalid result (${e.message})`) : e;
      }
    }
    validBytes += Buffer.byteLength(line) + 1;
  }
  return { results, validBytes };
}

/**
 * Opens the state file at `path`. With `resume`, results already there are kept
 * (a missing file is fine: nothing to resume); without, the file starts empty. With
 * `shape`, every stored result must have exactly those metrics and series.
 */
export function openStateFile(path: string, options: { resume: boolean; sweepId: string; shape?: ResultShape }): StateFile {
  let results = new Map<string, RunResult>();
  const header = `${JSON.stringify({ stroom: MAGIC, version: 1, sweep: options.sweepId })}\n`;
  if (options.resume && existsSync(path)) {
    const parsed = parse(path, readFileSync(path, 'utf8'), options.sweepId, options.shape);
    results = parsed.results;
    if (parsed.validBytes === 0) writeFileAtomic(path, header);
    else {
      const fd = openSync(path, 'r+');
      try {
        ftruncateSync(fd, parsed.validBytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } else {
    writeFileAtomic(path, header);
  }
  const loaded = results.size;
  const fd = openSync(path, 'a');
  let pending: string[] = [];
  let closed = false;
  const flush = () => {
    if (pending.length === 0 || closed) return;
    // One write per batch; a crash mid-write can only tear the last line written.
    const buf = Buffer.from(pending.join(''));
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off);
    fsyncSync(fd);
    pending = [];
  };
  return {
    path,
    loaded,
    get: (key) => results.get(key),
    add(key, result) {
      if (closed) throw new Error(`state file ${path}: add() after close()`);
      if (results.has(key)) return;
      results.set(key, result);
      pending.push(`{"k":${JSON.stringify(key)},"r":${encodeResult(result)}}\n`);
    },
    flush,
    close() {
      if (closed) return;
      flush();
      closed = true;
      closeSync(fd);
    },
  };
}
