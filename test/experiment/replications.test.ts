// Replications on common random numbers: task layout, summaries with missing
// values, and paired comparisons whose width collapses under CRN but not
// with independent noise.

import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../sim/random/index.js';
import { confidenceInterval } from '../../sim/stats/index.js';
import {
  compareDesigns,
  createInlineExecutor,
  replicationTasks,
  runReplications,
  summarise,
  tidyMetrics,
  type RunFn,
} from '../../sim/experiment/index.js';

const base = { scenarioId: 'crn', seed: 42, horizon: 52, warmup: 0 };

/** 'b' = 'a' + 0.5 on the same noise; 'indep' = 'a' + 0.5 on its own stream; NaN lead when z < -1. */
const model: RunFn = (task) => {
  const streams = new RandomStreams(task.seed, task.replication);
  const stream = task.design === 'indep' ? 'noise-indep' : 'noise';
  const z = streams.stream(stream).normal();
  const shift = task.design === 'a' ? 0 : 0.5;
  return { metrics: { x: 10 + shift + 3 * z, lead: z < -1 ? NaN : 5 + z } };
};

describe('replicationTasks / runReplications', () => {
  it('gives every design the same seed and replication indices (CRN), design-major', async () => {
    const tasks = replicationTasks(base, ['a', 'b'], 3);
    expect(tasks.map((t) => `${t.design}${t.replication}`)).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'b2']);
    expect(new Set(tasks.map((t) => t.seed))).toEqual(new Set([42]));
    const records = await runReplications(createInlineExecutor(model), base, ['a', 'b'], [4, 9]);
    expect(records.map((r) => [r.design, r.replication])).toEqual([['a', 4], ['a', 9], ['b', 4], ['b', 9]]);
    expect(records[2]!.metrics['x']! - records[0]!.metrics['x']!).toBeCloseTo(0.5, 12);
    expect(tidyMetrics(records.slice(0, 1))).toEqual([
      { design: 'a', replication: 4, seed: 42, metric: 'x', value: records[0]!.metrics['x'] },
      { design: 'a', replication: 4, seed: 42, metric: 'lead', value: records[0]!.metrics['lead'] },
    ]);
  });

  it('rejects duplicate designs and replication indices', () => {
    expect(() => replicationTasks(base, ['a', 'a'], 2)).toThrow(/"a" listed twice/);
    expect(() => replicationTasks(base, ['a'], [1, 1])).toThrow(/index 1 listed twice/);
    expect(() => replicationTasks(base, ['a'], 0)).toThrow(/>= 1/);
  });
});

describe('summarise', () => {
  it('matches confidenceInterval and leaves NaN runs out, counting them', async () => {
    const records = await runReplications(createInlineExecutor(model), base, ['a', 'b'], 30);
    const s = summarise(records, 0.9);
    const xs = records.filter((r) => r.design === 'a').map((r) => r.metrics['x']!);
    const ci = confidenceInterval(xs, 0.9);
    expect(s['a']!['x']).toEqual({ ...ci, excluded: 0 });
    const leads = records.filter((r) => r.design === 'a').map((r) => r.metrics['lead']!);
    const missing = leads.filter(Number.isNaN).length;
    expect(missing).toBeGreaterThan(0); // the fixture must actually exercise NaN
    expect(s['a']!['lead']!.excluded).toBe(missing);
    expect(s['a']!['lead']!.n).toBe(30 - missing);
    expect(Number.isFinite(s['a']!['lead']!.mean)).toBe(true);
    expect(Object.keys(s)).toEqual(['a', 'b']);
  });
});

describe('compareDesigns', () => {
  it('under CRN the paired half-width is ~0 and far below the unpaired one', async () => {
    const records = await runReplications(createInlineExecutor(model), base, ['a', 'b', 'indep'], 20);
    const crn = compareDesigns(records, 'a', 'b')['x']!;
    expect(crn.n).toBe(20);
    expect(crn.mean).toBeCloseTo(0.5, 10);
    expect(crn.halfWidth).toBeLessThan(1e-9);
    expect(crn.unpairedHalfWidth).toBeGreaterThan(1);
    expect(crn.significant).toBe(true);
    expect(crn.lower).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(crn.upper).toBeGreaterThanOrEqual(0.5 - 1e-9);
  });

  it('with independent noise pairing does not help', async () => {
    const records = await runReplications(createInlineExecutor(model), base, ['a', 'indep'], 20);
    const ind = compareDesigns(records, 'a', 'indep')['x']!;
    expect(ind.halfWidth).toBeGreaterThan(1);
    expect(ind.halfWidth / ind.unpairedHalfWidth).toBeGreaterThan(0.6);
    expect(ind.halfWidth / ind.unpairedHalfWidth).toBeLessThan(1.6);
    // Sign convention: other − baseline.
    const reversed = compareDesigns(records, 'indep', 'a')['x']!;
    expect(reversed.mean).toBeCloseTo(-ind.mean, 12);
  });

  it('drops pairs with a NaN on either side and reports n', async () => {
    const records = await runReplications(createInlineExecutor(model), base, ['a', 'indep'], 40);
    const nanA = new Set(records.filter((r) => r.design === 'a' && Number.isNaN(r.metrics['lead'])).map((r) => r.replication));
    const nanB = new Set(records.filter((r) => r.design === 'indep' && Number.isNaN(r.metrics['lead'])).map((r) => r.replication));
    const bad = new Set([...nanA, ...nanB]).size;
    expect(nanA.size).toBeGreaterThan(0);
    expect(nanB.size).toBeGreaterThan(0);
    const lead = compareDesigns(records, 'a', 'indep')['lead']!;
    expect(lead.excluded).toBe(bad);
    expect(lead.n).toBe(40 - bad);
    expect(Number.isFinite(lead.halfWidth)).toBe(true);
  });

  it('pairs by replication, not by position, and names unknown designs', async () => {
    const records = await runReplications(createInlineExecutor(model), base, ['a', 'b'], 6);
    const shuffled = [...records].reverse();
    expect(compareDesigns(shuffled, 'a', 'b')['x']!.halfWidth).toBeLessThan(1e-9);
    // Drop one 'b' replication: it is unmatched, not silently paired with another.
    const partial = records.filter((r) => !(r.design === 'b' && r.replication === 2));
    const c = compareDesigns(partial, 'a', 'b')['x']!;
    expect(c.n).toBe(5);
    expect(c.excluded).toBe(1);
    expect(() => compareDesigns(records, 'a', 'zzz')).toThrow(/"zzz"/);
  });
});

describe('createInlineExecutor', () => {
  it('reports progress, wraps errors with the task identity, and refuses after close', async () => {
    const failing: RunFn = (t) => {
      if (t.replication === 2) throw new Error('kaput');
      return model(t);
    };
    const seen: number[] = [];
    const ex = createInlineExecutor(model, { yieldEvery: 2 });
    await ex.run(replicationTasks(base, ['a'], 5), (done, total) => {
      expect(total).toBe(5);
      seen.push(done);
    });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    await expect(createInlineExecutor(failing).run(replicationTasks(base, ['a'], 5))).rejects.toThrow(
      /design=a seed=42 replication=2.*kaput/,
    );
    await ex.close();
    await expect(ex.run([])).rejects.toThrow(/after close/);
  });
});
