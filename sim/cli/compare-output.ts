// What `compare` prints beyond its CSV: the organisation-wide table grouped by area with
// the relevance rule, optionally the lead time by part and the fates of problems, the
// same in JSON, and the HTML report. Kept out of commands/compare.ts so that command
// stays wiring.

import { hasFacet, type ReplicationRecord } from '../experiment/index.js';
import { WEEK_HOURS } from '../model/index.js';
import { anatomyJson, anatomyOf, anatomyText, fateCheckLine } from './anatomy-report.js';
import { attribute, attributionJson, attributionText, checkLine } from './attribution-report.js';
import { compareReport } from './compare-html.js';
import { groupedNotes, groupedRows, groupedTable, type GroupedInput } from './compare-table.js';
import { describeRun, type Context } from './context.js';
import { renderHtmlReport } from './html-report.js';
import { diagnosticsText, type Breakdown } from './report.js';

/** The grouped table and its notes; with `detail`, the lead time by part and the anatomy after it. */
export function compareTableText(records: readonly ReplicationRecord[], x: GroupedInput, detail: boolean): string[] {
  const out = [
    groupedTable(x),
    '',
    ...groupedNotes(x.relevant, x.baseline),
    'The tables per value stream and per team, where shown, mark * every difference whose paired interval excludes zero, without a threshold.',
  ];
  if (detail && hasFacet(records, 'parts')) {
    const a = attribute(records, x.designs, x.baseline);
    out.push('', 'where the lead time goes:', '', attributionText(a, x.relevant), checkLine(a));
  }
  if (detail && hasFacet(records, 'anatomy')) {
    const a = anatomyOf(records, x.designs, x.baseline);
    out.push('', 'what became of the problems:', '', anatomyText(a, x.relevant), fateCheckLine(a));
  }
  return out;
}

/** JSON additions: the threshold, the marked differences, the lead time by part and the anatomy. */
export function compareExtras(records: readonly ReplicationRecord[], x: GroupedInput): Record<string, unknown> {
  const g = groupedRows(x);
  const marked: Record<string, string[]> = {};
  for (const o of x.comparisons.keys()) marked[`${o}-${x.baseline}`] = x.metrics.filter((m) => g.marked[m]?.[o] === true);
  const out: Record<string, unknown> = { relevant: x.relevant, relevant_differences: marked };
  if (hasFacet(records, 'parts')) out['lead_time_parts'] = attributionJson(attribute(records, x.designs, x.baseline));
  if (hasFacet(records, 'anatomy')) out['anatomy'] = anatomyJson(anatomyOf(records, x.designs, x.baseline));
  return out;
}

export function compareHtml(ctx: Context, records: readonly ReplicationRecord[], x: GroupedInput, groups: Breakdown, note = ''): string {
  return renderHtmlReport(
    compareReport({
      ...x,
      title: `${ctx.scenario.name}: ${x.designs.join(' vs ')}`,
      subtitle: [`baseline ${x.baseline}`, describeRun(ctx) + (note ? `; ${note}` : '')],
      records,
      warmupWeeks: ctx.warmup / WEEK_HOURS,
      diagnostics: diagnosticsText(groups.diagnostics),
    }),
  );
}
