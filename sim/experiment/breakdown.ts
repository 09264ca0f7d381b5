// Summaries and paired differences per value stream and per team. Each group's metrics
// are put in the place of a record's flat metrics and handed to the same summarise and
// compareDesigns as the organisation-wide ones, so a stream's interval means exactly
// what an organisation-wide interval means (same t-interval, same pairing, same
// handling of missing values). Kept apart from the flat metrics rather than merged under
// composed names, so a stream or team id never has to be parsed back out of a name.

import { compareDesigns, type Comparison } from './compare.js';
import type { ReplicationRecord } from './replications.js';
import { summarise, type Summary } from './summary.js';

export type GroupKind = 'stream' | 'team';

/** group id → design → metric → summary. */
export type GroupSummary = Record<string, Summary>;
/** group id → metric → paired difference other − baseline. */
export type GroupComparison = Record<string, Comparison>;

function groupOf(r: ReplicationRecord, kind: GroupKind): Record<string, Record<string, number>> | undefined {
  return kind === 'stream' ? r.byStream : r.byTeam;
}

/** Ids of the streams (or teams) seen in `records`, in order of first appearance. */
export function groupIds(records: readonly ReplicationRecord[], kind: GroupKind): string[] {
  const ids = new Set<string>();
  for (const r of records) for (const id of Object.keys(groupOf(r, kind) ?? {})) ids.add(id);
  return [...ids];
}

/**
 * The records as seen by one stream or team: its metrics in place of the flat ones.
 * A replication without that group keeps an empty metric record, so it counts as
 * missing (excluded) rather than silently shrinking the design's replications.
 */
export function groupRecords(records: readonly ReplicationRecord[], kind: GroupKind, id: string): ReplicationRecord[] {
  return records.map((r) => {
    const out: ReplicationRecord = { design: r.design, replication: r.replication, seed: r.seed, metrics: groupOf(r, kind)?.[id] ?? {} };
    if (r.point !== undefined) out.point = r.point;
    return out;
  });
}

/** Per stream (or team), per design, per metric: the interval across replications. */
export function summariseGroups(records: readonly ReplicationRecord[], kind: GroupKind, level = 0.95, ids = groupIds(records, kind)): GroupSummary {
  const out: GroupSummary = {};
  for (const id of ids) out[id] = summarise(groupRecords(records, kind, id), level);
  return out;
}

/** Per stream (or team), per metric: the paired difference other − baseline. */
export function compareGroups(records: readonly ReplicationRecord[], kind: GroupKind, baseline: string, other: string, level = 0.95, ids = groupIds(records, kind)): GroupComparison {
  const out: GroupComparison = {};
  for (const id of ids) out[id] = compareDesigns(groupRecords(records, kind, id), baseline, other, level);
  return out;
}
