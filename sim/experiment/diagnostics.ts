// Run diagnostics: is a design's run fit to be read as a steady state? Every figure of
// a comparison is an average over a window; when the organisation is overloaded, falls
// behind or keeps drifting over that window, the average depends on how long the window
// is and says little about the design. These checks are computed per design from the
// replications already run (no extra runs) and reported in words beside the results.
//
// Pure and free of Node imports: the viewer's Web Worker can use it too.

import { confidenceInterval } from '../stats/index.js';
import type { ReplicationRecord } from './replications.js';
import { byDesign } from './summary.js';

/** At or above this offered load (before questions) a team cannot keep up even if nothing goes wrong. */
export const OVERLOAD_LIMIT = 1;
/** Completions below this share of arrivals over the window: work piles up. */
export const COMPLETION_RATIO_LIMIT = 0.97;
/**
 * A weekly series drifting by more than this (%/week of its mean over the window), with a
 * 95% interval across replications that excludes 0, is not stationary. 0.2%/week is about
 * 10% over a year: less is within what a year's averages can absorb.
 */
export const TREND_LIMIT_PCT = 0.2;
/** ... and only when the drift adds up to at least this many items over the window
 *  (a queue that is nearly always empty has a large relative but no real trend). */
export const TREND_MIN_ITEMS = 1;
/** Little's-law error above this: L, lambda and W of the window do not agree. */
export const LITTLE_LIMIT = 0.05;

export type DiagnosticName = 'overload' | 'completion_ratio' | 'wip_trend' | 'manager_queue_trend' | 'coverage_trend' | 'littles_law';

export interface Diagnostic {
  name: DiagnosticName;
  /** The team an overload check is about. */
  subject?: string;
  /** Offered load [-], completions / arrivals [-], trend [%/week] or Little's-law error [-]. */
  value: number;
  /** 95% interval of a trend across replications. */
  lower?: number;
  upper?: number;
  /** Replications the value rests on. */
  n: number;
  /** A problem found. */
  flagged: boolean;
  /** warning: results are in doubt; note: worth knowing (a slow variable still moving). */
  severity: 'warning' | 'note';
  /** What it means, in words (also when not flagged). */
  message: string;
}

/** design → its checks, in a fixed order. */
export type Diagnostics = Record<string, Diagnostic[]>;

export interface DiagnosticOptions {
  /** Warm-up in weeks: series weeks before it are left out (the series cover the whole run). */
  warmupWeeks: number;
  level?: number;
}

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

/** Least-squares slope of y against 0..n-1. */
export function slope(y: readonly number[]): number {
  const n = y.length;
  if (n < 2) return NaN;
  const mx = (n - 1) / 2;
  let my = 0;
  for (const v of y) my += v;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (y[i]! - my);
    sxx += (i - mx) * (i - mx);
  }
  return sxy / sxx;
}

/** The observed weeks of one weekly series (after the warm-up). */
function observed(r: ReplicationRecord, series: string, warmupWeeks: number): number[] | undefined {
  const s = r.series?.[series];
  if (s === undefined) return undefined;
  const out: number[] = [];
  for (let i = Math.round(warmupWeeks); i < s.length; i++) out.push(s[i]!);
  return out.every(Number.isFinite) ? out : undefined;
}

interface Trend {
  /** %/week of the window mean, across replications. */
  mean: number;
  lower: number;
  upper: number;
  n: number;
  /** Mean absolute change over the window [items]. */
  change: number;
}

/** Per replication the slope as %/week of the window mean; their interval across replications. */
function trend(records: readonly ReplicationRecord[], series: string, o: DiagnosticOptions): Trend | undefined {
  const rel: number[] = [];
  let change = 0;
  for (const r of records) {
    const y = observed(r, series, o.warmupWeeks);
    if (y === undefined || y.length < 3) continue;
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const b = slope(y);
    if (!(mean > 0) || !Number.isFinite(b)) continue;
    rel.push((100 * b) / mean);
    change += b * (y.length - 1);
  }
  if (rel.length === 0) return undefined;
  const ci = confidenceInterval(rel, o.level ?? 0.95);
  return { mean: ci.mean, lower: ci.lower, upper: ci.upper, n: ci.n, change: change / rel.length };
}

function trendFlag(t: Trend, minItems: number): boolean {
  const excludesZero = t.n >= 2 && (t.lower > 0 || t.upper < 0);
  return excludesZero && Math.abs(t.mean) > TREND_LIMIT_PCT && Math.abs(t.change) >= minItems;
}

const perWeek = (t: Trend) => `${Math.abs(t.mean).toFixed(2)}%/week (95% interval ${signed(t.lower)} to ${signed(t.upper)})`;

function trendCheck(design: string, records: readonly ReplicationRecord[], o: DiagnosticOptions, name: DiagnosticName): Diagnostic | undefined {
  const series = name === 'wip_trend' ? 'wip' : name === 'manager_queue_trend' ? 'manager_queue' : 'coverage';
  const t = trend(records, series, o);
  if (t === undefined) return undefined;
  const minItems = name === 'coverage_trend' ? 0 : TREND_MIN_ITEMS;
  const flagged = trendFlag(t, minItems);
  const way = t.mean >= 0 ? 'grows' : 'shrinks';
  let message: string;
  if (name === 'wip_trend') {
    message = flagged
      ? `${design} is not stationary: WIP ${way} ${perWeek(t)} over the observed window; results depend on the horizon`
      : `${design}: WIP steady over the observed window (trend ${signed(t.mean)}%/week)`;
  } else if (name === 'manager_queue_trend') {
    message = flagged
      ? `${design}: the managers' queue ${way} ${perWeek(t)} over the observed window${t.mean > 0 ? ': escalations arrive faster than managers handle them' : ''}; results depend on the horizon`
      : `${design}: managers' queue steady over the observed window (trend ${signed(t.mean)}%/week)`;
  } else {
    message = flagged
      ? `${design}: agreement coverage still ${t.mean >= 0 ? 'rises' : 'falls'} ${perWeek(t)} at the end of the run (a slow variable); a longer run would end elsewhere`
      : `${design}: agreement coverage settled (trend ${signed(t.mean)}%/week)`;
  }
  return { name, value: t.mean, lower: t.lower, upper: t.upper, n: t.n, flagged, severity: name === 'coverage_trend' ? 'note' : 'warning', message };
}

/** Offered load per team, as the replications report it (it follows from the scenario, so every replication agrees). */
function offeredLoads(records: readonly ReplicationRecord[]): Map<string, { load: number; n: number }> {
  const out = new Map<string, { load: number; n: number }>();
  for (const r of records) {
    for (const [team, m] of Object.entries(r.byTeam ?? {})) {
      const v = m['offered_load'];
      if (v === undefined || Number.isNaN(v)) continue;
      const cur = out.get(team);
      out.set(team, { load: Math.max(cur?.load ?? -Infinity, v), n: (cur?.n ?? 0) + 1 });
    }
  }
  return out;
}

/** The checks of one design's replications. */
export function diagnoseDesign(design: string, records: readonly ReplicationRecord[], o: DiagnosticOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [team, { load, n }] of offeredLoads(records)) {
    const flagged = load >= OVERLOAD_LIMIT;
    out.push({
      name: 'overload', subject: team, value: load, n, flagged, severity: 'warning',
      message: flagged
        ? `${design}: team ${team} is overloaded: offered load ${load.toFixed(2)} before questions; it cannot keep up even if nothing goes wrong, so its queue grows for as long as the run lasts`
        : `${design}: team ${team}: offered load ${load.toFixed(2)} before questions`,
    });
  }
  let arrivals = 0;
  let completions = 0;
  let n = 0;
  for (const r of records) {
    const a = r.metrics['arrivals'];
    const c = r.metrics['completions'];
    if (a === undefined || c === undefined || !Number.isFinite(a) || !Number.isFinite(c)) continue;
    arrivals += a;
    completions += c;
    n++;
  }
  if (n > 0 && arrivals > 0) {
    const ratio = completions / arrivals;
    const flagged = ratio < COMPLETION_RATIO_LIMIT;
    out.push({
      name: 'completion_ratio', value: ratio, n, flagged, severity: 'warning',
      message: flagged
        ? `${design} falls behind: ${pct(ratio)} of the requests that arrived in the window were completed (below ${pct(COMPLETION_RATIO_LIMIT, 0)}); work piles up`
        : `${design}: completions ${pct(ratio)} of arrivals over the window`,
    });
  }
  for (const name of ['wip_trend', 'manager_queue_trend', 'coverage_trend'] as const) {
    const d = trendCheck(design, records, o, name);
    if (d !== undefined) out.push(d);
  }
  const errors = records.map((r) => r.metrics['littles_law_error']).filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (errors.length > 0) {
    const err = errors.reduce((a, b) => a + b, 0) / errors.length;
    const flagged = err > LITTLE_LIMIT;
    out.push({
      name: 'littles_law', value: err, n: errors.length, flagged, severity: 'warning',
      message: flagged
        ? `${design}: Little's-law error ${pct(err)} (above ${pct(LITTLE_LIMIT, 0)}): WIP, throughput and lead time of the window disagree, so it is not a steady state or too short for the lead times`
        : `${design}: Little's-law error ${pct(err)}`,
    });
  }
  return out;
}

/** Checks per design, designs in order of first appearance. */
export function diagnose(records: readonly ReplicationRecord[], o: DiagnosticOptions): Diagnostics {
  const out: Diagnostics = {};
  for (const [design, group] of byDesign(records)) out[design] = diagnoseDesign(design, group, o);
  return out;
}

/** The problems found, warnings first. */
export function problems(d: Diagnostics): Diagnostic[] {
  const all = Object.values(d).flat().filter((x) => x.flagged);
  return [...all.filter((x) => x.severity === 'warning'), ...all.filter((x) => x.severity === 'note')];
}

/** A short code per problem of one design, for a CSV column: `overload:registratie;wip_trend`. */
export function problemCodes(checks: readonly Diagnostic[]): string {
  return checks.filter((x) => x.flagged).map((x) => (x.subject !== undefined ? `${x.name}:${x.subject}` : x.name)).join(';');
}
