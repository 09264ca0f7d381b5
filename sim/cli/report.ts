// What `run` and `compare` add to the organisation-wide summary: per stream and per
// team summaries (with paired differences against the baseline), the run diagnostics,
// and their place in each output format. Kept in one place so both commands say the
// same thing in the same words.

import {
  compareGroups,
  diagnose,
  problemCodes,
  summariseGroups,
  type Diagnostics,
  type GroupComparison,
  type GroupSummary,
  type ReplicationRecord,
} from '../experiment/index.js';
import { STREAM_METRIC_IDS, TEAM_METRIC_IDS, WEEK_HOURS, type ModelSpec } from '../model/index.js';
import type { Context } from './context.js';
import { diagnosticLines, NO_PROBLEMS, streamBlocks, streamIdsOf, streamSelection, teamIdsOf, teamTable } from './format-groups.js';
import type { TidyCsvOptions } from './format.js';

export interface Breakdown {
  /** Streams selected with --streams (all by default, none with --no-streams). */
  streamIds: string[];
  teamIds: string[];
  streams: GroupSummary;
  teams: GroupSummary;
  /** other design → stream (team) → metric → paired difference against the baseline. */
  streamComparisons?: Map<string, GroupComparison>;
  teamComparisons?: Map<string, GroupComparison>;
  diagnostics: Diagnostics;
  specs: Record<string, ModelSpec>;
}

/** Checks --streams against the scenario's streams before any work. */
export function selectStreams(ctx: Context, designs: readonly string[], flag: string | boolean | undefined): string[] {
  return streamSelection(flag, streamIdsOf(designs.map((d) => ctx.scenario.designs[d]!)));
}

export function breakdown(ctx: Context, records: readonly ReplicationRecord[], designs: readonly string[], streamIds: string[], baseline?: string): Breakdown {
  const specs: Record<string, ModelSpec> = {};
  for (const d of designs) specs[d] = ctx.scenario.designs[d]!;
  const teamIds = teamIdsOf(Object.values(specs));
  // Every team's KPI is needed for the watermelon lines, whichever streams are shown.
  const out: Breakdown = {
    streamIds,
    teamIds,
    streams: summariseGroups(records, 'stream', 0.95, streamIds),
    teams: summariseGroups(records, 'team', 0.95, teamIds),
    diagnostics: diagnose(records, { warmupWeeks: ctx.warmup / WEEK_HOURS }),
    specs,
  };
  if (baseline !== undefined) {
    const others = designs.filter((d) => d !== baseline);
    out.streamComparisons = new Map(others.map((o) => [o, compareGroups(records, 'stream', baseline, o, 0.95, streamIds)]));
    out.teamComparisons = new Map(others.map((o) => [o, compareGroups(records, 'team', baseline, o, 0.95, teamIds)]));
  }
  return out;
}

/** The table sections after the organisation-wide table: streams, teams, diagnostics. */
export function breakdownText(b: Breakdown, designs: string[], baseline?: string): string[] {
  const parts: string[] = [];
  if (b.streamIds.length > 0) {
    parts.push('', 'per value stream (lead times in hours; shares of requests [-]):', '');
    parts.push(streamBlocks({ streams: b.streams, teams: b.teams, ids: b.streamIds, designs, metrics: [...STREAM_METRIC_IDS], specs: b.specs, ...(b.streamComparisons ? { comparisons: b.streamComparisons } : {}), ...(baseline !== undefined ? { baseline } : {}) }));
    // Teams go with the streams: --no-streams asks for the organisation-wide table alone.
    parts.push('', 'per team:', '');
    parts.push(teamTable(b.teams, b.teamIds, designs, [...TEAM_METRIC_IDS], b.teamComparisons, baseline));
  }
  parts.push('', ...diagnosticsText(b.diagnostics));
  return parts;
}

/** Warning and note lines, or the line saying none was found. */
export function diagnosticsText(d: Diagnostics, where = ''): string[] {
  const lines = diagnosticLines(d, where);
  return lines.length > 0 ? lines : [NO_PROBLEMS];
}

/** The stream, team and diagnostics parts of a tidy CSV. */
export function csvParts(b: Breakdown): TidyCsvOptions {
  return {
    streams: b.streamIds,
    streamMetrics: [...STREAM_METRIC_IDS],
    teams: b.teamIds,
    teamMetrics: [...TEAM_METRIC_IDS],
    diagnostics: (r) => problemCodes(b.diagnostics[r.design] ?? []),
  };
}

const pick = <T>(o: Record<string, T> | undefined, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, o?.[k]]));

/** JSON sections of a comparison: per stream and team the summaries and differences; diagnostics per design. */
export function jsonParts(b: Breakdown, designs: readonly string[], baseline?: string): Record<string, unknown> {
  const section = (ids: string[], sums: GroupSummary, cmps: Map<string, GroupComparison> | undefined) =>
    Object.fromEntries(
      ids.map((id) => [
        id,
        {
          summary: pick(sums[id], designs),
          ...(cmps !== undefined && baseline !== undefined ? { differences: Object.fromEntries([...cmps].map(([o, c]) => [`${o}-${baseline}`, c[id]])) } : {}),
        },
      ]),
    );
  return {
    streams: section(b.streamIds, b.streams, b.streamComparisons),
    teams: section(b.teamIds, b.teams, b.teamComparisons),
    diagnostics: pick(b.diagnostics, designs),
  };
}
