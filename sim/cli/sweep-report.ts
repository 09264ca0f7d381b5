// The output of `stroom sweep` in each format: per point and design the organisation-wide
// summary, per stream and per team summaries, and the run diagnostics of that point.
// Diagnostics matter most here: a sweep over arrivals easily reaches points where a team
// is overloaded, and their averages then say more about the horizon than the design.

import { diagnose, problemCodes, type DesignPoint, type Diagnostics, type SweepPointResult } from '../experiment/index.js';
import { METRICS, METRIC_IDS, STREAM_METRIC_IDS, TEAM_METRIC_IDS, WEEK_HOURS, type ModelSpec } from '../model/index.js';
import { describeRun, type Context } from './context.js';
import { SWEEP_STREAM_METRICS, sweepStreamBlock, teamIdsOf } from './format-groups.js';
import { summaryCell, table, tidyCsv, toJson, withUnit } from './format.js';
import { diagnosticsText } from './report.js';

export interface SweepOutputInput {
  designs: string[];
  /** Point keys: the swept paths. */
  keys: string[];
  tableMetrics: string[];
  streamIds: string[];
  specFor: (point: DesignPoint, design: string) => ModelSpec | undefined;
}

const pointText = (keys: readonly string[], point: DesignPoint) => keys.map((k) => `${k}=${String(point[k])}`).join(', ');

export function sweepOutput(format: 'table' | 'csv' | 'json', ctx: Context, results: readonly SweepPointResult[], x: SweepOutputInput): string {
  const diagnostics: Diagnostics[] = results.map((r) => diagnose(r.records, { warmupWeeks: ctx.warmup / WEEK_HOURS }));
  const teamIds = teamIdsOf(results.flatMap((r) => x.designs.map((d) => x.specFor(r.point, d)).filter((s): s is ModelSpec => s !== undefined)));
  if (format === 'csv') {
    return results
      .map((r, i) =>
        tidyCsv(r.records, [...METRIC_IDS], {
          pointKeys: x.keys,
          streams: x.streamIds,
          streamMetrics: [...STREAM_METRIC_IDS],
          teams: teamIds,
          teamMetrics: [...TEAM_METRIC_IDS],
          diagnostics: (rec) => problemCodes(diagnostics[i]![rec.design] ?? []),
        }),
      )
      // One header for the whole file.
      .map((text, i) => (i === 0 ? text : text.slice(text.indexOf('\n') + 1)))
      .join('');
  }
  if (format === 'json') {
    return toJson({
      scenario: ctx.scenario.name, designs: x.designs, replications: ctx.reps, seed: ctx.seed, horizon_hours: ctx.horizon, warmup_hours: ctx.warmup,
      points: results.map((r, i) => ({
        point: r.point,
        summary: r.summary,
        streams: Object.fromEntries(x.streamIds.map((id) => [id, r.streams[id]])),
        teams: r.teams,
        diagnostics: diagnostics[i],
      })),
    });
  }
  const rows: string[][] = [];
  for (const r of results) {
    for (const d of x.designs) rows.push([...x.keys.map((k) => String(r.point[k])), d, ...x.tableMetrics.map((m) => summaryCell(r.summary[d]?.[m]))]);
  }
  const parts = [
    `${ctx.scenario.name}: sweep of ${results.length} points x ${x.designs.length} designs`,
    describeRun(ctx),
    '',
    table(rows, [...x.keys, 'design', ...x.tableMetrics.map((m) => withUnit(m, METRICS))]),
  ];
  if (x.streamIds.length > 0) {
    parts.push('', 'per value stream (lead times in hours; shares of requests [-]):');
    for (const id of x.streamIds) {
      const streamRows = results.flatMap((r) =>
        x.designs.map((d) => ({ keys: x.keys.map((k) => String(r.point[k])), design: d, summary: r.streams, teams: r.teams, spec: x.specFor(r.point, d) })),
      );
      parts.push('', sweepStreamBlock(id, streamRows, x.keys, SWEEP_STREAM_METRICS));
    }
  }
  const lines = results.flatMap((r, i) => diagnosticsText(diagnostics[i]!, x.keys.length > 0 ? `at ${pointText(x.keys, r.point)}: ` : '').filter((l) => !l.startsWith('diagnostics:')));
  parts.push('', ...(lines.length > 0 ? lines : diagnosticsText({})));
  parts.push('', 'mean ± half-width of the 95% t-interval across replications; NA: no replication had a value; (n=7 of 10): 3 replications had none.');
  return parts.join('\n');
}
