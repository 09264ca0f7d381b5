// Warm-up estimation on series with a known transient: WIP decays from a high
// start to a stationary level, reaching it exactly at week K (a linear ramp, so
// the end of the transient is unambiguous).

import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../sim/random/index.js';
import { createInlineExecutor, estimateWarmup, runReplications, type RunFn } from '../../sim/experiment/index.js';

const WEEKS = 104;
const K = 25;
const LEVEL = 40;

/** LEVEL+60 falling linearly to LEVEL at week K (or a trend that never settles), plus AR(1) noise. */
function transientModel(trend: boolean): RunFn {
  return (task) => {
    const s = new RandomStreams(task.seed, task.replication).stream('wip');
    const week = new Float64Array(WEEKS);
    const wip = new Float64Array(WEEKS);
    let noise = 0;
    for (let w = 0; w < WEEKS; w++) {
      noise = 0.5 * noise + 4 * s.normal();
      week[w] = w;
      wip[w] = (trend ? LEVEL + 0.8 * w : LEVEL + 60 * Math.max(0, 1 - w / K)) + noise;
    }
    return { metrics: {}, series: { week, wip } };
  };
}

const base = { scenarioId: 'warm', seed: 3, horizon: WEEKS * 168, warmup: 0 };

describe('estimateWarmup', () => {
  it('finds the end of a known transient', async () => {
    const records = await runReplications(createInlineExecutor(transientModel(false)), base, ['x'], 10);
    const est = estimateWarmup(records, { series: 'wip', welchWindow: 3 });
    expect(est.reliable).toBe(true);
    expect(est.reason).toBeUndefined();
    expect(est.replications).toBe(10);
    expect(est.runWeeks).toBe(WEEKS);
    // Within one MSER batch (5 weeks) of the true end.
    expect(est.warmupWeeks).toBeGreaterThanOrEqual(K - 5);
    expect(est.warmupWeeks).toBeLessThanOrEqual(K + 5);
    expect(est.warmupHours).toBe(est.warmupWeeks * 168);
    expect(est.truncationIndex % 5).toBe(0);
    expect(est.mean).toHaveLength(WEEKS);
    expect(est.smoothed).toHaveLength(WEEKS - 3);
    // The mean after the cut is the stationary level, not dragged up by the transient.
    const kept = est.mean.slice(est.truncationIndex);
    const keptMean = kept.reduce((a, b) => a + b, 0) / kept.length;
    expect(Math.abs(keptMean - LEVEL)).toBeLessThan(1);
  });

  it('converts with week-end labels and a working-hours week', async () => {
    const shifted: RunFn = (t) => {
      const r = transientModel(false)(t);
      const week = Float64Array.from(r.series!.week, (w) => w + 1);
      return { metrics: {}, series: { week, wip: r.series!['wip']! } };
    };
    const startLabelled = estimateWarmup(await runReplications(createInlineExecutor(transientModel(false)), base, ['x'], 10), { series: 'wip' });
    const records = await runReplications(createInlineExecutor(shifted), base, ['x'], 10);
    const est = estimateWarmup(records, { series: 'wip', weekLabels: 'end', hoursPerWeek: 40 });
    // Same data, labelled at week ends: the warm-up is the same time span.
    expect(est.truncationIndex).toBe(startLabelled.truncationIndex);
    expect(est.warmupWeeks).toBe(startLabelled.warmupWeeks);
    expect(est.warmupHours).toBe(est.warmupWeeks * 40);
    expect(est.runWeeks).toBe(WEEKS);
  });

  it('flags a series that never settles as unreliable', async () => {
    const records = await runReplications(createInlineExecutor(transientModel(true)), base, ['x'], 10);
    const est = estimateWarmup(records, { series: 'wip' });
    expect(est.reliable).toBe(false);
    expect(est.reason).toMatch(/search limit|half/);
    expect(est.warmupWeeks).toBeGreaterThanOrEqual(WEEKS / 2 - 5);
  });

  it('names a missing series and mismatched weeks', async () => {
    const records = await runReplications(createInlineExecutor(transientModel(false)), base, ['x'], 2);
    expect(() => estimateWarmup(records, { series: 'queue' })).toThrow(/no series "queue"/);
    const bad = [records[0]!, { metrics: {}, series: { week: [5, 6, 7], wip: [1, 2, 3] } }];
    expect(() => estimateWarmup(bad, { series: 'wip' })).toThrow(/replication 1 has week 5/);
  });
});

describe('warm-up over several series', () => {
  it('the slowest series decides: a settled WIP does not hide a climbing coverage', async () => {
    const { estimateWarmupMulti } = await import('../../sim/experiment/index.js');
    const weeks = 100;
    const week = Array.from({ length: weeks }, (_, i) => i + 1);
    // WIP settles at once; coverage climbs for 30 weeks, then is flat.
    const run = (k: number) => ({
      metrics: {},
      series: {
        week,
        wip: week.map((w) => 100 + ((w * 7 + k) % 5)),
        coverage: week.map((w) => Math.min(w, 30) / 30 + ((w + k) % 3) * 0.001),
      },
    });
    const results = [0, 1, 2, 3].map(run);
    const est = estimateWarmupMulti(results, ['wip', 'coverage', 'missing'], { hoursPerWeek: 40, weekLabels: 'end' });
    expect(est.decisive).toBe('coverage');
    const wipOnly = est.perSeries.find((e) => e.series === 'wip')!;
    expect(est.warmupWeeks).toBeGreaterThanOrEqual(25);
    expect(wipOnly.warmupWeeks).toBeLessThan(est.warmupWeeks);
    expect(est.perSeries.map((e) => e.series)).toEqual(['wip', 'coverage']);
  });
});
