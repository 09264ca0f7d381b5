// The results file that lets a local sweep resume: one JSON line per finished
// replication, keyed by its content key (keys.ts), appended and fsynced as results
// come in. A crash can leave at most a torn last line; reading ignores it and the
// file is cut back to its last complete line before anything more is appended, so
// every line in the file is always whole. Because lines are keyed by content, a
// resumed sweep with more replications or points reuses whatever it shares.

import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { RunResult } from '../../experiment/types.js';
import { writeFileAtomic } from '../atomic.js';
import { decodeParsed, encodeResult } from './codec.js';

const MAGIC = 'stroom-sweep-state';

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

function parse(path: string, text: string): Parsed {
  const results = new Map<string, RunResult>();
  let pos = 0;
  let validBytes = 0;
  let first = true;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) break; // torn last line: no newline, never acknowledged
    const line = text.slice(pos, nl);
    pos = nl + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (pos >= text.length) break; // a torn last line that happens to end in a newline byte
      throw new Error(`state file ${path}: a line before the last is damaged; delete the file to start over`);
    }
    if (first) {
      if ((value as { stroom?: unknown }).stroom !== MAGIC) throw new Error(`${path} is not a stroom sweep state file`);
      first = false;
    } else {
      const { k, r } = value as { k?: unknown; r?: unknown };
      if (typeof k !== 'string') throw new Error(`state file ${path}: a line has no key`);
      results.set(k, decodeParsed(r));
    }
    validBytes += Buffer.byteLength(line) + 1;
  }
  return { results, validBytes };
}

/**
 * Opens the state file at `path`. With `resume`, results already there are kept
 * (a missing file is fine: nothing to resume); without, the file starts empty.
 */
export function openStateFile(path: string, options: { resume: boolean; sweepId: string }): StateFile {
  let results = new Map<string, RunResult>();
  const header = `${JSON.stringify({ stroom: MAGIC, version: 1, sweep: options.sweepId })}\n`;
  if (options.resume && existsSync(path)) {
    const parsed = parse(path, readFileSync(path, 'utf8'));
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
