// Local sweeps resume: a sweep killed after some replications reached its state file
// (<output>.state.jsonl) finishes with --resume, running only what is missing, and
// writes exactly the output of an uninterrupted run; a torn last line (a crash in
// mid-write) is ignored; --resume after completion runs nothing. A state file is
// checked, not trusted: another sweep's file and edited or incomplete lines are bad
// input (exit 2) naming the file and the line. No Redis involved.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
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

  it("refuses another sweep's state file, and says how to start over or continue it", { timeout: 300_000 }, async () => {
    const dir = tempDir('stroom-resume-');
    const out = join(dir, 'out.csv');
    const state = `${out}.state.jsonl`;
    const small = [...SWEEP.map((a) => (a === 'island,usm' ? 'usm' : a === '4' ? '2' : a)), '--workers', '2', '-o', out];
    expect((await stroom(small)).code).toBe(0);
    const id = (JSON.parse(readFileSync(state, 'utf8').split('\n')[0]!) as { sweep: string }).sweep;
    const before = readFileSync(state, 'utf8');
    // More replications: another sweep (another id), the same state file.
    const bigger = small.map((a) => (a === '2' ? '3' : a));
    const r = await stroom([...bigger, '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`state file ${state} belongs to sweep ${id}, not to this one`);
    expect(r.stderr).toContain('Run without --resume to start this sweep over');
    expect(r.stderr).toContain(`add --sweep-id ${id}`);
    expect(readFileSync(state, 'utf8')).toBe(before);
    // Naming the old sweep continues it: the 4 replications the two share are reused.
    const go = await stroom([...bigger, '--resume', '--sweep-id', id]);
    expect(go.code, go.stderr).toBe(0);
    expect(go.stderr).toContain(`resume: 4 of 6 distinct replications found in ${state}; running 2`);
  });

  it('refuses an edited or incomplete line, naming the file and the line', { timeout: 300_000 }, async () => {
    const dir = tempDir('stroom-resume-');
    const out = join(dir, 'out.csv');
    const state = `${out}.state.jsonl`;
    const small = [...SWEEP.map((a) => (a === 'island,usm' ? 'usm' : a === '4' ? '2' : a)), '--workers', '2', '-o', out];
    expect((await stroom(small)).code).toBe(0);
    const lines = readFileSync(state, 'utf8').split('\n');
    const firstMetric = /"metrics":\{"([a-z_0-9]+)":[^,]+,/;
    const name = firstMetric.exec(lines[2]!)![1]!;
    const edits: [number, string, string][] = [
      [3, lines[2]!.replace(firstMetric, `"metrics":{"${name}":1e999,`), `metric ${name}: a number too large to be finite`],
      [2, lines[1]!.replace(firstMetric, '"metrics":{'), `metric ${name} missing`],
      [4, lines[3]!.replace(firstMetric, `"metrics":{"${name}":null,`), `metric ${name}: null is not a number`],
      [2, lines[1]!.replace(/"k":"[0-9a-f]+"/, '"k":""'), 'no replication key'],
    ];
    // Each edit in a copy of the file of its own (the state file is found by the -o name), all at once.
    const results = await Promise.all(edits.map(async ([lineNo, edited], i) => {
      const o = join(dir, `edit${i}.csv`);
      const text = lines.map((l, j) => (j === lineNo - 1 ? edited : l)).join('\n');
      writeFileSync(`${o}.state.jsonl`, text);
      return { o, text, r: await stroom([...small.slice(0, -1), o, '--resume']) };
    }));
    results.forEach(({ o, text, r }, i) => {
      const [lineNo, , why] = edits[i]!;
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`state file ${o}.state.jsonl, line ${lineNo}: `);
      expect(r.stderr).toContain(why);
      expect(r.stderr).toContain('delete the file or run without --resume to start the sweep over');
      expect(readFileSync(`${o}.state.jsonl`, 'utf8')).toBe(text);
      expect(existsSync(o)).toBe(false);
    });
  });
});
