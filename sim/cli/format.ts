// Output formats of the experiment commands: a readable table, tidy CSV (one row per
// design x replication x metric, for R or pandas) and JSON. Numbers in CSV and JSON
// are written at full precision (shortest round-trip form), so identical runs give
// byte-identical files.

import type { Comparison, MetricComparison, MetricSummary, ReplicationRecord, Summary } from '../experiment/index.js';

/** NA: a metric without a value (README, "Metrics"), the same word as in CSV. */
export const NA = 'NA';

/**
 * The unit of a metric from its description: the bracketed part ("[h]", "[-]",
 * "[count]"), or "per 100 requests" for the rates that say so in words.
 */
export function unitOf(description: string | undefined): string {
  if (description === undefined) return '';
  const m = /\[([^\]]+)\]\s*$/.exec(description);
  if (m) return m[1]!;
  if (/per 100\b/.test(description)) return 'per 100 requests';
  return '';
}

/** `lead_time_mean [h]`: a metric id with its unit, for table headers and rows. */
export function withUnit(metric: string, descriptions: Readonly<Record<string, string>>): string {
  const u = unitOf(descriptions[metric]);
  return u ? `${metric} [${u}]` : metric;
}

/** Formats x with `digits` significant digits, without exponent for ordinary sizes. */
export function sig(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'n/a' : x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const mag = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, Math.min(8, digits - 1 - mag));
  return x.toFixed(decimals);
}

/** mean ± half-width, the half-width deciding the decimals shown. */
export function plusMinus(mean: number, halfWidth: number): string {
  if (!Number.isFinite(mean)) return 'n/a';
  if (!Number.isFinite(halfWidth) || halfWidth === 0) return sig(mean);
  const mag = Math.floor(Math.log10(Math.abs(halfWidth)));
  const decimals = Math.max(0, Math.min(8, 1 - mag));
  return `${mean.toFixed(decimals)} ± ${halfWidth.toFixed(decimals)}`;
}

export function table(rows: string[][], header: string[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** How many replications a figure rests on, when some had no value: ` (n=7 of 10)`. */
function nOf(n: number, excluded: number): string {
  return excluded > 0 ? ` (n=${n} of ${n + excluded})` : '';
}

/** A summary cell: mean ± half-width, NA when no replication had a value. */
export function summaryCell(s: MetricSummary | undefined): string {
  if (s === undefined || s.n === 0 || !Number.isFinite(s.mean)) return NA;
  return plusMinus(s.mean, s.halfWidth) + nOf(s.n, s.excluded);
}

/** A paired-difference cell: signed, `*` when its interval excludes zero. */
export function differenceCell(c: MetricComparison | undefined): string {
  if (c === undefined || c.n === 0 || !Number.isFinite(c.mean)) return `${NA}  `;
  return `${c.mean >= 0 ? '+' : ''}${plusMinus(c.mean, c.halfWidth)}${nOf(c.n, c.excluded)}${c.significant ? ' *' : '  '}`;
}

/** One row per metric (labelled with its unit), one column per design, then the differences. */
export function summaryTable(summary: Summary, designs: string[], metrics: string[], comparisons?: Map<string, Comparison>, baseline?: string, descriptions: Readonly<Record<string, string>> = {}): string {
  const header = ['metric', ...designs];
  const others = comparisons ? [...comparisons.keys()] : [];
  for (const o of others) header.push(`${o} − ${baseline}`);
  const rows = metrics.map((m) => {
    const row = [withUnit(m, descriptions), ...designs.map((d) => summaryCell(summary[d]?.[m]))];
    for (const o of others) row.push(differenceCell(comparisons!.get(o)![m]));
    return row;
  });
  return table(rows, header);
}

const csvCell = (v: unknown) => {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : 'NA') : String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export interface TidyCsvOptions {
  /** Design point columns (sweeps). */
  pointKeys?: string[];
  /** Streams whose rows to write, and their metrics (none: no stream rows). */
  streams?: string[];
  streamMetrics?: string[];
  /** Teams whose rows to write, and their metrics. */
  teams?: string[];
  teamMetrics?: string[];
  /** The diagnostics column of a record: the short codes of its design's problems. */
  diagnostics?: (r: ReplicationRecord) => string;
}

/**
 * Tidy CSV: one row per (point,) design, replication and metric: first the
 * organisation-wide metrics (stream and team empty), then each stream's, then each
 * team's. The last column holds the design's diagnostics (README, "Metrics").
 */
export function tidyCsv(records: readonly ReplicationRecord[], metrics: string[], o: TidyCsvOptions = {}): string {
  const pointKeys = o.pointKeys ?? [];
  const lines = [[...pointKeys, 'design', 'replication', 'seed', 'stream', 'team', 'metric', 'value', 'diagnostics'].join(',')];
  for (const r of records) {
    const head = [...pointKeys.map((k) => csvCell(r.point?.[k])), csvCell(r.design), r.replication, csvCell(r.seed)].join(',');
    const diag = csvCell(o.diagnostics?.(r) ?? '');
    for (const m of metrics) lines.push(`${head},,,${m},${csvCell(r.metrics[m] ?? NaN)},${diag}`);
    for (const s of o.streams ?? []) {
      const ms = r.byStream?.[s];
      for (const m of o.streamMetrics ?? []) lines.push(`${head},${csvCell(s)},,${m},${csvCell(ms?.[m] ?? NaN)},${diag}`);
    }
    for (const t of o.teams ?? []) {
      const ms = r.byTeam?.[t];
      for (const m of o.teamMetrics ?? []) lines.push(`${head},,${csvCell(t)},${m},${csvCell(ms?.[m] ?? NaN)},${diag}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** JSON with non-finite numbers as null (JSON has no NaN). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
