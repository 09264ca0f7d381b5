// The thread pool must reproduce the inline executor exactly, whatever the
// worker count or chunking, and name the failing task when a replication throws.

import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createInlineExecutor, replicationTasks, runSequential, type RunTask } from '../../sim/experiment/index.js';
import { chunkSizes, createThreadPool, type ThreadPoolExecutor } from '../../sim/node/pool.js';
import { run } from './fixtures/run-module.js';

const runModule = fileURLToPath(new URL('./fixtures/run-module.ts', import.meta.url));
const base = { scenarioId: 'fixture', seed: 'pool-test', horizon: 20, warmup: 0 };
const tasks: RunTask[] = [
  ...replicationTasks(base, ['a', 'b'], 12),
  ...replicationTasks({ ...base, point: { scale: 2 } }, ['a'], [3, 7]),
];

const pools: ThreadPoolExecutor[] = [];
function pool(workers: number, extra: { chunkSize?: number; exportName?: string } = {}): ThreadPoolExecutor {
  const p = createThreadPool({ workers, runModule, ...extra });
  pools.push(p);
  return p;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('createThreadPool', () => {
  it('gives results deep-equal to the inline executor for 1, 2 and 4 workers', async () => {
    const expected = await createInlineExecutor(run).run(tasks);
    expect(expected).toHaveLength(tasks.length);
    for (const workers of [1, 2, 4]) {
      const progress: number[] = [];
      const got = await pool(workers).run(tasks, (done, total) => {
        expect(total).toBe(tasks.length);
        progress.push(done);
      });
      expect(got).toEqual(expected);
      expect(progress.at(-1)).toBe(tasks.length);
    }
  });

  it('does not depend on chunk size and honours exportName', async () => {
    const expected = await createInlineExecutor(run).run(tasks);
    expect(await pool(2, { chunkSize: 1 }).run(tasks)).toEqual(expected);
    expect(await pool(2, { chunkSize: 7, exportName: 'alternative' }).run(tasks)).toEqual(expected);
  });

  it('sends a batch in chunks that shrink to single tasks at the end, unless a size is fixed', () => {
    for (const [n, workers] of [[60, 2], [26, 2], [2560, 2], [5, 4], [1000, 8], [1, 1]] as const) {
      const sizes = chunkSizes(n, workers);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
      for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeLessThanOrEqual(sizes[i - 1]!);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(16);
      // The last `workers` chunks are single tasks: no thread is left alone with a long one.
      expect(sizes.slice(-Math.min(workers, n)).every((s) => s === 1)).toBe(true);
    }
    // npm start's batch: the fixed chunks of 7 left a last chunk of 4 to one thread.
    expect(chunkSizes(60, 2).at(-1)).toBe(1);
    expect(chunkSizes(60, 2, 7)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
    // Large batches still go out in few messages (at most 16 tasks each).
    expect(chunkSizes(2560, 2).length).toBeLessThan(200);
  });

  it('gives the same results with shrinking chunks as with one task per chunk', async () => {
    const many = replicationTasks(base, ['a', 'b'], 40);
    expect(await pool(2).run(many)).toEqual(await pool(3, { chunkSize: 1 }).run(many));
  });

  it('rejects with the failing task identity and stays usable', async () => {
    const p = pool(2, { chunkSize: 2 });
    const bad = replicationTasks(base, ['a', 'boom'], 8);
    const err = await p.run(bad).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    const message = (err as Error).message;
    expect(message).toContain('design=boom');
    expect(message).toContain('replication=5');
    expect(message).toContain('seed=pool-test');
    expect(message).toContain('deliberate failure in fixture');
    // Same failure, same message, as the inline executor.
    await expect(createInlineExecutor(run).run(bad)).rejects.toThrow(message);
    expect(await p.run(tasks.slice(0, 3))).toEqual(await createInlineExecutor(run).run(tasks.slice(0, 3)));
  });

  it('reports a missing export clearly', async () => {
    await expect(pool(1, { exportName: 'nope' }).run(tasks.slice(0, 1))).rejects.toThrow(/no export "nope"/);
  });

  it('stops a sequential experiment at the same n as inline', async () => {
    const options = { metrics: ['meanWip'], targetRelativePrecision: 0.005, minReplications: 4, batchSize: 3, maxReplications: 40 };
    const inline = await runSequential(createInlineExecutor(run), base, ['a', 'b'], options);
    const threaded = await runSequential(pool(2), base, ['a', 'b'], options);
    expect(threaded.replications).toBe(inline.replications);
    expect(threaded.records).toEqual(inline.records);
    expect(inline.replications).toBeGreaterThan(4);
  });

  it('refuses to run after close', async () => {
    const p = pool(1);
    await p.close();
    await expect(p.run(tasks.slice(0, 1))).rejects.toThrow(/after close/);
  });
});
