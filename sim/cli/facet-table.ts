// A table of one facet of the replications (the lead time's parts, the loop's anatomy):
// a row per key with a label, each design's mean ± 95% half-width, and per other design
// the paired difference against the baseline and its size relative to the baseline's
// mean, marked by the same rule as compare (interval excludes zero and the difference
// exceeds --relevant of the baseline's mean).

import type { Comparison, Summary } from '../experiment/index.js';
import { diffCell, isRelevant, relativeCell } from './compare-table.js';
import { summaryCell } from './format.js';

export interface FacetRow {
  key: string;
  label: string;
}

export interface FacetTableInput {
  rows: readonly FacetRow[];
  summary: Summary;
  designs: readonly string[];
  diffs: Map<string, Comparison>;
  baseline: string;
  relevant: number;
  /** Header of the first column (what the rows are, with their unit). */
  first: string;
}

export function facetColumns(x: Pick<FacetTableInput, 'designs' | 'diffs' | 'baseline' | 'first'>): string[] {
  const cols = [x.first, ...x.designs];
  for (const o of x.diffs.keys()) cols.push(`${o} − ${x.baseline}`, `${o} vs ${x.baseline} [%]`);
  return cols;
}

export function facetRows(x: FacetTableInput): string[][] {
  return x.rows.map(({ key, label }) => {
    const row = [label, ...x.designs.map((d) => summaryCell(x.summary[d]?.[key]))];
    const baseMean = x.summary[x.baseline]?.[key]?.mean;
    for (const [, cmp] of x.diffs) {
      const c = cmp[key];
      row.push(diffCell(c, isRelevant(c, baseMean, x.relevant)), relativeCell(c, baseMean));
    }
    return row;
  });
}
