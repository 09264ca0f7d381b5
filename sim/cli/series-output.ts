// The replicated weekly series as tidy CSV (--series FILE): one row per (point,)
// design, replication, observed week, group and metric, with the unit of each value.
// Rows follow the records' task order, so the file is the same byte for byte for any
// number of worker threads. Numbers are written at full precision; NA: no value that
// week (e.g. the lead time of a week without completions).

import type { ReplicationRecord, WeekRange } from '../experiment/index.js';

/** Units and meanings of the organisation-wide weekly series (sim/model/metrics.ts SERIES_NAMES). */
export const SERIES_DESCRIPTIONS: Readonly<Record<string, string>> = {
  arrivals: 'requests arrived in the week [requests/week]',
  throughput: 'requests completed in the week [requests/week]',
  wip: 'time-average requests in the system over the week [requests]',
  lead_time_mean: 'mean lead time of the week\'s completions [h]',
  due_date_attainment: 'share of the week\'s completions done by their due date [-]',
  team_kpi_attainment: 'share of the week\'s steps done within their team\'s norm [-]',
  escalations: 'escalations raised in the week [escalations/week]',
  escalations_to_mt: 'escalations that reached the MT in the week [escalations/week]',
  escalations_withdrawn: 'escalations withdrawn in the week [escalations/week]',
  improvisations: 'questions improvised around in the week [questions/week]',
  collisions: 'line/process collisions in the week [collisions/week]',
  problems: 'problems in the week [problems/week]',
  signals: 'design signals raised in the week [signals/week]',
  coverage: 'explicit agreement coverage at the end of the week [-]',
  design_backlog: 'design signals waiting at the end of the week [signals]',
  design_backlog_open: 'backlog cells with at least one waiting signal at the end of the week [cells]',
  manager_design_share: "share of managers' on-duty time spent designing in the week [-]",
  manager_compensation_share: "share of managers' on-duty time spent compensating in the week [-]",
  manager_meeting_share: "share of managers' on-duty time spent in meetings in the week [-]",
  overtime_hours: 'overtime worked in the week, all persons [h/week]',
  operator_signal_propensity: "operators' mean propensity to signal at the end of the week [-]",
  manager_compensation_propensity: "managers' mean propensity to compensate at the end of the week [-]",
  spawned_meetings: 'meetings the organisation set up itself that run at the end of the week [meetings]',
  manager_queue: 'escalations waiting with managers at the end of the week [escalations]',
};

/** Units of the per-group weekly series (sim/model/weekly-detail.ts). */
const GROUP_UNITS: Readonly<Record<string, string>> = {
  arrivals: 'requests/week',
  completions: 'requests/week',
  lead_time_mean: 'h',
  queue: 'requests',
};

export function seriesUnit(metric: string, kind: string): string {
  if (kind !== '') return GROUP_UNITS[metric] ?? (metric.startsWith('hours_') ? 'h/week' : '');
  const m = /\[([^\]]+)\]\s*$/.exec(SERIES_DESCRIPTIONS[metric] ?? '');
  return m ? m[1]! : '';
}

const cell = (v: unknown): string => {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : 'NA') : String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The group kinds in the order their columns and rows appear. */
export const GROUP_KINDS = ['stream', 'team', 'role', 'person'] as const;

export const SERIES_COLUMNS = ['design', 'replication', 'week', ...GROUP_KINDS, 'metric', 'unit', 'value'] as const;

/**
 * Tidy CSV of every weekly series of every record, over the observed weeks `period`:
 * per record and week, first the organisation-wide series (group columns empty), then
 * each stream's, team's, role's and person's.
 */
export function seriesCsv(records: readonly ReplicationRecord[], period: WeekRange, pointKeys: readonly string[] = [], keepPerson: (r: ReplicationRecord, id: string) => boolean = () => true): string {
  const chunks: string[] = [];
  writeSeriesCsv((c) => chunks.push(c), records, period, pointKeys, keepPerson);
  return chunks.join('');
}

/** seriesCsv in chunks of one replication-week each: a long sweep's file can exceed the
 *  largest string a JavaScript engine will build. */
export function writeSeriesCsv(write: (chunk: string) => void, records: readonly ReplicationRecord[], period: WeekRange, pointKeys: readonly string[] = [], keepPerson: (r: ReplicationRecord, id: string) => boolean = () => true): void {
  write([...pointKeys.map(cell), ...SERIES_COLUMNS].join(',') + '\n');
  for (const r of records) {
    const s = r.series;
    if (s === undefined) continue;
    const head = [...pointKeys.map((k) => cell(r.point?.[k])), cell(r.design), String(r.replication)].join(',');
    const names = Object.keys(s).filter((k) => k !== 'week');
    const groups = GROUP_KINDS.flatMap((kind, g) => Object.entries(r.weekly?.[kind] ?? {}).filter(([id]) => kind !== 'person' || keepPerson(r, id)).map(([id, ms]) => ({ kind, cols: GROUP_KINDS.map((_, i) => (i === g ? cell(id) : '')).join(','), ms })));
    for (let i = 0; i < s.week.length; i++) {
      const week = s.week[i]!;
      if (week < period.first || week > period.last) continue;
      const at = `${head},${week}`;
      const lines: string[] = [];
      for (const m of names) lines.push(`${at},,,,,${m},${cell(seriesUnit(m, ''))},${cell(s[m]![i])}`);
      for (const g of groups) {
        for (const [m, v] of Object.entries(g.ms)) lines.push(`${at},${g.cols},${m},${cell(seriesUnit(m, g.kind))},${cell(v[i])}`);
      }
      write(lines.join('\n') + '\n');
    }
  }
}
