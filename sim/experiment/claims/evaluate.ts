// From replication records to check results: the statistic of each check per
// replication (pairs by replication index: every design ran on the same random
// numbers), its 95% t-interval, and the verdict against the check's expectation.
// Also the weekly bands the report draws for the series a claim is about.

import { confidenceInterval } from '../../stats/index.js';
import type { ReplicationRecord } from '../replications.js';
import type { Check, CheckResult, ClaimResult, WeekWindow } from './types.js';
import { expectationText, holds, judge } from './verdict.js';

/** Records of one design by replication index. */
function byRep(records: readonly ReplicationRecord[], design: string): Map<number, ReplicationRecord> {
  const m = new Map<number, ReplicationRecord>();
  for (const r of records) if (r.design === design) m.set(r.replication, r);
  return m;
}

/** Mean of a weekly series over a window (weeks first..last of the run, both included); NaN without values. */
export function windowMean(r: ReplicationRecord, metric: string, w: WeekWindow): number {
  const s = r.series;
  const values = s?.[metric];
  if (s === undefined || values === undefined) return Number.NaN;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < s.week.length; i++) {
    const wk = s.week[i]!;
    if (wk < w.from || wk > w.to) continue;
    const v = values[i]!;
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

function mean(xs: readonly number[]): number {
  const f = xs.filter(Number.isFinite);
  return f.length > 0 ? f.reduce((a, b) => a + b, 0) / f.length : Number.NaN;
}

/** Per replication: the statistic of the check and the reference level its threshold is a share of. */
export interface CheckSample {
  values: number[];
  reference: number;
  /** What is missing, when the check cannot be computed from these records. */
  missing?: string;
}

/** Records of designs a and b paired by replication index (common random numbers). */
function paired(records: readonly ReplicationRecord[], designs: readonly [string, string]): [ReplicationRecord, ReplicationRecord][] {
  const b = byRep(records, designs[1]);
  const out: [ReplicationRecord, ReplicationRecord][] = [];
  for (const [rep, ra] of byRep(records, designs[0])) {
    const rb = b.get(rep);
    if (rb !== undefined) out.push([ra, rb]);
  }
  return out;
}

function metricOf(r: ReplicationRecord, metric: string): number {
  return r.metrics[metric] ?? Number.NaN;
}

/** Designs of a check (those its records must hold). */
export function checkDesigns(c: Check): string[] {
  if (c.kind === 'cannot-test') return [];
  return c.kind === 'change' ? [c.design] : [...c.designs];
}

/**
 * The check's statistic per replication. `low` holds the records of the same designs
 * run at a convergence check's low level (keyed by the check's index in its claim).
 */
export function sampleCheck(c: Check, records: readonly ReplicationRecord[], low?: readonly ReplicationRecord[]): CheckSample {
  const missing = (what: string): CheckSample => ({ values: [], reference: Number.NaN, missing: what });
  switch (c.kind) {
    case 'cannot-test':
      return missing(c.why);
    case 'tipping':
      return missing('a tipping check is evaluated from its grid of loads (tipping-check.ts)');
    case 'difference': {
      const pairs = paired(records, c.designs);
      if (pairs.length === 0) return missing(`no paired records of ${c.designs.join(' and ')}`);
      const values = pairs.map(([ra, rb]) => metricOf(rb, c.metric) - metricOf(ra, c.metric));
      if (values.every((v) => !Number.isFinite(v))) return missing(`metric ${c.metric} has no values`);
      return { values, reference: mean(pairs.map(([ra]) => metricOf(ra, c.metric))) };
    }
    case 'change': {
      const d = byRep(records, c.design);
      const values: number[] = [];
      const ref: number[] = [];
      for (const r of d.values()) {
        if (r.series?.[c.metric] === undefined) return missing(`weekly series ${c.metric} is not recorded`);
        const before = windowMean(r, c.metric, c.windows[0]);
        values.push(windowMean(r, c.metric, c.windows[1]) - before);
        ref.push(before);
      }
      return values.length > 0 ? { values, reference: mean(ref) } : missing(`no records of ${c.design}`);
    }
    case 'diff-in-diff': {
      const pairs = paired(records, c.designs);
      if (pairs.some(([ra]) => ra.series?.[c.metric] === undefined)) return missing(`weekly series ${c.metric} is not recorded`);
      const [w0, w1] = c.windows;
      const change = (r: ReplicationRecord) => windowMean(r, c.metric, w1) - windowMean(r, c.metric, w0);
      const values = pairs.map(([ra, rb]) => change(rb) - change(ra));
      return values.length > 0 ? { values, reference: mean(pairs.map(([ra]) => windowMean(ra, c.metric, w0))) } : missing(`no paired records of ${c.designs.join(' and ')}`);
    }
    case 'convergence': {
      if (low === undefined) return missing('the runs at the low level are missing');
      const gap = (recs: readonly ReplicationRecord[]) => new Map(paired(recs, c.designs).map(([ra, rb]) => [ra.replication, metricOf(rb, c.metric) - metricOf(ra, c.metric)]));
      const normal = gap(records);
      const lowGap = gap(low);
      const sign = Math.sign(mean([...normal.values()])) || 1;
      const values: number[] = [];
      for (const [rep, g] of normal) {
        const l = lowGap.get(rep);
        if (l !== undefined) values.push(sign * (g - l));
      }
      return values.length > 0 ? { values, reference: Math.abs(mean([...normal.values()])) } : missing('no paired records at both levels');
    }
  }
}

/** A check's result: interval, threshold and verdict. */
export function evaluateCheck(c: Check, sample: CheckSample, defaultRelevant: number): CheckResult {
  if (c.kind === 'cannot-test' || sample.missing !== undefined) {
    return { label: c.label, kind: c.kind, verdict: 'cannot be tested', why: sample.missing ?? (c.kind === 'cannot-test' ? c.why : undefined) };
  }
  const finite = sample.values.filter(Number.isFinite);
  const ci = confidenceInterval(Float64Array.from(finite));
  const relevant = c.relevant ?? defaultRelevant;
  const reference = Number.isFinite(sample.reference) ? Math.abs(sample.reference) : 0;
  const threshold = relevant * reference;
  const verdict = judge(ci, c.expect, threshold);
  return {
    label: c.label, kind: c.kind, verdict, mean: ci.mean, lower: ci.lower, upper: ci.upper, n: ci.n, threshold, reference, expect: c.expect,
    why: expectationText(c.expect, threshold, relevant, reference),
  };
}

/** Whether the check's point estimate goes the predicted way (robustness: few replications per point). */
export function checkHolds(c: Check, sample: CheckSample, defaultRelevant: number): boolean {
  if (c.kind === 'cannot-test' || sample.missing !== undefined) return false;
  const m = mean(sample.values);
  const reference = Number.isFinite(sample.reference) ? Math.abs(sample.reference) : 0;
  return holds(m, c.expect, (c.relevant ?? defaultRelevant) * reference);
}

/** Weekly mean with a 95% band across replications, for one design and series. */
export function weeklyBand(records: readonly ReplicationRecord[], design: string, metric: string): NonNullable<ClaimResult['series']>[number] | undefined {
  const recs = records.filter((r) => r.design === design && r.series?.[metric] !== undefined);
  if (recs.length === 0) return undefined;
  const weeks = Array.from(recs[0]!.series!.week);
  const out = { metric, design, week: weeks, mean: [] as (number | null)[], lower: [] as (number | null)[], upper: [] as (number | null)[] };
  for (let i = 0; i < weeks.length; i++) {
    const xs = recs.map((r) => r.series![metric]![i]!).filter(Number.isFinite);
    if (xs.length === 0) {
      out.mean.push(null);
      out.lower.push(null);
      out.upper.push(null);
      continue;
    }
    const ci = confidenceInterval(Float64Array.from(xs));
    out.mean.push(ci.mean);
    out.lower.push(Number.isFinite(ci.lower) ? ci.lower : ci.mean);
    out.upper.push(Number.isFinite(ci.upper) ? ci.upper : ci.mean);
  }
  return out;
}
