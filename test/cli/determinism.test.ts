// Same scenario, seed and replications give byte-identical CSV whatever the number of
// worker threads: every replication's streams derive from (seed, replication, name).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stroom, tempDir } from './helpers.js';

describe('determinism across worker counts', () => {
  it('compare writes byte-identical CSV with --workers 1, 2 and 4', async () => {
    const dir = tempDir();
    const outputs: string[] = [];
    for (const workers of [1, 2, 4]) {
      const out = join(dir, `w${workers}.csv`);
      const r = await stroom(['compare', 'dpv', '--designs', 'island,usm', '--reps', '4', '--horizon', '6', '--warmup', '2', '--workers', String(workers), '-f', 'csv', '-o', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      outputs.push(readFileSync(out, 'utf8'));
    }
    expect(outputs[0]!.split('\n').length).toBeGreaterThan(4 * 2 * 30);
    expect(outputs[0]!.startsWith('design,replication,seed,stream,team,metric,value,diagnostics\n')).toBe(true);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('another seed gives different numbers', async () => {
    const a = await stroom(['run', 'dpv', '--reps', '2', '--horizon', '4', '--warmup', '1', '--workers', '1', '-f', 'csv', '--seed', '1']);
    const b = await stroom(['run', 'dpv', '--reps', '2', '--horizon', '4', '--warmup', '1', '--workers', '1', '-f', 'csv', '--seed', '2']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout).not.toBe(b.stdout);
  });
});
