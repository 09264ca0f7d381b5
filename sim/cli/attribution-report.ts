// `stroom attribute`: each design's mean lead time split into its parts (queueing for an
// operator, work, waiting for a key person, for a coordinator or a manager, for a
// meeting, for the fallback rule, outside the organisation, rework, handover bounces),
// with intervals, paired differences against the baseline, and a check that the parts
// add up to the measured mean (they do by construction: sim/model/attribution.ts).

import { compareDesigns, compareFacet, summarise, summariseFacet, type Comparison, type MetricComparison, type MetricSummary, type ReplicationRecord, type Summary } from '../experiment/index.js';
import { LEAD_TIME_PARTS, LEAD_TIME_PART_IDS } from '../model/index.js';
import { facetColumns, facetRows, type FacetRow } from './facet-table.js';
import { sig, table } from './format.js';
import type { ReportChart, ReportSection } from './html-report.js';

/** Short names of the parts for tables and charts (the long meaning is LEAD_TIME_PARTS). */
export const PART_LABELS: Readonly<Record<string, string>> = {
  queue: 'queueing for an operator',
  work: 'work on a step',
  key_person: 'waiting for a key person',
  coordinator: 'escalation wait: coordinator',
  manager: 'escalation wait: manager',
  meeting: 'escalation wait: meeting',
  fallback: 'waiting for the fallback rule',
  external: 'waiting outside the organisation',
  rework: 'rework after a failed improvisation',
  handover: 'handover bounce',
};

/** How far the sum of the parts may be from the measured mean (relative) before the check fails. */
export const PART_SUM_TOLERANCE = 0.01;

export interface PartCheck {
  sum: number;
  measured: number;
  /** |sum − measured| / measured. */
  relError: number;
  ok: boolean;
}

export interface Attribution {
  designs: string[];
  baseline: string;
  parts: Summary;
  leadTime: Record<string, MetricSummary>;
  diffs: Map<string, Comparison>;
  leadDiffs: Map<string, MetricComparison>;
  checks: Record<string, PartCheck>;
}

export function attribute(records: readonly ReplicationRecord[], designs: string[], baseline: string): Attribution {
  const parts = summariseFacet(records, 'parts');
  const metrics = summarise(records);
  const others = designs.filter((d) => d !== baseline);
  const checks: Record<string, PartCheck> = {};
  const leadTime: Record<string, MetricSummary> = {};
  for (const d of designs) {
    leadTime[d] = metrics[d]!['lead_time_mean']!;
    const sum = LEAD_TIME_PART_IDS.reduce((a, p) => a + (parts[d]?.[p]?.mean ?? NaN), 0);
    const measured = leadTime[d]!.mean;
    const relError = Math.abs(sum - measured) / Math.abs(measured);
    checks[d] = { sum, measured, relError, ok: relError <= PART_SUM_TOLERANCE };
  }
  return {
    designs, baseline, parts, leadTime, checks,
    diffs: new Map(others.map((o) => [o, compareFacet(records, 'parts', baseline, o)])),
    leadDiffs: new Map(others.map((o) => [o, compareDesigns(records, baseline, o)['lead_time_mean']!])),
  };
}

const partRows: FacetRow[] = LEAD_TIME_PART_IDS.map((p) => ({ key: p, label: `${p}: ${PART_LABELS[p] ?? p}` }));

/** The parts table plus the measured lead time, as columns and rows. */
export function attributionTable(a: Attribution, relevant: number): { columns: string[]; rows: string[][] } {
  const input = { rows: partRows, summary: a.parts, designs: a.designs, diffs: a.diffs, baseline: a.baseline, relevant, first: 'part of the mean lead time [h]' };
  const leadSummary: Summary = Object.fromEntries(a.designs.map((d) => [d, { lead_time_mean: a.leadTime[d]! }]));
  const leadDiffs = new Map([...a.leadDiffs].map(([o, c]) => [o, { lead_time_mean: c }]));
  const total = facetRows({ ...input, rows: [{ key: 'lead_time_mean', label: 'measured mean lead time (lead_time_mean)' }], summary: leadSummary, diffs: leadDiffs });
  return { columns: facetColumns(input), rows: [...facetRows(input), ...total] };
}

/** The check line: parts add up to the measured mean within PART_SUM_TOLERANCE, per design. */
export function checkLine(a: Attribution): string {
  const all = a.designs.every((d) => a.checks[d]!.ok);
  const per = a.designs.map((d) => {
    const c = a.checks[d]!;
    return `${d} ${sig(c.sum)} h vs ${sig(c.measured)} h (${(100 * c.relError).toPrecision(2)}% off)`;
  });
  return `check: the parts add up to the measured mean within ${100 * PART_SUM_TOLERANCE}%: ${all ? 'yes' : 'NO'}; ${per.join('; ')}`;
}

export function attributionText(a: Attribution, relevant: number): string {
  const t = attributionTable(a, relevant);
  return table(t.rows, t.columns);
}

/** Tidy CSV: one row per design, replication and part, with the part's share of that replication's lead time. */
export function attributionCsv(records: readonly ReplicationRecord[]): string {
  const lines = ['design,replication,seed,part,hours,share'];
  const num = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? String(x) : 'NA');
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const r of records) {
    const lt = r.metrics['lead_time_mean'];
    for (const p of LEAD_TIME_PART_IDS) {
      const h = r.parts?.[p];
      lines.push([cell(r.design), r.replication, cell(String(r.seed)), p, num(h), num(h !== undefined && lt !== undefined && lt > 0 ? h / lt : NaN)].join(','));
    }
  }
  return lines.join('\n') + '\n';
}

/** The JSON body: per design the parts' summaries and the check; per other design the paired differences. */
export function attributionJson(a: Attribution): Record<string, unknown> {
  return {
    parts: Object.fromEntries(LEAD_TIME_PART_IDS.map((p) => [p, LEAD_TIME_PARTS[p]])),
    summary: Object.fromEntries(a.designs.map((d) => [d, { ...Object.fromEntries(LEAD_TIME_PART_IDS.map((p) => [p, a.parts[d]?.[p]])), lead_time_mean: a.leadTime[d] }])),
    differences: Object.fromEntries([...a.diffs].map(([o, c]) => [`${o}-${a.baseline}`, { ...Object.fromEntries(LEAD_TIME_PART_IDS.map((p) => [p, c[p]])), lead_time_mean: a.leadDiffs.get(o) }])),
    check: { tolerance: PART_SUM_TOLERANCE, ...a.checks },
  };
}

/** HTML section: the table and a stacked bar chart of the parts per design. */
export function attributionSection(a: Attribution, relevant: number): ReportSection {
  const t = attributionTable(a, relevant);
  const chart: ReportChart = {
    title: 'mean lead time by part, per design [h]',
    xLabel: 'design',
    yLabel: 'hours',
    kind: 'stacked-bars',
    x: a.designs.map((_, i) => i + 1),
    xNames: a.designs,
    series: LEAD_TIME_PART_IDS.map((p) => ({ label: PART_LABELS[p] ?? p, y: a.designs.map((d) => finite(a.parts[d]?.[p]?.mean)) })),
  };
  return {
    heading: 'Where the lead time goes',
    paragraphs: ['Each completed request\'s time from arrival to completion is booked to exactly one part at every moment, so the parts add up to the mean lead time.'],
    tables: [{ columns: t.columns, rows: t.rows, note: checkLine(a) }],
    charts: [chart],
  };
}

const finite = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
