// Output files (issue 10, points 4 and 6): the atomic writer names the user's path and
// leaves no temporary file when the disk fills up; the output checks refuse what cannot
// be written before any work; the streamed trace file is byte for byte what
// JSON.stringify(toTraceFile(...)) gives; the size estimator refuses what is too big.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallOrg } from '../../sim/model/examples/small-org.js';
import { simulate, toTraceFile } from '../../sim/model/index.js';
import { estimateRunSize, SIZE_LIMITS, sizeProblems } from '../../sim/model/size.js';
import { OutputError, outputFileProblem, outputFolderProblem, writeAtomic, writeFileAtomic } from '../../sim/node/atomic.js';
import { writeTraceFile } from '../../sim/node/trace-writer.js';
import { tempDir } from './helpers.js';

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('atomic writer', () => {
  it('writes through missing folders and replaces the file', () => {
    const dir = tempDir('stroom-atomic-');
    const p = join(dir, 'a', 'b', 'out.csv');
    writeFileAtomic(p, 'one');
    writeFileAtomic(p, 'two');
    expect(readFileSync(p, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['out.csv']);
  });

  it('keeps the mode of a file it writes over; a new file follows the umask', () => {
    const dir = tempDir('stroom-atomic-');
    const p = join(dir, 'private.csv');
    writeFileSync(p, 'old');
    chmodSync(p, 0o600);
    writeFileAtomic(p, 'new');
    expect(statSync(p).mode & 0o777).toBe(0o600);
    const fresh = join(dir, 'fresh.csv');
    writeFileAtomic(fresh, 'x');
    expect(statSync(fresh).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it('a full disk names the user path, keeps the old file and leaves no temporary file', () => {
    const dir = tempDir('stroom-atomic-');
    const p = join(dir, 'out.csv');
    writeFileSync(p, 'old');
    let err: unknown;
    try {
      writeAtomic(p, (write) => {
        write('a first chunk');
        throw enospc();
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OutputError);
    expect((err as Error).message).toBe(`cannot write ${p}: no space left on the device (ENOSPC)`);
    expect((err as OutputError).code).toBe('ENOSPC');
    expect(readFileSync(p, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('never renames over a device such as /dev/full: the check refuses it first', () => {
    // The temporary file would go beside it in /dev and the rename replace the device node.
    if (!existsSync('/dev/full')) return;
    expect(outputFileProblem('/dev/full')).toMatch(/not a regular file/);
  });
});

describe('output checks, before any work', () => {
  const dir = tempDir('stroom-check-');
  const file = join(dir, 'file.txt');
  writeFileSync(file, 'x');

  it('accepts a new file, an existing file and a missing folder in a writable place', () => {
    expect(outputFileProblem(join(dir, 'new.csv'))).toBeUndefined();
    expect(outputFileProblem(file)).toBeUndefined();
    expect(outputFileProblem(join(dir, 'missing', 'deeper', 'out.csv'))).toBeUndefined();
    expect(existsSync(join(dir, 'missing'))).toBe(false); // checking creates nothing
    expect(outputFolderProblem(join(dir, 'state'))).toBeUndefined();
  });

  it('refuses folders, devices, paths through a file and read-only places', () => {
    expect(outputFileProblem(dir)).toMatch(/is a folder/);
    expect(outputFileProblem('/dev/null')).toMatch(/not a regular file/);
    expect(outputFileProblem(join(file, 'out.csv'))).toMatch(/is a file, not a folder/);
    expect(outputFileProblem('/sys/stroom-out.csv')).toMatch(/cannot create files in \/sys/);
    expect(outputFolderProblem(file)).toMatch(/is a file, not a folder/);
    expect(outputFileProblem('')).toMatch(/empty/);
    expect(readdirSync(dir).sort()).toEqual(['file.txt']);
  });

  it('refuses a read-only folder when permissions apply (not as root)', () => {
    if (process.getuid?.() === 0) return;
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    expect(outputFileProblem(join(ro, 'out.csv'))).toMatch(/permission denied/);
    chmodSync(ro, 0o755);
  });
});

describe('streamed trace file', () => {
  it('is byte for byte JSON.stringify(toTraceFile(...))', () => {
    const spec = smallOrg();
    const run = { scenario: 'small', design: 'island', seed: 3, replication: 1, horizon: 60 * 40, warmup: 40 };
    const result = simulate(spec, { seed: 3, replication: 1, horizon: run.horizon, warmup: run.warmup, trace: true });
    const p = join(tempDir('stroom-trace-'), 'small.trace.json');
    const written = writeTraceFile(p, spec, result, run);
    expect(written.events).toBe(result.trace!.time.length);
    expect(written.events).toBeGreaterThan(65_536); // more than one chunk
    expect(readFileSync(p, 'utf8')).toBe(JSON.stringify(toTraceFile(spec, result, run)));
  });

  it('formats awkward numbers as JSON.stringify does', () => {
    const spec = smallOrg();
    const run = { scenario: 'small', design: 'island', seed: 3, replication: 0, horizon: 40, warmup: 0 };
    const result = simulate(spec, { seed: 3, horizon: 40, trace: true });
    const odd = [-0, Number.NaN, Infinity, 1e21, 1e-7, 0.0005, -0.0004, 123456.7894];
    const col = () => Float64Array.from(odd);
    const trace = { time: col(), type: Uint8Array.from(odd.map((_, i) => i)), a: col(), b: col(), c: col() };
    const p = join(tempDir('stroom-trace-'), 'odd.trace.json');
    writeTraceFile(p, spec, { ...result, trace }, run);
    expect(readFileSync(p, 'utf8')).toBe(JSON.stringify(toTraceFile(spec, { ...result, trace }, run)));
  });
});

describe('run size estimate', () => {
  const spec = smallOrg();
  it('grows with the horizon and counts a trace only when asked', () => {
    const a = estimateRunSize(spec, { horizon: 52 * 40, warmup: 0, trace: false });
    const b = estimateRunSize(spec, { horizon: 104 * 40, warmup: 0, trace: true });
    expect(b.events).toBeGreaterThan(1.9 * a.events);
    expect(a.traceEvents).toBe(0);
    expect(b.traceBytes).toBeGreaterThan(b.traceEvents * 15);
    expect(sizeProblems(a)).toEqual([]);
  });

  it('is a little above the events a run really has', () => {
    const o = { horizon: 10 * 40, warmup: 40, trace: true };
    const est = estimateRunSize(spec, o);
    const r = simulate(spec, { seed: 1, ...o });
    expect(est.events).toBeGreaterThanOrEqual(0.9 * r.events);
    expect(est.events).toBeLessThan(3 * r.events);
    expect(est.traceEvents).toBeGreaterThanOrEqual(0.9 * r.trace!.time.length);
  });

  it('refuses an absurd horizon with the limit and a way under it', () => {
    const size = estimateRunSize(spec, { horizon: 1e8 * 40, warmup: 0, trace: true });
    const limits = sizeProblems(size).map((p) => p.limit);
    expect(limits).toEqual(expect.arrayContaining(['weeks', 'events', 'traceEvents']));
    for (const p of sizeProblems(size)) expect(p.message).toMatch(/at most .*(shorter horizon|fewer)/);
    expect(SIZE_LIMITS.weeks).toBe(5200);
  });
});
