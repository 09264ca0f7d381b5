// Per-design, per-metric confidence intervals over replications. A metric can be
// undefined in a run (no completions gives a NaN lead time); such runs are left
// out of that metric's interval and counted, rather than poisoning the mean.

import { confidenceInterval, type ConfidenceInterval } from '../stats/index.js';
import type { ReplicationRecord } from './replications.js';

/** A metric's t interval across replications, plus how many runs had no value. */
export interface MetricSummary extends ConfidenceInterval {
  /** Replications whose value was missing or not finite (left out of n). */
  excluded: number;
}

/** metric → summary. */
export type DesignSummary = Record<string, MetricSummary>;
/** design → metric → summary, designs and metrics in order of first appearance. */
export type Summary = Record<string, DesignSummary>;

/** Usable values of `metric` across `records`, and how many were unusable. */
export function metricValues(records: readonly ReplicationRecord[], metric: string): { values: number[]; excluded: number } {
  const values: number[] = [];
  let excluded = 0;
  for (const r of records) {
    const v = r.metrics[metric];
    if (v !== undefined && Number.isFinite(v)) values.push(v);
    else excluded++;
  }
  return { values, excluded };
}

/** Interval of one metric over some records (all of one design). */
export function summariseMetric(records: readonly ReplicationRecord[], metric: string, level = 0.95): MetricSummary {
  const { values, excluded } = metricValues(records, metric);
  return { ...confidenceInterval(values, level), excluded };
}

/** Groups records by design, keeping the order in which designs first appear. */
export function byDesign(records: readonly ReplicationRecord[]): Map<string, ReplicationRecord[]> {
  const groups = new Map<string, ReplicationRecord[]>();
  for (const r of records) {
    let g = groups.get(r.design);
    if (g === undefined) groups.set(r.design, (g = []));
    g.push(r);
  }
  return groups;
}

/** Every metric name seen in `records`, in order of first appearance. */
export function metricNames(records: readonly ReplicationRecord[]): string[] {
  const names = new Set<string>();
  for (const r of records) for (const m of Object.keys(r.metrics)) names.add(m);
  return [...names];
}

/** Per design, per metric: n, mean, stdev and the t interval at `level`. */
export function summarise(records: readonly ReplicationRecord[], level = 0.95): Summary {
  const out: Summary = {};
  for (const [design, group] of byDesign(records)) {
    const perMetric: DesignSummary = {};
    for (const metric of metricNames(group)) perMetric[metric] = summariseMetric(group, metric, level);
    out[design] = perMetric;
  }
  return out;
}
