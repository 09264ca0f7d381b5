// The lead time's parts and the loop's anatomy travel with every replication: from the
// model through the RunResult (in process, on threads, through the queue codec) into
// summaries and paired comparisons on common random numbers.
import { describe, expect, it } from 'vitest';
import { compareFacet, createInlineExecutor, runReplications, summariseFacet, summarise } from '../../sim/experiment/index.js';
import { ANATOMY_KEY_IDS, FATES, LEAD_TIME_PART_IDS, simulate, toRunResult, USM, ISLAND } from '../../sim/model/index.js';
import { smallOrg } from '../../sim/model/examples/small-org.js';
import { decodeResult, encodeResult } from '../../sim/node/queue/codec.js';

const HORIZON = 20 * 40;
const WARMUP = 2 * 40;

describe('parts and anatomy in RunResult', () => {
  const specs = { island: smallOrg({ policies: ISLAND }), usm: smallOrg({ policies: USM }) };
  const run = createInlineExecutor((t) => toRunResult(simulate(specs[t.design as keyof typeof specs], { seed: t.seed, replication: t.replication, horizon: t.horizon, warmup: t.warmup })));

  it('carries every part and every anatomy key, and the parts add up to the mean lead time', async () => {
    const records = await runReplications(run, { scenarioId: 'small', seed: 5, horizon: HORIZON, warmup: WARMUP }, ['island', 'usm'], 3);
    for (const r of records) {
      expect(Object.keys(r.parts!)).toEqual(LEAD_TIME_PART_IDS);
      expect(Object.keys(r.anatomy!)).toEqual(ANATOMY_KEY_IDS);
      for (const f of FATES) expect(r.anatomy![f]).toBeGreaterThanOrEqual(0);
      const sum = Object.values(r.parts!).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - r.metrics['lead_time_mean']!)).toBeLessThan(1e-9 * r.metrics['lead_time_mean']!);
    }
    // Means are linear: the parts' means add up to the mean lead time per design.
    const parts = summariseFacet(records, 'parts');
    const metrics = summarise(records);
    for (const d of ['island', 'usm']) {
      const total = LEAD_TIME_PART_IDS.reduce((a, p) => a + parts[d]![p]!.mean, 0);
      expect(total).toBeCloseTo(metrics[d]!['lead_time_mean']!.mean, 6);
    }
    // Paired differences per part: also add up to the difference of the means.
    const diff = compareFacet(records, 'parts', 'island', 'usm');
    const diffTotal = LEAD_TIME_PART_IDS.reduce((a, p) => a + diff[p]!.mean, 0);
    expect(diffTotal).toBeCloseTo(metrics['usm']!['lead_time_mean']!.mean - metrics['island']!['lead_time_mean']!.mean, 6);
    expect(diff['queue']!.n).toBe(3);
  });

  it('keeps them exactly through the queue codec', () => {
    const r = toRunResult(simulate(specs.island, { seed: 1, replication: 0, horizon: HORIZON, warmup: WARMUP }));
    r.anatomy!['time_to_design_mean'] = NaN;
    const back = decodeResult(encodeResult(r));
    expect(back.parts).toEqual(r.parts);
    expect(Object.keys(back.anatomy!)).toEqual(Object.keys(r.anatomy!));
    for (const [k, v] of Object.entries(r.anatomy!)) expect(Object.is(back.anatomy![k], v)).toBe(true);
    expect(() => decodeResult('{"metrics":{},"parts":{"queue":"x"}}')).toThrow(/parts queue/);
  });
});
