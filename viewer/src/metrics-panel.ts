// The run's headline figures, exactly the metrics the CLI prints for the same scenario
// and seed (they come from the trace's `metrics`, computed by the same model code).
// Each figure is an element with data-metric="<id>" and data-value="<exact number>"
// (String(v), which round-trips; "null" for a missing value); the visible text follows
// the rounding rule in format.ts (3 significant digits).

import { METRICS } from '../../sim/model/result.js';
import { h } from './dom.js';
import { formatMetric, unitOf } from './format.js';
import type { RunData } from './run-data.js';

/** Shown up front, in this order; the rest are under "all metrics". */
export const HEADLINE: { id: string; label: string }[] = [
  { id: 'lead_time_mean', label: 'lead time, mean' },
  { id: 'lead_time_p90', label: 'lead time, p90' },
  { id: 'throughput_per_week', label: 'throughput' },
  { id: 'due_date_attainment', label: 'due date met (end to end)' },
  { id: 'team_kpi_attainment', label: "teams' own KPI met" },
  { id: 'escalations_per_100', label: 'escalations per 100 requests' },
  { id: 'compensations_per_100', label: 'compensations per 100 requests' },
  { id: 'manager_design_share', label: "managers' time designing" },
  { id: 'manager_compensation_share', label: "managers' time compensating" },
  { id: 'manager_meeting_share', label: "managers' time in meetings" },
  { id: 'coverage_final', label: 'explicit coverage at the end' },
  { id: 'signal_visibility', label: 'problems made visible' },
];

// Own keys only: a trace's metric named "constructor" must not find Object's.
const DESCRIPTIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, METRICS);

function item(id: string, label: string, v: number | null | undefined): HTMLElement {
  const desc = DESCRIPTIONS[id] ?? '';
  const unit = unitOf(desc);
  const text = formatMetric(id, v ?? null);
  const exact = v === null || v === undefined ? 'null' : String(v);
  const dd = h('dd', { data: { metric: id, value: exact } }, text, unit && text !== '—' ? ' ' : null, unit && text !== '—' ? h('span', { class: 'unit' }, unit) : null);
  return h('div', { class: 'metric', title: `${id}: ${desc}` }, h('dt', {}, label), dd);
}

export function renderMetrics(run: RunData): HTMLElement {
  const m = run.trace.metrics;
  const headIds = new Set(HEADLINE.map((x) => x.id));
  const head = HEADLINE.filter((x) => Object.hasOwn(m, x.id)).map((x) => item(x.id, x.label, m[x.id]));
  const rest = Object.keys(m)
    .filter((id) => !headIds.has(id))
    .map((id) => item(id, id.replace(/_/g, ' '), m[id]));
  const window = `observed weeks ${Math.round(run.trace.warmup / 40) + 1}–${Math.round((run.trace.warmup + run.trace.horizon) / 40)} (after warm-up)`;
  return h(
    'section',
    { class: 'metrics', attrs: { 'aria-label': 'Headline metrics of this run' } },
    h('dl', { class: 'metric-grid' }, ...head),
    h(
      'details',
      {},
      h('summary', {}, `All metrics (${Object.keys(m).length}) · ${window} · 3 significant digits`),
      h('dl', { class: 'metric-grid small' }, ...rest),
    ),
  );
}
