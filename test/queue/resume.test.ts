// Local sweeps resume: a sweep killed after some replications reached its state file
// (<output>.state.jsonl) finishes with --resume, running only what is missing, and
// writes exactly the output of an uninterrupted run; a torn last line (a crash in
// mid-write) is ignored; --resume after completion runs nothing. No Redis involved.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stroom, tempDir } from '../cli/helpers.js';
import { spawnStroom } from './helpers/proc.js';

// 2 points x 2 designs x 4 replications = 16 tasks, 12 distinct (island is shared by both points).
const SWEEP = ['sweep', 'dpv', '--set', 'designs.usm.policies.protectedDesignShare=0,0.2', '--designs', 'island,usm', '--horizon', '8', '--warmup', '1', '--reps', '4', '-f', 'csv'];

const resultLines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.startsWith('{"k"')).length : 0);

describe('resuming a local sweep', () => {
  it('finishes an interrupted sweep with identical output, and then has nothing left to run', async () => {
    const dir = tempDir('stroom-resume-');
    const out = join(dir, 'out.csv');
    const state = `${out}.state.jsonl`;
    const reference = stroom([...SWEEP, '--workers', '1', '-o', join(dir, 'ref.csv')]);

    // One thread, so replications finish one after another and the kill lands mid-sweep.
    const victim = spawnStroom([...SWEEP, '--workers', '1', '-o', out]);
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (resultLines(state) >= 2) {
          clearInterval(timer);
          victim.child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      void victim.exited.then(() => {
        clearInterval(timer);
        reject(new Error(`sweep ended before it could be interrupted:\n${victim.stderr()}`));
      });
    });
    expect(await victim.exited).toBe('SIGKILL');
    const kept = resultLines(state);
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(12);
    expect(existsSync(out)).toBe(false);
    // A crash in mid-write leaves a torn last line; it must be ignored, not trusted.
    appendFileSync(state, '{"k":"0123456789abcdef","r":{"metrics":{"throughput_per');

    const resumed = await stroom([...SWEEP, '--workers', '2', '-o', out, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`resume: ${kept} of 12 distinct replications found in ${state}; running ${12 - kept}`);
    const ref = await reference;
    expect(ref.code).toBe(0);
    const expected = readFileSync(join(dir, 'ref.csv'), 'utf8');
    expect(readFileSync(out, 'utf8')).toBe(expected);
    expect(resultLines(state)).toBe(12);

    const before = readFileSync(state, 'utf8');
    const again = await stroom([...SWEEP, '--workers', '2', '-o', out, '--resume']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`resume: 12 of 12 distinct replications found in ${state}; running 0`);
    expect(readFileSync(state, 'utf8')).toBe(before);
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });

  it('refuses --resume without a place for the state', async () => {
    const r = await stroom([...SWEEP, '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--resume needs -o FILE or --state-dir DIR');
  });
});
