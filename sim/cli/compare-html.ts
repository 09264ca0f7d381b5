// The HTML report of `compare` (-f html), built as a ReportDocument so that other
// commands can reuse its parts: `weeklyCharts` turns the replications' weekly series
// into charts (mean across replications per week with its 95% t band, the end of the
// warm-up marked), and `compareReport` assembles the whole comparison: the metrics
// grouped by area, the weekly series, where the lead time goes, what became of the
// problems, and the run diagnostics.

import { confidenceInterval } from '../stats/index.js';
import { hasFacet, type Comparison, type ReplicationRecord, type Summary } from '../experiment/index.js';
import { anatomyOf, anatomySection } from './anatomy-report.js';
import { attribute, attributionSection } from './attribution-report.js';
import { groupedNotes, groupedRows } from './compare-table.js';
import type { ReportChart, ReportDocument, ReportSection } from './html-report.js';

/** Weekly series drawn by default, with their units. */
export const REPORT_SERIES: Readonly<Record<string, string>> = {
  lead_time_mean: 'mean lead time of the week\'s completions [h]',
  wip: 'requests in the system [requests]',
  throughput: 'completions per week [requests/week]',
  escalations: 'escalations raised per week [count]',
  coverage: 'explicit agreement coverage [-]',
  manager_compensation_share: "managers' time compensating [-]",
  manager_design_share: "managers' time designing [-]",
};

/** One chart per series name: per design the weekly mean across replications with its 95% t band. */
export function weeklyCharts(records: readonly ReplicationRecord[], designs: readonly string[], names: Readonly<Record<string, string>> = REPORT_SERIES, warmupWeeks?: number): ReportChart[] {
  const charts: ReportChart[] = [];
  for (const [name, title] of Object.entries(names)) {
    let weeks = 0;
    for (const r of records) {
      const s = r.series?.[name];
      if (s !== undefined) weeks = Math.max(weeks, s.length);
    }
    if (weeks === 0) continue;
    const x = Array.from({ length: weeks }, (_, i) => i + 1);
    const series = designs.map((d) => {
      const runs = records.filter((r) => r.design === d && r.series?.[name] !== undefined).map((r) => r.series![name]!);
      const y: (number | null)[] = [];
      const lo: (number | null)[] = [];
      const hi: (number | null)[] = [];
      for (let w = 0; w < weeks; w++) {
        const vals: number[] = [];
        for (const s of runs) {
          const v = s[w];
          if (v !== undefined && Number.isFinite(v)) vals.push(v);
        }
        const ci = confidenceInterval(vals);
        const ok = (v: number) => (Number.isFinite(v) ? v : null);
        y.push(vals.length > 0 ? ok(ci.mean) : null);
        lo.push(ok(ci.lower));
        hi.push(ok(ci.upper));
      }
      return { label: d, y, lo, hi };
    });
    const unit = /\[([^\]]+)\]$/.exec(title)?.[1] ?? '';
    charts.push({
      title: `${name}: ${title}, weekly mean across replications with its 95% band`,
      xLabel: 'week of the run',
      yLabel: unit,
      x,
      series,
      ...(warmupWeeks !== undefined && warmupWeeks > 0 ? { marks: [{ x: warmupWeeks, label: 'end of warm-up' }] } : {}),
    });
  }
  return charts;
}

export interface CompareReportInput {
  title: string;
  subtitle: string[];
  records: readonly ReplicationRecord[];
  designs: string[];
  baseline: string;
  metrics: string[];
  summary: Summary;
  comparisons: Map<string, Comparison>;
  relevant: number;
  descriptions: Readonly<Record<string, string>>;
  warmupWeeks: number;
  /** Diagnostics lines (warnings and notes, or the line saying none was found). */
  diagnostics: string[];
}

export function compareReport(x: CompareReportInput): ReportDocument {
  const g = groupedRows(x);
  const sections: ReportSection[] = [
    {
      heading: 'Organisation-wide metrics by area',
      tables: [{ columns: g.columns, rows: g.rows, groups: g.groups, note: groupedNotes(x.relevant, x.baseline).join(' ') }],
    },
  ];
  const charts = weeklyCharts(x.records, x.designs, REPORT_SERIES, x.warmupWeeks);
  if (charts.length > 0) {
    sections.push({ heading: 'Weekly series', paragraphs: ['Weeks of the whole run, warm-up included; the band is the 95% t-interval of the weekly mean across replications.'], charts });
  }
  if (hasFacet(x.records, 'parts')) sections.push(attributionSection(attribute(x.records, x.designs, x.baseline), x.relevant));
  if (hasFacet(x.records, 'anatomy')) sections.push(anatomySection(anatomyOf(x.records, x.designs, x.baseline), x.relevant));
  sections.push({ heading: 'Diagnostics', paragraphs: x.diagnostics });
  return { title: x.title, subtitle: x.subtitle, sections };
}
