// The organisation-wide comparison as people read it: metrics grouped by area, each
// with its unit, the designs' means with 95% intervals, the paired difference against
// the baseline and that difference relative to the baseline's mean. A difference is
// marked only when its paired interval excludes zero AND it is larger than a practical
// threshold (--relevant, a share of the baseline's mean): with many replications a
// difference of a fraction of a percent becomes "significant" without mattering.
// The same rows feed the text table and the HTML report.

import type { Comparison, MetricComparison, Summary } from '../experiment/index.js';
import { UsageError } from './errors.js';
import { NA, plusMinus, summaryCell, table, withUnit } from './format.js';
import { AREAS, byArea } from './metric-areas.js';

/** Default practical threshold: 1% of the baseline's mean. */
export const DEFAULT_RELEVANT = 0.01;

/** --relevant: a share of the baseline mean (0.01) or a percentage (1%), from 0 up to 1 (100%). */
export function relevantArg(v: string | number | undefined): number {
  if (v === undefined) return DEFAULT_RELEVANT;
  const text = String(v).trim();
  const m = /^([0-9]*\.?[0-9]+(?:e-?[0-9]+)?)\s*(%?)$/i.exec(text);
  const x = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(x >= 0 && x <= 1)) {
    throw new UsageError(`--relevant: expected the smallest difference that matters as a share of the baseline's mean, from 0 to 1 (e.g. 0.01) or a percentage from 0% to 100% (e.g. 1%), got ${JSON.stringify(text)}`);
  }
  return x;
}

/** A difference is relevant when its interval excludes zero and |difference| > relevant × |baseline mean|. */
export function isRelevant(c: MetricComparison | undefined, baselineMean: number | undefined, relevant: number): boolean {
  if (c === undefined || !c.significant || !Number.isFinite(c.mean)) return false;
  const base = baselineMean !== undefined && Number.isFinite(baselineMean) ? Math.abs(baselineMean) : 0;
  return Math.abs(c.mean) > relevant * base;
}

/** The difference relative to the baseline's mean, in percent (NA when the baseline is 0 or missing). */
export function relativeCell(c: MetricComparison | undefined, baselineMean: number | undefined): string {
  if (c === undefined || !Number.isFinite(c.mean) || baselineMean === undefined || !Number.isFinite(baselineMean) || baselineMean === 0) return NA;
  const pct = (100 * c.mean) / Math.abs(baselineMean);
  return `${pct >= 0 ? '+' : ''}${Math.abs(pct) >= 100 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

export function diffCell(c: MetricComparison | undefined, mark: boolean): string {
  if (c === undefined || c.n === 0 || !Number.isFinite(c.mean)) return `${NA}  `;
  const n = c.excluded > 0 ? ` (n=${c.n} of ${c.n + c.excluded})` : '';
  return `${c.mean >= 0 ? '+' : ''}${plusMinus(c.mean, c.halfWidth)}${n}${mark ? ' *' : '  '}`;
}

export interface GroupedTable {
  columns: string[];
  rows: string[][];
  /** row index → area heading shown above it. */
  groups: Record<number, string>;
  /** metric → other design → marked as a relevant difference. */
  marked: Record<string, Record<string, boolean>>;
}

export interface GroupedInput {
  summary: Summary;
  designs: string[];
  metrics: string[];
  comparisons: Map<string, Comparison>;
  baseline: string;
  relevant: number;
  descriptions: Readonly<Record<string, string>>;
}

/** Rows of the grouped comparison (area headings as groups). */
export function groupedRows(x: GroupedInput): GroupedTable {
  const others = [...x.comparisons.keys()];
  const columns = ['metric', ...x.designs];
  for (const o of others) columns.push(`${o} − ${x.baseline}`, `${o} vs ${x.baseline} [%]`);
  const rows: string[][] = [];
  const groups: Record<number, string> = {};
  const marked: Record<string, Record<string, boolean>> = {};
  for (const { area, metrics } of byArea(x.metrics)) {
    groups[rows.length] = AREAS[area];
    for (const m of metrics) {
      const baseMean = x.summary[x.baseline]?.[m]?.mean;
      const row = [withUnit(m, x.descriptions), ...x.designs.map((d) => summaryCell(x.summary[d]?.[m]))];
      marked[m] = {};
      for (const o of others) {
        const c = x.comparisons.get(o)![m];
        const mark = isRelevant(c, baseMean, x.relevant);
        marked[m]![o] = mark;
        row.push(diffCell(c, mark), relativeCell(c, baseMean));
      }
      rows.push(row);
    }
  }
  return { columns, rows, groups, marked };
}

/** The text table: an area heading line before each group, metrics indented under it. */
export function groupedTable(x: GroupedInput): string {
  const g = groupedRows(x);
  const rows: string[][] = [];
  g.rows.forEach((r, i) => {
    const heading = g.groups[i];
    if (heading !== undefined) rows.push([heading, ...g.columns.slice(1).map(() => '')]);
    rows.push([`  ${r[0]}`, ...r.slice(1)]);
  });
  return table(rows, g.columns);
}

/** The lines under the table: what the columns and the mark mean, and the threshold. */
export function groupedNotes(relevant: number, baseline: string): string[] {
  return [
    'mean ± half-width of the 95% t-interval across replications; differences are paired per replication (common random numbers).',
    `* the paired interval excludes zero AND the difference exceeds ${+(100 * relevant).toPrecision(6)}% of ${baseline}'s mean (--relevant ${relevant}); smaller differences are not marked.`,
    `[%]: the difference relative to ${baseline}'s mean. NA: no replication had a value; (n=7 of 10): 3 replications had none.`,
  ];
}
