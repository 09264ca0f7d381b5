// Output formats of the experiment commands: a readable table, tidy CSV (one row per
// design x replication x metric, for R or pandas) and JSON. Numbers in CSV and JSON
// are written at full precision (shortest round-trip form), so identical runs give
// byte-identical files.

import type { Comparison, ReplicationRecord, Summary } from '../experiment/index.js';

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

export function summaryTable(summary: Summary, designs: string[], metrics: string[], comparisons?: Map<string, Comparison>, baseline?: string): string {
  const header = ['metric', ...designs];
  const others = comparisons ? [...comparisons.keys()] : [];
  for (const o of others) header.push(`${o} − ${baseline}`);
  const rows = metrics.map((m) => {
    const row = [m, ...designs.map((d) => (summary[d]?.[m] ? plusMinus(summary[d]![m]!.mean, summary[d]![m]!.halfWidth) : 'n/a'))];
    for (const o of others) {
      const c = comparisons!.get(o)![m];
      row.push(c ? `${c.mean >= 0 ? '+' : ''}${plusMinus(c.mean, c.halfWidth)}${c.significant ? ' *' : '  '}` : 'n/a');
    }
    return row;
  });
  return table(rows, header);
}

const csvCell = (v: unknown) => {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : 'NA') : String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Tidy CSV: one row per (point,) design, replication and metric. */
export function tidyCsv(records: readonly ReplicationRecord[], metrics: string[], pointKeys: string[] = []): string {
  const lines = [[...pointKeys, 'design', 'replication', 'seed', 'metric', 'value'].join(',')];
  for (const r of records) {
    const point = pointKeys.map((k) => csvCell(r.point?.[k]));
    for (const m of metrics) lines.push([...point, csvCell(r.design), r.replication, csvCell(r.seed), m, csvCell(r.metrics[m])].join(','));
  }
  return lines.join('\n') + '\n';
}

/** JSON with non-finite numbers as null (JSON has no NaN). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
