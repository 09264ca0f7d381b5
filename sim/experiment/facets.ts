// Summaries and paired comparisons of a replication's other records: the lead time's
// parts and the loop's anatomy. Each is a flat record of numbers like the metrics, so
// it is summarised and compared by the same code: the records are viewed with that
// facet in place of their metrics, keeping design, seed, replication and point, so the
// pairing on common random numbers is the same as for the metrics.

import { compareDesigns, type Comparison } from './compare.js';
import type { ReplicationRecord } from './replications.js';
import { summarise, type Summary } from './summary.js';

/** A record field that holds a flat record of numbers besides the metrics. */
export type Facet = 'parts' | 'anatomy';

/** The records with `facet` as their metrics (records without it get an empty record). */
export function facetRecords(records: readonly ReplicationRecord[], facet: Facet): ReplicationRecord[] {
  return records.map((r) => {
    const v: ReplicationRecord = { design: r.design, replication: r.replication, seed: r.seed, metrics: r[facet] ?? {} };
    if (r.point !== undefined) v.point = r.point;
    return v;
  });
}

/** Per design, per key of the facet: the t interval across replications. */
export function summariseFacet(records: readonly ReplicationRecord[], facet: Facet, level = 0.95): Summary {
  return summarise(facetRecords(records, facet), level);
}

/** Per key of the facet: the paired difference other − baseline. */
export function compareFacet(records: readonly ReplicationRecord[], facet: Facet, baseline: string, other: string, level = 0.95): Comparison {
  return compareDesigns(facetRecords(records, facet), baseline, other, level);
}

/** True when every record carries the facet (results stored before it existed do not). */
export function hasFacet(records: readonly ReplicationRecord[], facet: Facet): boolean {
  return records.length > 0 && records.every((r) => r[facet] !== undefined);
}
