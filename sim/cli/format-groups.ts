// Tables per value stream and per team, the watermelon line of each stream, and the
// diagnostics lines, for `run`, `compare` and `sweep`. An organisation-wide average
// hides what happens to one service (a fast high-volume stream masks a slow one), and
// teams that meet their own KPI can still deliver a stream late: so each stream gets its
// own block, and under it the teams' KPI beside its end-to-end due-date attainment.

import type { Comparison, Diagnostics, GroupComparison, GroupSummary, MetricSummary } from '../experiment/index.js';
import { problems } from '../experiment/index.js';
import { STREAM_METRICS, TEAM_METRICS, type ModelSpec } from '../model/index.js';
import { UsageError } from './errors.js';
import { differenceCell, summaryCell, summaryTable, table, withUnit } from './format.js';

export const STREAM_DESCRIPTIONS: Readonly<Record<string, string>> = STREAM_METRICS;
export const TEAM_DESCRIPTIONS: Readonly<Record<string, string>> = TEAM_METRICS;

/** Stream metrics in a sweep's per-stream tables (all are in its CSV and JSON). */
export const SWEEP_STREAM_METRICS = ['lead_time_mean', 'lead_time_p90', 'due_date_attainment', 'team_kpi_attainment', 'kpi_gap'];

/** Stream ids of the designs, in scenario order. */
export function streamIdsOf(specs: readonly ModelSpec[]): string[] {
  const ids = new Set<string>();
  for (const s of specs) for (const st of s.streams) ids.add(st.id);
  return [...ids];
}

export function teamIdsOf(specs: readonly ModelSpec[]): string[] {
  const ids = new Set<string>();
  for (const s of specs) for (const t of s.teams) ids.add(t.id);
  return [...ids];
}

/**
 * --streams a,b (which streams), --no-streams (none; yargs gives false) or neither
 * (all). Unknown ids are bad input, named with the valid ones.
 */
export function streamSelection(v: string | boolean | undefined, ids: readonly string[]): string[] {
  if (v === undefined || v === true) return [...ids];
  if (v === false) return [];
  const items = String(v).split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError('--streams: expected a comma-separated list of stream ids (or --no-streams for none)');
  for (const i of items) if (!ids.includes(i)) throw new UsageError(`--streams: unknown stream "${i}"; streams: ${ids.join(', ')}`);
  return items;
}

/** Teams a stream passes (its steps' teams, in step order), in one design. */
export function teamsPassed(spec: ModelSpec | undefined, stream: string): string[] {
  const st = spec?.streams.find((s) => s.id === stream);
  return [...new Set(st?.steps.map((s) => s.team) ?? [])];
}

/** A share as a percentage: attainments near 1 differ in the first decimal of a percent. */
const share = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'NA');

/**
 * The watermelon line of a stream in one design: the teams it passes meet their own KPI
 * (each step within its share of the due window) while the stream is late end to end.
 */
export function watermelonLine(stream: string, design: string, spec: ModelSpec | undefined, streams: GroupSummary, teams: GroupSummary): string {
  const teamKpi = teamsPassed(spec, stream).map((t) => `${t} ${share(teams[t]?.[design]?.['team_kpi_attainment']?.mean)}`);
  const s = streams[stream]?.[design];
  const due = s?.['due_date_attainment']?.mean;
  const steps = s?.['team_kpi_attainment']?.mean;
  const gap = s?.['kpi_gap']?.mean;
  const gapText = gap !== undefined && Number.isFinite(gap) ? `${gap >= 0 ? '+' : ''}${(100 * gap).toFixed(1)} points` : 'NA';
  return `  watermelon, ${design}: own KPI of the teams it passes ${teamKpi.join(', ') || 'NA'}; its steps within their share ${share(steps)}; end to end on time ${share(due)}; gap ${gapText}`;
}

export interface StreamBlocksInput {
  streams: GroupSummary;
  teams: GroupSummary;
  ids: readonly string[];
  designs: string[];
  metrics: string[];
  specs: Readonly<Record<string, ModelSpec>>;
  comparisons?: Map<string, GroupComparison>;
  baseline?: string;
}

/** One block per stream: its metrics per design (and differences), then its watermelon lines. */
export function streamBlocks(x: StreamBlocksInput): string {
  const blocks: string[] = [];
  for (const id of x.ids) {
    const name = Object.values(x.specs).map((s) => s.streams.find((st) => st.id === id)?.name).find((n) => n !== undefined);
    const perDesign: Record<string, Record<string, MetricSummary>> = {};
    for (const d of x.designs) perDesign[d] = x.streams[id]?.[d] ?? {};
    const cmp = x.comparisons ? new Map<string, Comparison>([...x.comparisons].map(([o, c]) => [o, c[id] ?? {}])) : undefined;
    blocks.push(
      [
        `stream ${id}${name && name !== id ? ` (${name})` : ''}`,
        summaryTable(perDesign, x.designs, x.metrics, cmp, x.baseline, STREAM_DESCRIPTIONS),
        ...x.designs.map((d) => watermelonLine(id, d, x.specs[d], x.streams, x.teams)),
      ].join('\n'),
    );
  }
  return blocks.join('\n\n');
}

/** Per team: its metrics per design (and differences), grouped under the team's id. */
export function teamTable(teams: GroupSummary, ids: readonly string[], designs: string[], metrics: string[], comparisons?: Map<string, GroupComparison>, baseline?: string): string {
  const header = ['team / metric', ...designs];
  const others = comparisons ? [...comparisons.keys()] : [];
  for (const o of others) header.push(`${o} − ${baseline}`);
  const rows: string[][] = [];
  for (const id of ids) {
    rows.push([id, ...designs.map(() => ''), ...others.map(() => '')]);
    for (const m of metrics) {
      const row = [`  ${withUnit(m, TEAM_DESCRIPTIONS)}`, ...designs.map((d) => summaryCell(teams[id]?.[d]?.[m]))];
      for (const o of others) row.push(differenceCell(comparisons!.get(o)![id]?.[m]));
      rows.push(row);
    }
  }
  return table(rows, header);
}

/** One row per (point,) design, one column per stream metric: a sweep's block for one stream. */
export function sweepStreamBlock(
  id: string,
  rowsIn: { keys: string[]; design: string; summary: GroupSummary; teams: GroupSummary; spec: ModelSpec | undefined }[],
  keys: string[],
  metrics: string[],
): string {
  const rows = rowsIn.map((r) => [...r.keys, r.design, ...metrics.map((m) => summaryCell(r.summary[id]?.[r.design]?.[m]))]);
  const header = [...keys, 'design', ...metrics.map((m) => withUnit(m, STREAM_DESCRIPTIONS))];
  // The watermelon across the sweep: the lowest own KPI among the teams passed, against end-to-end attainment.
  const own: number[] = [];
  const due: number[] = [];
  for (const r of rowsIn) {
    const k = teamsPassed(r.spec, id).map((t) => r.teams[t]?.[r.design]?.['team_kpi_attainment']?.mean).filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (k.length > 0) own.push(Math.min(...k));
    const d = r.summary[id]?.[r.design]?.['due_date_attainment']?.mean;
    if (d !== undefined && Number.isFinite(d)) due.push(d);
  }
  const range = (v: number[]) => (v.length === 0 ? 'NA' : `${share(Math.min(...v))} to ${share(Math.max(...v))}`);
  return [
    `stream ${id}`,
    table(rows, header),
    `  watermelon: the least of the own KPIs of the teams it passes ${range(own)}; end to end on time ${range(due)} (over the rows above)`,
  ].join('\n');
}

/** The diagnostics lines: one per problem, in words, or one line saying none was found. */
export function diagnosticLines(d: Diagnostics, where = ''): string[] {
  const found = problems(d);
  return found.map((p) => `${p.severity}: ${where}${p.message}`);
}

export const NO_PROBLEMS = 'diagnostics: no problems found (offered load per team, completions against arrivals, trends of WIP and of the managers\' queue, Little\'s law)';
