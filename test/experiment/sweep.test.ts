// Design points (grid, Latin hypercube), scenario paths, and sweeps that
// summarise per point.

import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../sim/random/index.js';
import {
  applyPoint,
  createInlineExecutor,
  getPath,
  grid,
  latinHypercube,
  parsePath,
  runSweep,
  setPath,
  type RunFn,
} from '../../sim/experiment/index.js';

const scenario = {
  arrivals: { scale: 1 },
  policies: { protectedDesignShare: 0 },
  teams: [{ name: 'a', capacity: 3 }, { name: 'b', capacity: 4 }, { name: 'c', capacity: 5, skills: { design: 1 } }],
};

describe('grid', () => {
  it('is the cartesian product with the first factor slowest', () => {
    const points = grid({ 'policies.protectedDesignShare': [0, 0.1, 0.2], 'arrivals.scale': [0.8, 1] });
    expect(points).toEqual([
      { 'policies.protectedDesignShare': 0, 'arrivals.scale': 0.8 },
      { 'policies.protectedDesignShare': 0, 'arrivals.scale': 1 },
      { 'policies.protectedDesignShare': 0.1, 'arrivals.scale': 0.8 },
      { 'policies.protectedDesignShare': 0.1, 'arrivals.scale': 1 },
      { 'policies.protectedDesignShare': 0.2, 'arrivals.scale': 0.8 },
      { 'policies.protectedDesignShare': 0.2, 'arrivals.scale': 1 },
    ]);
    expect(grid({})).toEqual([{}]);
    expect(() => grid({ a: [] })).toThrow(/"a" needs at least one level/);
  });
});

describe('latinHypercube', () => {
  const ranges = { 'arrivals.scale': { min: 0.5, max: 1.5 }, 'teams[0].capacity': { min: 1, max: 10, integer: true } };

  it('puts exactly one sample in each stratum of every factor', () => {
    const n = 10;
    const points = latinHypercube(ranges, n, 11);
    expect(points).toHaveLength(n);
    const strata = points.map((p) => Math.floor(((p['arrivals.scale'] as number) - 0.5) * n));
    expect([...strata].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    // 10 strata over the 10 integers 1..10: each integer exactly once.
    const caps = points.map((p) => p['teams[0].capacity'] as number);
    expect([...caps].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('is reproducible from the seed and independent of key order', () => {
    const a = latinHypercube(ranges, 6, 'lhs-seed');
    const reordered = { 'teams[0].capacity': ranges['teams[0].capacity'], 'arrivals.scale': ranges['arrivals.scale'] };
    expect(latinHypercube(ranges, 6, 'lhs-seed')).toEqual(a);
    expect(latinHypercube(reordered, 6, 'lhs-seed')).toEqual(a);
    expect(latinHypercube(ranges, 6, 'other-seed')).not.toEqual(a);
    expect(() => latinHypercube({ x: { min: 2, max: 1 } }, 3, 1)).toThrow(/"x"/);
  });
});

describe('paths', () => {
  it('sets a nested value on a deep copy', () => {
    const out = setPath(scenario, 'teams[2].skills.design', 0.5);
    expect(getPath(out, 'teams[2].skills.design')).toBe(0.5);
    expect(scenario.teams[2]!.skills!.design).toBe(1);
    expect(out.teams[0]).not.toBe(scenario.teams[0]);
    expect(setPath(scenario, 'teams[1]["capacity"]', 9).teams[1]!.capacity).toBe(9);
    expect(parsePath('a.b[2].c')).toEqual(['a', 'b', 2, 'c']);
  });

  it('names the path and the missing segment', () => {
    expect(() => setPath(scenario, 'policies.protectedDesignShar', 1)).toThrow(
      'path "policies.protectedDesignShar": segment "protectedDesignShar" is missing: policies has no key "protectedDesignShar"',
    );
    expect(() => setPath(scenario, 'teams[5].capacity', 1)).toThrow(/segment \[5\] is missing: teams has only 3 elements/);
    expect(() => setPath(scenario, 'arival.scale', 1)).toThrow(/segment "arival" is missing: \(root\)/);
    expect(() => setPath(scenario, 'arrivals[0]', 1)).toThrow(/arrivals is not an array/);
    expect(() => setPath(scenario, 'teams..x', 1)).toThrow(/invalid path/);
    expect(() => setPath(scenario, '__proto__.x', 1)).toThrow(/not allowed/);
  });

  it('applies a whole design point', () => {
    const out = applyPoint(scenario, { 'arrivals.scale': 0.8, 'teams[1].capacity': 7 });
    expect(out.arrivals.scale).toBe(0.8);
    expect(out.teams[1]!.capacity).toBe(7);
    expect(scenario.arrivals.scale).toBe(1);
  });
});

describe('runSweep', () => {
  // Throughput grows with the arrival scale; design 'usm' adds 2 on the same noise.
  const model: RunFn = (task) => {
    const sc = applyPoint(scenario, task.point);
    const z = new RandomStreams(task.seed, task.replication).stream('noise').normal();
    return { metrics: { throughput: 100 * sc.arrivals.scale + (task.design === 'usm' ? 2 : 0) + 5 * z } };
  };

  it('summarises each point in order with paired comparisons', async () => {
    const points = grid({ 'arrivals.scale': [0.8, 1, 1.2] });
    let last = 0;
    const res = await runSweep(createInlineExecutor(model), { scenarioId: 's', seed: 5, horizon: 1, warmup: 0 }, points, {
      designs: ['island', 'usm'],
      replications: 8,
      baseline: 'island',
      onProgress: (done, total) => {
        expect(total).toBe(48);
        last = done;
      },
    });
    expect(last).toBe(48);
    expect(res.map((p) => p.point)).toEqual(points);
    expect(res.map((p) => p.records.length)).toEqual([16, 16, 16]);
    const means = res.map((p) => p.summary['island']!['throughput']!.mean);
    // Common random numbers across points: the noise cancels between neighbours exactly.
    expect(means[1]! - means[0]!).toBeCloseTo(20, 9);
    expect(means[2]! - means[1]!).toBeCloseTo(20, 9);
    for (const p of res) {
      const c = p.comparisons!['usm']!['throughput']!;
      expect(c.mean).toBeCloseTo(2, 9);
      expect(c.significant).toBe(true);
      expect(p.records.every((r) => r.point === p.point || JSON.stringify(r.point) === JSON.stringify(p.point))).toBe(true);
    }
  });

  it('rejects a baseline that is not a design', async () => {
    await expect(
      runSweep(createInlineExecutor(model), { scenarioId: 's', seed: 5, horizon: 1, warmup: 0 }, [{}], { designs: ['a'], replications: 2, baseline: 'b' }),
    ).rejects.toThrow(/baseline "b"/);
  });
});
