// Verdicts from numbers. A check's statistic has a 95% interval; its expectation says
// which side of zero the claim predicts; the practical threshold says how large a
// difference must be to matter. The rules, in words:
//   higher / lower: supported when the interval excludes zero on the predicted side
//     and the mean is at least the threshold; contradicted when it excludes zero on
//     the other side by at least the threshold; otherwise not supported.
//   not-higher / not-lower ("stays flat or falls"): supported when the interval rules
//     out a rise (fall) of the threshold's size; contradicted when it shows one;
//     otherwise not supported (the runs cannot tell).
// A claim is contradicted when any of its checks is, supported when all are, cannot be
// tested when any check cannot, and not supported otherwise.

import type { CheckResult, Expectation, Verdict } from './types.js';

export interface Interval {
  mean: number;
  lower: number;
  upper: number;
  n: number;
}

export function judge(ci: Interval, expect: Expectation, threshold: number): Verdict {
  if (!(ci.n >= 2) || !Number.isFinite(ci.lower) || !Number.isFinite(ci.upper)) return 'cannot be tested';
  const t = Math.abs(threshold);
  switch (expect) {
    case 'higher':
      if (ci.lower > 0 && ci.mean >= t) return 'supported';
      if (ci.upper < 0 && ci.mean <= -t) return 'contradicted';
      return 'not supported';
    case 'lower':
      if (ci.upper < 0 && ci.mean <= -t) return 'supported';
      if (ci.lower > 0 && ci.mean >= t) return 'contradicted';
      return 'not supported';
    case 'not-higher':
      if (ci.upper < t) return 'supported';
      if (ci.lower > 0 && ci.mean >= t) return 'contradicted';
      return 'not supported';
    case 'not-lower':
      if (ci.lower > -t) return 'supported';
      if (ci.upper < 0 && ci.mean <= -t) return 'contradicted';
      return 'not supported';
  }
}

/** Whether one point estimate (a hypercube point with few replications) goes the predicted way. */
export function holds(mean: number, expect: Expectation, threshold: number): boolean {
  if (!Number.isFinite(mean)) return false;
  const t = Math.abs(threshold);
  switch (expect) {
    case 'higher':
      return mean > 0;
    case 'lower':
      return mean < 0;
    case 'not-higher':
      return mean < t;
    case 'not-lower':
      return mean > -t;
  }
}

export function combine(checks: readonly Pick<CheckResult, 'verdict'>[]): Verdict {
  if (checks.length === 0) return 'cannot be tested';
  if (checks.some((c) => c.verdict === 'cannot be tested')) return 'cannot be tested';
  if (checks.some((c) => c.verdict === 'contradicted')) return 'contradicted';
  if (checks.every((c) => c.verdict === 'supported')) return 'supported';
  return 'not supported';
}

/** The verdict line: the verdict, and whether the hypercube says it flips inside plausible ranges. */
export function verdictLine(verdict: Verdict, robustness?: { share: number; points: number }): string {
  if (robustness === undefined || robustness.points === 0) return verdict;
  const pct = Math.round(robustness.share * 100);
  if (verdict === 'cannot be tested') return verdict;
  if (robustness.share >= 0.9) return `${verdict}; holds at ${pct}% of ${robustness.points} assumption points`;
  if (robustness.share <= 0.1) return `${verdict}; the predicted direction holds at only ${pct}% of ${robustness.points} assumption points`;
  return `${verdict}; FLIPS inside plausible ranges: the predicted direction holds at ${pct}% of ${robustness.points} assumption points`;
}

const SYMBOL: Record<Expectation, string> = { higher: '> 0', lower: '< 0', 'not-higher': 'no rise', 'not-lower': 'no fall' };

/** "expected < 0, threshold 0.5 (2% of 25.1)": what a check was judged against, in words. */
export function expectationText(expect: Expectation, threshold: number, relevant: number, reference: number): string {
  return `expected ${SYMBOL[expect]}; a difference matters from ${formatNumber(threshold)} (${Math.round(relevant * 1000) / 10}% of ${formatNumber(reference)})`;
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const mag = Math.floor(Math.log10(Math.abs(x)));
  return x.toFixed(Math.max(0, Math.min(6, 2 - mag)));
}
