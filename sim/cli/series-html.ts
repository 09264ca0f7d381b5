// --series FILE.html: the replicated weekly series as a self-contained HTML report
// (html-report.ts) instead of CSV: per organisation-wide series and per role class's
// hours, one chart over the observed weeks with each design's mean across replications
// and its 95% band, and marks where a design's timeline changes structure.

import type { ReplicationRecord, WeekRange } from '../experiment/index.js';
import type { ModelSpec } from '../model/index.js';
import { confidenceInterval } from '../stats/index.js';
import { renderHtmlReport, type ReportChart, type ReportSeries } from './html-report.js';
import { SERIES_DESCRIPTIONS, seriesUnit } from './series-output.js';

const WEEK = 40;

/** Per design, per week of `period`: mean and 95% band of `pick(record)` across replications. */
function band(records: readonly ReplicationRecord[], design: string, period: WeekRange, pick: (r: ReplicationRecord) => ArrayLike<number> | undefined): ReportSeries {
  const mine = records.filter((r) => r.design === design);
  const y: (number | null)[] = [];
  const lo: (number | null)[] = [];
  const hi: (number | null)[] = [];
  for (let k = period.first; k <= period.last; k++) {
    const values = mine.map((r) => pick(r)?.[k - 1]).filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (values.length === 0) {
      y.push(null); lo.push(null); hi.push(null);
      continue;
    }
    const ci = confidenceInterval(values);
    const ok = (v: number) => (Number.isFinite(v) ? v : ci.mean);
    y.push(ci.mean);
    lo.push(ok(ci.lower));
    hi.push(ok(ci.upper));
  }
  return { label: design, y, lo, hi };
}

export interface SeriesHtmlInput {
  title: string;
  subtitle: string[];
  records: readonly ReplicationRecord[];
  designs: readonly string[];
  period: WeekRange;
  specOf: (design: string) => ModelSpec | undefined;
}

export function seriesHtml(o: SeriesHtmlInput): string {
  const { records, designs, period } = o;
  const x = Array.from({ length: Math.max(0, period.last - period.first + 1) }, (_, i) => period.first + i);
  const marks = designs.flatMap((d) => (o.specOf(d)?.timeline ?? [])
    .filter((t) => t.at / WEEK >= period.first - 1 && t.at / WEEK <= period.last)
    .map((t) => ({ x: t.at / WEEK + 0.5, label: `${d}: ${t.label}` })));
  const names = Object.keys(records.find((r) => r.series !== undefined)?.series ?? {}).filter((k) => k !== 'week');
  const chart = (title: string, unit: string, pick: (r: ReplicationRecord) => ArrayLike<number> | undefined): ReportChart => ({
    title, xLabel: 'week of the run', yLabel: unit, x, marks,
    series: designs.map((d) => band(records, d, period, pick)),
  });
  const flow = names.map((m) => chart(`${m}: ${SERIES_DESCRIPTIONS[m] ?? m}`, seriesUnit(m, ''), (r) => r.series?.[m]));
  const roles = [...new Set(records.flatMap((r) => Object.keys(r.weekly?.['role'] ?? {})))];
  const fields = [...new Set(records.flatMap((r) => Object.values(r.weekly?.['role'] ?? {}).flatMap((ms) => Object.keys(ms))))];
  // Hours a role class never spends (managers operating, say) would only add flat lines.
  const roleCharts = roles.flatMap((role) => fields.map((f) => chart(`${role}s: ${f.replace(/^hours_/, '')} hours per week, summed over the role`, 'h/week', (r) => r.weekly?.['role']?.[role]?.[f])))
    .filter((c) => c.series.some((s) => s.y.some((v) => v !== null && v !== 0)));
  return renderHtmlReport({
    title: o.title,
    subtitle: o.subtitle,
    sections: [
      { heading: 'Organisation, week by week', paragraphs: ['Each line is a design\'s mean across replications; the band its 95% t-interval. Weeks are counted from the start of the run; marks show timeline entries.'], charts: flow },
      ...(roleCharts.length > 0 ? [{ heading: 'Hours by role class', charts: roleCharts }] : []),
    ],
  });
}
