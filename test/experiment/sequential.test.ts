// Sequential replications on a model with known variance: each replication's
// metric is the mean of m normal draws, so its standard deviation is σ/√m and the
// replications needed for a relative half-width ε are n ≈ (t·σ/(√m·ε·μ))².

import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../sim/random/index.js';
import { confidenceInterval, relativePrecision, tQuantile } from '../../sim/stats/index.js';
import { createInlineExecutor, runSequential, type Executor, type RunFn } from '../../sim/experiment/index.js';

const MU = 10;
const SIGMA = 10;
const M = 25; // per-replication sd = SIGMA / √M = 2

const model: RunFn = (task) => {
  const s = new RandomStreams(task.seed, task.replication).stream('x');
  let sum = 0;
  for (let i = 0; i < M; i++) sum += MU + SIGMA * s.normal();
  return { metrics: { y: sum / M, constant: 1 } };
};

const base = { scenarioId: 'seq', seed: 7, horizon: 1, warmup: 0 };

/** n with t_{n-1}·sd/√n ≤ ε·μ, i.e. what a known-σ calculation predicts. */
function predictedN(eps: number): number {
  const sd = SIGMA / Math.sqrt(M);
  for (let n = 2; ; n++) if ((tQuantile(0.975, n - 1) * sd) / Math.sqrt(n) <= eps * MU) return n;
}

/** Computes tasks back to front, to show the outcome ignores execution order. */
function reversingExecutor(run: RunFn): Executor {
  return {
    async run(tasks) {
      const out = new Array(tasks.length);
      for (let i = tasks.length - 1; i >= 0; i--) out[i] = run(tasks[i]!);
      return out;
    },
    async close() {},
  };
}

describe('runSequential', () => {
  it('stops as soon as the half-width target is met, near the predicted n', async () => {
    const eps = 0.05;
    const options = { metrics: ['y'], targetRelativePrecision: eps, minReplications: 10, batchSize: 4, maxReplications: 500 };
    const rounds: number[] = [];
    const res = await runSequential(createInlineExecutor(model), base, ['only'], { ...options, onRound: (n) => rounds.push(n) });
    const predicted = predictedN(eps);
    expect(predicted).toBeGreaterThan(50); // the schedule has room to over- or undershoot
    expect(res.met).toBe(true);
    // n tracks the sample variance, whose relative sd is ~√(2/n) ≈ 18 % here: allow ~3σ.
    expect(res.replications).toBeGreaterThan(0.6 * predicted);
    expect(res.replications).toBeLessThan(1.6 * predicted);
    expect((res.replications - 10) % 4).toBe(0);
    expect(rounds).toEqual(Array.from({ length: res.rounds }, (_, i) => 10 + 4 * i));
    expect(res.records).toHaveLength(res.replications);
    expect(res.records.map((r) => r.replication)).toEqual(Array.from({ length: res.replications }, (_, i) => i));

    const ys = res.records.map((r) => r.metrics['y']!);
    expect(relativePrecision(confidenceInterval(ys))).toBeLessThanOrEqual(eps);
    expect(res.precision['only']!['y']).toBeLessThanOrEqual(eps);
    // One batch earlier the target was not yet met: it did not run on needlessly.
    expect(relativePrecision(confidenceInterval(ys.slice(0, res.replications - 4)))).toBeGreaterThan(eps);

    const again = await runSequential(reversingExecutor(model), base, ['only'], options);
    expect(again.replications).toBe(res.replications);
    expect(again.records).toEqual(res.records);
  });

  it('needs the predicted n on average over seeds', async () => {
    const eps = 0.05;
    let total = 0;
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    for (const seed of seeds) {
      const res = await runSequential(createInlineExecutor(model), { ...base, seed }, ['only'], {
        metrics: ['y'],
        targetRelativePrecision: eps,
        batchSize: 2,
        maxReplications: 500,
      });
      expect(res.met).toBe(true);
      total += res.replications;
    }
    const ratio = total / seeds.length / predictedN(eps);
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.2);
  });

  it('requires every listed metric of every design', async () => {
    const shifted: RunFn = (t) => {
      const r = model(t);
      // Design 'wide' has 3x the spread, so it alone needs ~9x the replications.
      return t.design === 'wide' ? { metrics: { y: MU + 3 * (r.metrics['y']! - MU), constant: 1 } } : r;
    };
    const options = { metrics: ['y', 'constant'], targetRelativePrecision: 0.1, maxReplications: 400 };
    const narrow = await runSequential(createInlineExecutor(shifted), base, ['narrow'], options);
    const both = await runSequential(createInlineExecutor(shifted), base, ['narrow', 'wide'], options);
    expect(both.met).toBe(true);
    expect(both.replications).toBeGreaterThan(3 * narrow.replications);
    expect(both.precision['wide']!['y']).toBeLessThanOrEqual(0.1);
    expect(both.records.filter((r) => r.design === 'narrow')).toHaveLength(both.replications);
  });

  it('stops at the cap and says so when the target is unreachable', async () => {
    const res = await runSequential(createInlineExecutor(model), base, ['only'], {
      metrics: ['y'],
      targetRelativePrecision: 0.001,
      minReplications: 10,
      batchSize: 4,
      maxReplications: 31,
    });
    expect(res.met).toBe(false);
    expect(res.replications).toBe(31);
    expect(res.rounds).toBe(7); // 10, 14, 18, 22, 26, 30, 31
    expect(res.precision['only']!['y']).toBeGreaterThan(0.001);
  });

  it('rejects a metric the model does not produce and bad settings', async () => {
    const ex = createInlineExecutor(model);
    await expect(runSequential(ex, base, ['only'], { metrics: ['nope'], targetRelativePrecision: 0.1 })).rejects.toThrow(/"nope"/);
    await expect(
      runSequential(ex, base, ['only'], { metrics: ['y'], targetRelativePrecision: 0.1, minReplications: 10, maxReplications: 5 }),
    ).rejects.toThrow(/maxReplications/);
  });
});
