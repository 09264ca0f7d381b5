// The grouped comparison: every metric has an area, a difference is marked only when it
// is both outside the noise (paired interval excludes zero) and larger than the
// practical threshold, and --relevant is checked like every other flag.
import { describe, expect, it } from 'vitest';
import type { Comparison, MetricComparison, Summary } from '../../sim/experiment/index.js';
import { METRICS, METRIC_IDS } from '../../sim/model/index.js';
import { groupedRows, groupedTable, isRelevant, relativeCell, relevantArg } from '../../sim/cli/compare-table.js';
import { AREA_IDS, METRIC_AREA, byArea } from '../../sim/cli/metric-areas.js';
import { UsageError } from '../../sim/cli/errors.js';

const cmp = (mean: number, halfWidth: number): MetricComparison => ({
  n: 10, mean, stdev: NaN, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, level: 0.95,
  significant: mean - halfWidth > 0 || mean + halfWidth < 0, excluded: 0, unpairedHalfWidth: NaN,
});
const sum = (mean: number) => ({ n: 10, mean, stdev: 1, halfWidth: 0.1, lower: mean - 0.1, upper: mean + 0.1, level: 0.95, excluded: 0 });

describe('metric areas', () => {
  it('give every metric of METRICS exactly one known area, and nothing else', () => {
    expect(Object.keys(METRIC_AREA).sort()).toEqual([...METRIC_IDS].sort());
    for (const m of METRIC_IDS) expect(AREA_IDS).toContain(METRIC_AREA[m]);
    const grouped = byArea(METRIC_IDS).flatMap((g) => g.metrics);
    expect(grouped.sort()).toEqual([...METRIC_IDS].sort());
  });
});

describe('relevance', () => {
  it('does not mark a difference inside the threshold even when its interval excludes zero', () => {
    const tiny = cmp(0.5, 0.1); // clearly non-zero, but 0.5% of a baseline of 100
    expect(tiny.significant).toBe(true);
    expect(isRelevant(tiny, 100, 0.01)).toBe(false);
    expect(isRelevant(cmp(2, 0.1), 100, 0.01)).toBe(true);
    // A large difference whose interval includes zero is not marked either.
    expect(isRelevant(cmp(5, 6), 100, 0.01)).toBe(false);
    // With --relevant 0 the rule is the interval alone.
    expect(isRelevant(tiny, 100, 0)).toBe(true);
  });

  it('marks in the table only the relevant difference, and shows the relative one', () => {
    const summary: Summary = { a: { lead_time_mean: sum(100), escalations_per_100: sum(50) }, b: { lead_time_mean: sum(100.5), escalations_per_100: sum(40) } };
    const comparisons = new Map<string, Comparison>([['b', { lead_time_mean: cmp(0.5, 0.1), escalations_per_100: cmp(-10, 1) }]]);
    const x = { summary, designs: ['a', 'b'], metrics: ['lead_time_mean', 'escalations_per_100'], comparisons, baseline: 'a', relevant: 0.01, descriptions: METRICS };
    const g = groupedRows(x);
    expect(g.marked['lead_time_mean']!['b']).toBe(false);
    expect(g.marked['escalations_per_100']!['b']).toBe(true);
    const text = groupedTable(x);
    expect(text).toMatch(/^ {2}lead_time_mean \[h\] .*\+0\.50 ± 0\.10 +\+0\.5%$/m);
    expect(text).not.toMatch(/^ {2}lead_time_mean.*\*/m);
    expect(text).toMatch(/^ {2}escalations_per_100 \[per 100 requests\] .*-10\.0 ± 1\.0 \* +-20\.0%$/m);
    expect(text).toMatch(/^flow: /m);
    expect(text).toMatch(/^escalations: /m);
    expect(relativeCell(cmp(1, 0.1), 0)).toBe('NA');
  });

  it('reads --relevant as a share or a percentage and refuses anything else', () => {
    expect(relevantArg(undefined)).toBe(0.01);
    expect(relevantArg('0.05')).toBe(0.05);
    expect(relevantArg('5%')).toBeCloseTo(0.05, 12);
    expect(relevantArg('0')).toBe(0);
    for (const bad of ['-1', '2', 'abc', '150%', 'NaN', '', 'Infinity']) {
      expect(() => relevantArg(bad)).toThrow(UsageError);
      expect(() => relevantArg(bad)).toThrow(/--relevant/);
    }
  });
});
