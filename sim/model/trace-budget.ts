// Allocation budgets of a trace: each field of a file can be within its own size bound
// (trace-file-check.ts) while their products are not. The viewer allocates tables whose
// size is such a product (hours per person, week and activity; lead-time counts per
// week and bin; replay checkpoints of every person and meeting; the matrix's cells), so
// a hostile file could ask for gigabytes with a few kilobytes of text. These budgets
// are far above any real organisation and run and are checked before anything is built.

import type { Fail } from './trace-file-check.js';

const WEEK = 40;

/** Largest number of entries each derived table may have. */
export const TRACE_BUDGETS = {
  /** persons × weeks × activities (hours per person, week and activity). */
  personWeeks: 16_000_000,
  /** weeks × lead-time bins (cumulative histogram). */
  histogram: 16_000_000,
  /** replay checkpoints × (persons + 2 × meetings). */
  checkpoints: 64_000_000,
  /** teams × streams (cells of the matrix). */
  cells: 10_000,
} as const;

/** Events between two replay checkpoints (the viewer's Replay uses the same). */
export const CHECKPOINT_EVERY = 4096;
/** Widest lead-time bin the viewer uses, hours; a run's bins span at most its length. */
const WIDEST_BIN = 320;

export interface BudgetInput {
  persons: number;
  teams: number;
  streams: number;
  meetings: number;
  activities: number;
  events: number;
  /** Rows of series.week. */
  seriesWeeks: number;
  /** Latest time of the run, hours (warm-up + horizon, or the last event). */
  endHours: number;
}

/** The weeks the viewer lays out for a run (as viewer/src/run-data.ts counts them). */
export function viewerWeeks(x: Pick<BudgetInput, 'seriesWeeks' | 'endHours'>): number {
  return Math.max(x.seriesWeeks, Math.ceil(x.endHours / WEEK), 1);
}

/** Calls `fail` if a derived table would be larger than its budget. */
export function checkBudgets(x: BudgetInput, fail: Fail): void {
  const weeks = viewerWeeks(x);
  const over = (size: number, budget: number) => size > budget;
  const n = (v: number) => v.toLocaleString('en');
  const pw = x.persons * weeks * Math.max(1, x.activities);
  if (over(pw, TRACE_BUDGETS.personWeeks)) {
    fail('organisation.persons', `${n(x.persons)} persons × ${n(weeks)} weeks × ${n(x.activities)} activities is ${n(pw)} hour totals, more than the ${n(TRACE_BUDGETS.personWeeks)} a trace may need (a shorter run or fewer persons would fit)`);
  }
  const bins = Math.ceil(x.endHours / WIDEST_BIN) + 2;
  const hist = weeks * bins;
  if (over(hist, TRACE_BUDGETS.histogram)) {
    fail('horizon', `${n(weeks)} weeks × ${n(bins)} lead-time bins is ${n(hist)} counts, more than the ${n(TRACE_BUDGETS.histogram)} a trace may need`);
  }
  const cps = Math.floor(x.events / CHECKPOINT_EVERY) + 1;
  const cp = cps * (x.persons + 2 * x.meetings);
  if (over(cp, TRACE_BUDGETS.checkpoints)) {
    fail('events', `${n(x.events)} events with ${n(x.persons)} persons and ${n(x.meetings)} meetings need ${n(cp)} replay checkpoint entries, more than the ${n(TRACE_BUDGETS.checkpoints)} allowed`);
  }
  const cells = x.teams * x.streams;
  if (over(cells, TRACE_BUDGETS.cells)) {
    fail('organisation.streams', `${n(x.teams)} teams × ${n(x.streams)} streams is ${n(cells)} matrix cells, more than the ${n(TRACE_BUDGETS.cells)} a trace may have`);
  }
}
