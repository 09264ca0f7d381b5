// The ablation core on a toy model whose effects are known exactly: which fields it
// varies, the 2k + 2 variants, that every variant runs the same seeds and
// replications, and that effects are paired differences in the documented direction.
import { describe, expect, it } from 'vitest';
import {
  ablationNotes,
  ablationPlan,
  ablationTasks,
  createInlineExecutor,
  deepEqual,
  differingPolicies,
  parsePath,
  runAblation,
  type AblationDesign,
  type RunTask,
} from '../../sim/experiment/index.js';
import { RandomStreams } from '../../sim/random/index.js';

const A: AblationDesign = {
  policies: { rule: 'none', share: 0, flag: false, cadence: 1, nested: { k: [1, 2] }, idle: 'x' },
  timeline: [],
  persons: [{ id: 'p1' }],
};
const B: AblationDesign = {
  policies: { rule: 'strict', share: 0.5, flag: true, cadence: 1, nested: { k: [1, 2] }, idle: 'y' },
  timeline: [],
  persons: [{ id: 'p1' }],
};
const DESIGNS: Record<string, AblationDesign> = { a: A, b: B };

/**
 * A toy model: y = noise + 2·[rule strict] + 10·share, plus 3 more when flag and rule
 * strict are both on (an interaction); `idle` acts on nothing; `arrivals` depends on
 * the seed and replication only. Points address designs.<id>.policies.<field>.
 */
function toy(task: RunTask) {
  const policies = { ...DESIGNS[task.design]!.policies };
  for (const [path, value] of Object.entries(task.point ?? {})) {
    const [, design, , field] = parsePath(path);
    expect(design).toBe(task.design);
    policies[field as string] = value;
  }
  const s = new RandomStreams(task.seed, task.replication);
  const noise = s.stream('noise').normal() * 5;
  const strict = policies['rule'] === 'strict';
  const y = noise + (strict ? 2 : 0) + 10 * (policies['share'] as number) + (strict && policies['flag'] ? 3 : 0);
  return { metrics: { y, arrivals: 100 + Math.floor(s.stream('arrivals').next() * 20) } };
}

describe('differing fields', () => {
  it('are the keys whose values differ, deep-compared, in the order of the from design', () => {
    expect(differingPolicies(A, B).map((f) => f.field)).toEqual(['rule', 'share', 'flag', 'idle']);
    expect(differingPolicies(A, B)[0]).toEqual({ field: 'rule', fromValue: 'none', toValue: 'strict' });
    expect(differingPolicies(A, { ...A, policies: { ...A.policies, nested: { k: [1, 3] } } }).map((f) => f.field)).toEqual(['nested']);
    expect(differingPolicies(A, A)).toEqual([]);
  });

  it('deepEqual treats plain data structurally', () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(deepEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(deepEqual(NaN, NaN)).toBe(true);
    expect(deepEqual(new Float64Array([1, 2]), new Float64Array([1, 2]))).toBe(true);
  });
});

describe('the plan', () => {
  it('has 2k + 2 variants: both designs, then per field add to from and remove from to', () => {
    const plan = ablationPlan('a', 'b', A, B);
    expect(plan.variants).toHaveLength(2 * 4 + 2);
    expect(plan.variants.slice(0, 4)).toEqual([
      { label: 'a', design: 'a' },
      { label: 'b', design: 'b' },
      { label: 'a+rule', design: 'a', point: { 'designs.a.policies.rule': 'strict' }, field: 'rule', direction: 'add' },
      { label: 'b-rule', design: 'b', point: { 'designs.b.policies.rule': 'none' }, field: 'rule', direction: 'remove' },
    ]);
    expect(plan.notes).toEqual([]);
  });

  it('refuses the same design twice', () => {
    expect(() => ablationPlan('a', 'a', A, A)).toThrow(/same design/);
  });

  it('notes structure and timelines it does not ablate', () => {
    const b2: AblationDesign = {
      ...B,
      persons: [{ id: 'p1' }, { id: 'coord' }],
      timeline: [{ at: 320, label: 'phase 1', policies: { share: 0.2 } }],
    };
    const notes = ablationNotes('a', 'b', A, b2, differingPolicies(A, b2));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/differ in timeline \(a: 0 entries, b: 1\), persons \(b has coord\)/);
    expect(notes[1]).toMatch(/b's timeline sets share at week 8 \("phase 1"\): the ablation changes starting policies only/);
  });

  it('gives every variant the same seed and replications', () => {
    const plan = ablationPlan('a', 'b', A, B);
    const tasks = ablationTasks({ scenarioId: 'toy', seed: 7, horizon: 10, warmup: 0 }, plan, 3);
    expect(tasks).toHaveLength(10 * 3);
    for (let v = 0; v < 10; v++) {
      expect(tasks.slice(v * 3, v * 3 + 3).map((t) => [t.seed, t.replication, t.design])).toEqual(
        [0, 1, 2].map((r) => [7, r, plan.variants[v]!.design]),
      );
      expect(tasks[v * 3]!.point).toEqual(plan.variants[v]!.point);
    }
  });
});

describe('running an ablation', () => {
  const metrics = ['y', 'arrivals'];
  const run = async () => {
    const executor = createInlineExecutor(toy);
    try {
      return await runAblation(executor, { scenarioId: 'toy', seed: 2026, horizon: 10, warmup: 0 }, ablationPlan('a', 'b', A, B), 6, metrics);
    } finally {
      await executor.close();
    }
  };
  const effect = (res: Awaited<ReturnType<typeof run>>, metric: string, field: string, direction: string) =>
    res.effects.find((e) => e.metric === metric && e.field === field && e.direction === direction)!;

  it('pairs replications, so the shared noise cancels exactly', async () => {
    const res = await run();
    expect(res.records).toHaveLength(10 * 6);
    // rule alone: +2 added to a (flag off there); removed from b it also takes the interaction (+3).
    expect(effect(res, 'y', 'rule', 'add').mean).toBeCloseTo(2, 10);
    expect(effect(res, 'y', 'rule', 'remove').mean).toBeCloseTo(5, 10);
    expect(effect(res, 'y', 'rule', 'add').halfWidth).toBeLessThan(1e-9);
    expect(effect(res, 'y', 'share', 'add').mean).toBeCloseTo(5, 10);
    expect(effect(res, 'y', 'share', 'remove').mean).toBeCloseTo(5, 10);
    expect(effect(res, 'y', 'flag', 'add')).toMatchObject({ mean: 0, halfWidth: 0, significant: false, n: 6 });
    expect(effect(res, 'y', 'flag', 'remove').mean).toBeCloseTo(3, 10);
    expect(effect(res, 'y', 'rule', 'add').significant).toBe(true);
    expect(res.total['y']!.mean).toBeCloseTo(10, 10);
  });

  it('gives exactly 0 ± 0 for a field that acts on nothing and a metric no field acts on', async () => {
    const res = await run();
    for (const d of ['add', 'remove']) expect(effect(res, 'y', 'idle', d)).toMatchObject({ mean: 0, halfWidth: 0, n: 6, significant: false });
    for (const e of res.effects.filter((x) => x.metric === 'arrivals')) expect([e.mean, e.halfWidth]).toEqual([0, 0]);
    expect(res.total['arrivals']).toMatchObject({ mean: 0, halfWidth: 0 });
  });

  it('lists effects per metric in the order asked, each field add then remove, with both values', async () => {
    const res = await run();
    expect(res.effects.map((e) => `${e.metric}:${e.field}:${e.direction}`).slice(0, 4)).toEqual(['y:rule:add', 'y:rule:remove', 'y:share:add', 'y:share:remove']);
    expect(res.effects).toHaveLength(2 * 4 * 2);
    expect(effect(res, 'y', 'share', 'remove')).toMatchObject({ fromValue: 0, toValue: 0.5 });
  });
});
