// `stroom anatomy` (and the anatomy section of `compare`): per design, what became of
// every problem of the window (a question nobody could answer, a contested collision):
// improvised around, resolved by a coordinator, compensated by a manager, referred up,
// left to the system as a signal, settled in a meeting, withdrawn because its case moved
// on, or still open; per 100 requests. Then the share that became visible, the share
// that led to design work changing coverage, and how long that took.

import { compareFacet, summariseFacet, type Comparison, type ReplicationRecord, type Summary } from '../experiment/index.js';
import { ANATOMY_KEYS, ANATOMY_KEY_IDS, FATES } from '../model/index.js';
import { facetColumns, facetRows, type FacetRow } from './facet-table.js';
import { sig, table, unitOf } from './format.js';
import type { ReportSection } from './html-report.js';

export const FATE_LABELS: Readonly<Record<string, string>> = {
  improvised: 'improvised around by an operator',
  resolved: 'resolved by a coordinator',
  compensated: 'compensated by a manager',
  referred: 'referred up a level',
  signalled: 'signalled (left to the system)',
  meeting: 'settled in a meeting',
  coach: 'answered by a coach',
  contract: "answered through a supplier's contract",
  withdrawn: 'withdrawn (case moved on)',
  open: 'still open at the end',
};

export interface Anatomy {
  designs: string[];
  baseline: string;
  summary: Summary;
  diffs: Map<string, Comparison>;
}

export function anatomyOf(records: readonly ReplicationRecord[], designs: string[], baseline: string): Anatomy {
  return {
    designs, baseline,
    summary: summariseFacet(records, 'anatomy'),
    diffs: new Map(designs.filter((d) => d !== baseline).map((o) => [o, compareFacet(records, 'anatomy', baseline, o)])),
  };
}

const unitLabel = (k: string) => {
  const u = unitOf((ANATOMY_KEYS as Record<string, string>)[k]);
  return u === 'per 100 requests' ? 'per 100' : u;
};

/** Rows: problems, each fate (indented), then visibility, design and its time. */
const ROWS: FacetRow[] = [
  { key: 'problems_per_100', label: 'problems [per 100 requests]' },
  ...FATES.map((f) => ({ key: f, label: `  ${f}: ${FATE_LABELS[f]} [per 100]` })),
  { key: 'visible_share', label: 'became a visible design signal [-]' },
  { key: 'designed_share', label: 'led to design work that changed coverage [-]' },
  { key: 'time_to_design_mean', label: 'time from problem to that design [h]' },
];

export function anatomyTable(a: Anatomy, relevant: number): { columns: string[]; rows: string[][] } {
  const input = { rows: ROWS, summary: a.summary, designs: a.designs, diffs: a.diffs, baseline: a.baseline, relevant, first: 'fate of a problem' };
  return { columns: facetColumns(input), rows: facetRows(input) };
}

export function anatomyText(a: Anatomy, relevant: number): string {
  const t = anatomyTable(a, relevant);
  return table(t.rows, t.columns);
}

/**
 * The fates against the problems. Each problem has one fate, but an escalation raised in
 * the warm-up and ended in the window has its fate counted and not its problem (and
 * `open` cannot go below zero), so the fates may exceed the problems by that carry-over.
 */
export function fateCheckLine(a: Anatomy): string {
  const per = a.designs.map((d) => {
    const s = a.summary[d] ?? {};
    const fates = FATES.reduce((acc, f) => acc + (s[f]?.mean ?? NaN), 0);
    const problems = s['problems_per_100']?.mean ?? NaN;
    return `${d} ${sig(fates)} in fates, ${sig(problems)} problems (carried over from the warm-up ${sig(fates - problems)})`;
  });
  return `check: fates against problems, per 100 requests: ${per.join('; ')}`;
}

/** Tidy CSV: one row per design, replication and fate (then the four other measures), with its unit. */
export function anatomyCsv(records: readonly ReplicationRecord[]): string {
  const lines = ['design,replication,seed,fate,value,unit'];
  const num = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? String(x) : 'NA');
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const order = [...FATES, ...ANATOMY_KEY_IDS.filter((k) => !(FATES as readonly string[]).includes(k))];
  for (const r of records) {
    for (const k of order) lines.push([cell(r.design), r.replication, cell(String(r.seed)), k, num(r.anatomy?.[k]), cell(unitLabel(k))].join(','));
  }
  return lines.join('\n') + '\n';
}

export function anatomyJson(a: Anatomy): Record<string, unknown> {
  return {
    keys: ANATOMY_KEYS,
    summary: Object.fromEntries(a.designs.map((d) => [d, Object.fromEntries(ANATOMY_KEY_IDS.map((k) => [k, a.summary[d]?.[k]]))])),
    differences: Object.fromEntries([...a.diffs].map(([o, c]) => [`${o}-${a.baseline}`, Object.fromEntries(ANATOMY_KEY_IDS.map((k) => [k, c[k]]))])),
  };
}

export function anatomySection(a: Anatomy, relevant: number): ReportSection {
  const t = anatomyTable(a, relevant);
  return {
    heading: 'What became of the problems',
    paragraphs: ['Every problem of the observation window (a question nobody could answer, a contested collision) ends in exactly one fate; per 100 arrived requests.'],
    tables: [{ columns: t.columns, rows: t.rows, note: fateCheckLine(a) }],
    charts: [
      {
        title: 'fates of problems per design [per 100 requests]',
        xLabel: 'design', yLabel: 'per 100 requests', kind: 'stacked-bars',
        x: a.designs.map((_, i) => i + 1), xNames: a.designs,
        series: FATES.map((f) => ({ label: f, y: a.designs.map((d) => finite(a.summary[d]?.[f]?.mean)) })),
      },
    ],
  };
}

const finite = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
