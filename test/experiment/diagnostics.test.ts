// Run diagnostics and per-stream/per-team summaries on hand-made replications, where
// the right answer is known: a flat series is stationary, a series growing 1%/week of
// its mean is not, a team at offered load 1.3 is overloaded, and so on.
import { describe, expect, it } from 'vitest';
import {
  compareGroups,
  diagnose,
  diagnoseDesign,
  groupIds,
  problemCodes,
  problems,
  slope,
  summariseGroups,
  type ReplicationRecord,
} from '../../sim/experiment/index.js';
import { decodeResult, encodeResult } from '../../sim/node/queue/codec.js';

/** A replication with weekly series of `weeks` weeks (the first `warm` are warm-up). */
function rec(design: string, replication: number, o: { wip?: (w: number) => number; queue?: (w: number) => number; load?: number; arrivals?: number; completions?: number; little?: number; weeks?: number }): ReplicationRecord {
  const weeks = o.weeks ?? 30;
  const week = Array.from({ length: weeks }, (_, i) => i + 1);
  // Noise that differs per replication but averages out, so intervals have width.
  const noise = (w: number) => 0.3 * Math.sin(1.7 * w + 2.3 * replication);
  return {
    design,
    replication,
    seed: 1,
    metrics: { arrivals: o.arrivals ?? 1000, completions: o.completions ?? 1000, littles_law_error: o.little ?? 0.01 },
    series: {
      week,
      wip: week.map((w) => (o.wip ?? (() => 50))(w) + noise(w)),
      manager_queue: week.map((w) => (o.queue ?? (() => 0))(w)),
      coverage: week.map(() => 0.5),
    },
    byTeam: { a: { offered_load: o.load ?? 0.8, steps_done: 10, team_kpi_attainment: 0.9 } },
    byStream: { s1: { lead_time_mean: 2 + replication, completions: 10 }, s2: { lead_time_mean: 5, completions: 5 } },
  };
}

const reps = (design: string, n: number, o: Parameters<typeof rec>[2]) => Array.from({ length: n }, (_, i) => rec(design, i, o));
const opts = { warmupWeeks: 5 };
const flagged = (records: ReplicationRecord[]) => diagnoseDesign('d', records, opts).filter((d) => d.flagged).map((d) => d.name);

describe('slope', () => {
  it('is the least-squares slope against 0..n-1', () => {
    expect(slope([1, 3, 5, 7])).toBeCloseTo(2, 12);
    expect(slope([4, 4, 4])).toBe(0);
    expect(slope([1])).toBeNaN();
  });
});

describe('diagnoseDesign', () => {
  it('finds nothing wrong with a stationary, lightly loaded design', () => {
    const d = diagnoseDesign('calm', reps('calm', 6, {}), opts);
    expect(d.filter((x) => x.flagged)).toEqual([]);
    expect(d.map((x) => x.name)).toEqual(['overload', 'completion_ratio', 'wip_trend', 'coverage_trend', 'littles_law']);
  });

  it('flags an overloaded team with its offered load, in words', () => {
    const d = diagnoseDesign('island', reps('island', 3, { load: 1.25 }), opts);
    const o = d.find((x) => x.name === 'overload')!;
    expect(o.flagged).toBe(true);
    expect(o.subject).toBe('a');
    expect(o.message).toContain('team a is overloaded: offered load 1.25 before questions');
    expect(problemCodes(d)).toBe('overload:a');
  });

  it('flags completions below 97% of arrivals over the window', () => {
    expect(flagged(reps('d', 3, { completions: 960 }))).toEqual(['completion_ratio']);
    expect(flagged(reps('d', 3, { completions: 975 }))).toEqual([]);
  });

  it('flags WIP growing 1%/week of its mean, not a flat WIP or one within the threshold', () => {
    // 50 at the middle of the window (week 17.5), +0.5 a week: 1%/week of the mean.
    const growing = reps('island', 5, { wip: (w) => 50 + 0.5 * (w - 17.5) });
    const d = diagnoseDesign('island', growing, opts).find((x) => x.name === 'wip_trend')!;
    expect(d.flagged).toBe(true);
    expect(d.value).toBeCloseTo(1, 1);
    expect(d.lower!).toBeGreaterThan(0);
    expect(d.message).toMatch(/^island is not stationary: WIP grows 1\.0\d%\/week .* over the observed window; results depend on the horizon$/);
    // 0.1%/week: significant but below the 0.2%/week threshold.
    expect(flagged(reps('d', 5, { wip: (w) => 50 + 0.05 * (w - 17.5) }))).toEqual([]);
  });

  it('does not flag a trend with one replication (no interval) or one whose interval includes 0', () => {
    expect(flagged([rec('d', 0, { wip: (w) => 50 + 0.5 * w })])).toEqual([]);
    // Half the replications grow, half shrink.
    const mixed = Array.from({ length: 6 }, (_, i) => rec('d', i, { wip: (w) => 50 + (i % 2 === 0 ? 0.5 : -0.5) * (w - 17.5) }));
    expect(flagged(mixed)).toEqual([]);
  });

  it('flags a growing managers\' queue, but not a queue that is nearly always empty', () => {
    expect(flagged(reps('d', 4, { queue: (w) => 0.5 * w }))).toEqual(['manager_queue_trend']);
    // One item in the last week only: a large relative slope but less than one item of change.
    expect(flagged(reps('d', 4, { queue: (w) => (w === 30 ? 0.4 : 0) }))).toEqual([]);
  });

  it("flags a Little's-law error above 5%", () => {
    expect(flagged(reps('d', 3, { little: 0.08 }))).toEqual(['littles_law']);
  });

  it('leaves out the warm-up weeks of the series', () => {
    // A steep rise during warm-up, flat afterwards.
    const r = reps('d', 5, { wip: (w) => (w <= 5 ? 10 * w : 50) });
    expect(flagged(r)).toEqual([]);
    expect(diagnoseDesign('d', r, { warmupWeeks: 0 }).find((x) => x.name === 'wip_trend')!.flagged).toBe(true);
  });

  it('diagnoses per design and lists warnings before notes', () => {
    const all = [...reps('a', 3, {}), ...reps('b', 3, { load: 1.3 })];
    const d = diagnose(all, opts);
    expect(Object.keys(d)).toEqual(['a', 'b']);
    expect(problems(d).map((p) => p.message.split(':')[0])).toEqual(['b']);
  });
});

describe('per stream and per team summaries', () => {
  const records = [...reps('x', 3, {}), ...reps('y', 3, {})].map((r) =>
    r.design === 'y' ? { ...r, byStream: { ...r.byStream!, s1: { ...r.byStream!['s1']!, lead_time_mean: r.byStream!['s1']!['lead_time_mean']! + 1 } } } : r,
  );

  it('summarises each stream like the flat metrics, per design', () => {
    expect(groupIds(records, 'stream')).toEqual(['s1', 's2']);
    const s = summariseGroups(records, 'stream');
    expect(s['s1']!['x']!['lead_time_mean']!.mean).toBeCloseTo(3, 12);
    expect(s['s1']!['y']!['lead_time_mean']!.mean).toBeCloseTo(4, 12);
    expect(summariseGroups(records, 'team')['a']!['x']!['offered_load']!.mean).toBeCloseTo(0.8, 12);
  });

  it('pairs replications per stream: a constant shift has zero width', () => {
    const c = compareGroups(records, 'stream', 'x', 'y');
    expect(c['s1']!['lead_time_mean']!.mean).toBeCloseTo(1, 12);
    expect(c['s1']!['lead_time_mean']!.halfWidth).toBeCloseTo(0, 12);
    expect(c['s1']!['lead_time_mean']!.significant).toBe(true); // the degenerate interval [1, 1] excludes 0
    expect(c['s2']!['lead_time_mean']!.mean).toBe(0);
  });

  it('counts a replication without the stream as missing', () => {
    const partial = records.map((r, i) => (i === 0 ? { ...r, byStream: { s2: r.byStream!['s2']! } } : r));
    const s = summariseGroups(partial, 'stream');
    expect(s['s1']!['x']!['lead_time_mean']!.n).toBe(2);
    expect(s['s1']!['x']!['lead_time_mean']!.excluded).toBe(1);
  });
});

describe('queue codec', () => {
  it('keeps per stream and per team results, NaN included', () => {
    const r = { metrics: { a: 1 }, byStream: { s: { lead_time_mean: Number.NaN, completions: 0 } }, byTeam: { t: { offered_load: 1.3 } } };
    const back = decodeResult(encodeResult(r));
    expect(back.byStream!['s']!['lead_time_mean']).toBeNaN();
    expect(back.byStream!['s']!['completions']).toBe(0);
    expect(back.byTeam).toEqual({ t: { offered_load: 1.3 } });
    expect(decodeResult(encodeResult({ metrics: { a: 1 } }))).toEqual({ metrics: { a: 1 } });
    expect(() => decodeResult('{"metrics":{},"byStream":[1]}')).toThrow(/byStream/);
  });
});
