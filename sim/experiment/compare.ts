// Paired comparison of two designs run on common random numbers: per metric, the
// t interval of (other − baseline) over replications paired by (seed,
// replication, point). The unpaired (Welch) half-width is reported alongside so
// the variance reduction bought by common random numbers is visible.

import { Tally, pairedDifference, tQuantile, type ConfidenceInterval } from '../stats/index.js';
import type { ReplicationRecord } from './replications.js';
import { metricNames } from './summary.js';

export interface MetricComparison extends ConfidenceInterval {
  /** True when the interval of other − baseline excludes 0. */
  significant: boolean;
  /** Replications without a usable pair (unmatched, or NaN/infinite on either side). */
  excluded: number;
  /** Welch half-width the same pairs would give if treated as independent samples. */
  unpairedHalfWidth: number;
}

/** metric → comparison of other − baseline. */
export type Comparison = Record<string, MetricComparison>;

function pairKey(r: ReplicationRecord): string {
  return `${String(r.seed)}|${r.replication}|${r.point === undefined ? '' : JSON.stringify(r.point)}`;
}

function index(records: readonly ReplicationRecord[], design: string): Map<string, ReplicationRecord> {
  const map = new Map<string, ReplicationRecord>();
  for (const r of records) {
    if (r.design !== design) continue;
    const key = pairKey(r);
    if (map.has(key)) throw new Error(`compareDesigns: design "${design}" has replication ${r.replication} (seed ${String(r.seed)}) twice`);
    map.set(key, r);
  }
  if (map.size === 0) throw new Error(`compareDesigns: no records for design "${design}"`);
  return map;
}

/** Welch–Satterthwaite half-width for the difference of two independent means. */
function welchHalfWidth(a: readonly number[], b: readonly number[], level: number): number {
  const ta = new Tally();
  const tb = new Tally();
  for (const x of a) ta.add(x);
  for (const x of b) tb.add(x);
  if (ta.count < 2 || tb.count < 2) return NaN;
  const va = ta.variance / ta.count;
  const vb = tb.variance / tb.count;
  const se2 = va + vb;
  if (se2 === 0) return 0;
  const df = (se2 * se2) / ((va * va) / (ta.count - 1) + (vb * vb) / (tb.count - 1));
  return tQuantile(0.5 + level / 2, df) * Math.sqrt(se2);
}

/**
 * Per metric, the paired difference other − baseline with its t interval at
 * `level`. Pairs where either value is missing or not finite are dropped and
 * counted in `excluded`; `n` is the number of pairs used.
 */
export function compareDesigns(records: readonly ReplicationRecord[], baseline: string, other: string, level = 0.95): Comparison {
  const base = index(records, baseline);
  const alt = index(records, other);
  const keys = new Set([...base.keys(), ...alt.keys()]);
  const out: Comparison = {};
  const metrics = metricNames([...base.values(), ...alt.values()]);
  for (const metric of metrics) {
    const a: number[] = [];
    const b: number[] = [];
    let excluded = 0;
    for (const key of keys) {
      const va = alt.get(key)?.metrics[metric];
      const vb = base.get(key)?.metrics[metric];
      if (va !== undefined && vb !== undefined && Number.isFinite(va) && Number.isFinite(vb)) {
        a.push(va);
        b.push(vb);
      } else excluded++;
    }
    const ci = pairedDifference(a, b, level);
    out[metric] = {
      ...ci,
      significant: ci.n >= 2 && !Number.isNaN(ci.halfWidth) && (ci.lower > 0 || ci.upper < 0),
      excluded,
      unpairedHalfWidth: welchHalfWidth(a, b, level),
    };
  }
  return out;
}
