// How the viewer writes numbers and model time. One fixed rule for figures, so what a
// room reads on screen can be checked against the CLI: the exact value is always kept
// beside the rounded text (data-value attributes), and the text follows this rule:
//
//   - a missing value (NaN, or null in a trace file) is written "—";
//   - whole-number metrics (counts) are written in full: 37413;
//   - any other value with |v| >= 1000 is rounded to a whole number: 1234.6 → 1235;
//   - everything else is written to 3 significant digits: 4.1402 → 4.14,
//     0.12999 → 0.130, 13.581 → 13.6; never in exponent notation (below 0.001 → 0.000).
//
// Model time runs in working hours: a week is 40 h, a day 8 h. Clock times are shown
// as if each working day ran from 09:00 to 17:00 (a display convention only).

import { WEEK_HOURS } from '../../sim/model/spec.js';

export const DAY_HOURS = 8;
export const DAY_START_HOUR = 9;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

export function formatNumber(v: number | null | undefined, integer = false): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (integer && Number.isInteger(v)) return String(v);
  if (Math.abs(v) >= 1000) return String(Math.round(v));
  if (Math.abs(v) < 0.001) return v === 0 ? '0' : '0.000';
  const s = v.toPrecision(3);
  // toPrecision uses exponents only for |v| >= 1e3 or < 1e-6, both handled above.
  return s;
}

/** Unit of a metric from its description's trailing "[unit]"; '-' (a share/ratio) is dropped. */
export function unitOf(description: string): string {
  const m = /\[([^\]]+)\]\s*$/.exec(description);
  if (!m) return '';
  const u = m[1]!;
  return u === '-' ? '' : u;
}

/** Metrics that count things and are shown in full. */
export const INTEGER_METRICS = new Set(['arrivals', 'completions', 'designs_completed']);

export function formatMetric(id: string, v: number | null | undefined): string {
  return formatNumber(v, INTEGER_METRICS.has(id));
}

/** 1-based week number of a time in hours. */
export function weekOf(t: number): number {
  return Math.floor(t / WEEK_HOURS) + 1;
}

/** "Week 12, Tue 10:00". */
export function formatClock(t: number): string {
  const tt = Math.max(0, t);
  const week = Math.floor(tt / WEEK_HOURS);
  const inWeek = tt - week * WEEK_HOURS;
  const day = Math.min(4, Math.floor(inWeek / DAY_HOURS));
  const inDay = inWeek - day * DAY_HOURS;
  const minutes = Math.floor(inDay * 60 + 1e-6);
  const hh = DAY_START_HOUR + Math.floor(minutes / 60);
  const mm = minutes % 60;
  return `Week ${week + 1}, ${DAYS[day]} ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

/** The clock at the very end of a run: a run of N whole weeks ends on Friday 17:00 of
 *  week N, not on Monday 09:00 of week N + 1 (the same instant, read the room's way). */
export function formatEnd(t: number): string {
  const weeks = t / WEEK_HOURS;
  if (t > 0 && Math.abs(weeks - Math.round(weeks)) < 1e-9) return `Week ${Math.round(weeks)}, Fri 17:00 (end)`;
  return `${formatClock(t)} (end)`;
}

/** A duration in working hours, in the unit a reader grasps: "45 min", "3.5 h", "2.1 working days", "3.2 weeks". */
export function formatDuration(hours: number): string {
  if (!Number.isFinite(hours)) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < DAY_HOURS) return `${formatNumber(hours)} h`;
  if (hours < 2 * WEEK_HOURS) return `${formatNumber(hours / DAY_HOURS)} working days`;
  return `${formatNumber(hours / WEEK_HOURS)} weeks`;
}

