// Weekly series per group (RunResult.weekly) through the queue's exact codec and
// content keys: what a worker stores is what a local run would have returned.
import { describe, expect, it } from 'vitest';
import { decodeResult, encodeResult } from '../../sim/node/queue/codec.js';
import { taskKey } from '../../sim/node/queue/keys.js';
import { checkJobData } from '../../sim/node/queue/job-check.js';
import { smallOrg } from '../../sim/model/examples/small-org.js';
import { simulate } from '../../sim/model/simulate.js';

describe('weekly series through the queue', () => {
  it('round-trip exactly, NaN and -0 included, and a damaged entry is refused', () => {
    const r = simulate(smallOrg(), { seed: 5, horizon: 4 * 40, warmup: 40, weekly: true });
    expect(r.weekly).toBeDefined();
    const result = { metrics: r.metrics, series: r.series, weekly: r.weekly };
    const back = decodeResult(encodeResult(result));
    for (const [kind, ids] of Object.entries(r.weekly!)) {
      for (const [id, ms] of Object.entries(ids)) {
        for (const [m, v] of Object.entries(ms)) {
          const got = back.weekly![kind]![id]![m]!;
          expect(got.length).toBe(r.series.week.length);
          Array.from(v).forEach((x, i) => expect(Object.is(got[i], x)).toBe(true));
        }
      }
    }
    const odd = decodeResult(encodeResult({ metrics: {}, weekly: { stream: { s: { lead_time_mean: new Float64Array([NaN, -0]) } } } }));
    expect(Number.isNaN(odd.weekly!['stream']!['s']!['lead_time_mean']![0])).toBe(true);
    expect(Object.is(odd.weekly!['stream']!['s']!['lead_time_mean']![1], -0)).toBe(true);
    expect(() => decodeResult('{"metrics":{},"weekly":{"person":{"p":{"hours_design":[1,"x"]}}}}')).toThrow(/weekly person p hours_design\[1\]/);
    expect(() => decodeResult('{"metrics":{},"weekly":{"person":[]}}')).toThrow(/weekly person is not an object/);
  });

  it('is recorded only when asked, and the ordinary metrics do not change when it is', () => {
    const plain = simulate(smallOrg(), { seed: 9, horizon: 3 * 40, warmup: 40 });
    const withWeekly = simulate(smallOrg(), { seed: 9, horizon: 3 * 40, warmup: 40, weekly: true });
    expect(plain.weekly).toBeUndefined();
    expect(withWeekly.metrics).toEqual(plain.metrics);
    expect(Object.keys(withWeekly.weekly!).sort()).toEqual(['person', 'role', 'stream', 'team']);
  });

  it('a task asking for weekly series has its own content key, and job checks refuse a non-boolean flag', () => {
    const model = smallOrg();
    const task = { scenarioId: 'x', design: 'd', seed: 1, replication: 0, horizon: 80, warmup: 0, model };
    expect(taskKey({ ...task, series: true })).not.toBe(taskKey(task));
    expect(taskKey({ ...task, series: false })).toBe(taskKey(task));
    const job = (t: Record<string, unknown>) => ({ key: '0123456789abcdef', spec: '0123456789abcdef', task: t });
    const { model: _m, ...bare } = task;
    expect(() => checkJobData(job({ ...bare, series: 'yes' }))).toThrow(/task.series: expected true or false/);
    expect(() => checkJobData(job({ ...bare, series: true }))).not.toThrow();
  });
});
