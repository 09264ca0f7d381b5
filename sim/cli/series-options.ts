// The weekly-series flags of run, compare and sweep: --series FILE (tidy CSV of every
// weekly series), --windows N (per-window means and paired differences) and, for
// run and compare, --window A:B --window C:D (the change between two windows per design and
// the difference in differences). Everything a flag can get wrong is found before any
// replication runs: the file, the numbers, the units; the windows' place in the
// observation period as soon as that period is known (after --warmup auto's pilots).
// The flags are declared in series-flags.ts; this module is imported by handlers only.

import { changeRecords, compareDesigns, observedWeeks, seriesNames, splitWindows, summarise, weeksBetween, windowRecords, type ReplicationRecord, type WeekRange } from '../experiment/index.js';
import { UsageError } from './errors.js';
import { summaryTable } from './format.js';
import { checkOutputFile } from './output.js';
import { SERIES_DESCRIPTIONS, seriesUnit, writeSeriesCsv } from './series-output.js';
import { seriesHtml } from './series-html.js';
import { writeAtomic, writeFileAtomic } from '../node/atomic.js';
import type { ModelSpec } from '../model/index.js';
import type { SeriesArgs } from './series-flags.js';

export type { SeriesArgs } from './series-flags.js';

const WINDOW_HINT = 'expected A:B in weeks from the start of the run, e.g. 40w:52w, "40 weeks:52 weeks", 1600h:2080h or 40:52';

export interface SeriesPlan {
  /** Added to the TaskBase: whether replications record weekly series per group. */
  task: { series?: true };
  resolve(horizon: number, warmup: number): ResolvedSeries;
}

export interface ResolvedSeries {
  period: WeekRange;
  windows?: WeekRange[];
  beforeAfter?: [WeekRange, WeekRange];
  /** The --windows and --window results for JSON output (nothing without those flags). */
  json(records: readonly ReplicationRecord[], designs: readonly string[], baseline: string | undefined): Record<string, unknown>;
  /** Writes --series (if given) and returns the table blocks of --windows and --window (none with -f json). */
  finish(records: readonly ReplicationRecord[], designs: readonly string[], baseline: string | undefined, specOf: (r: ReplicationRecord) => ModelSpec | undefined, pointKeys?: readonly string[]): string[];
}

/** A time from --window: a plain number or `Nw` is weeks, anything else a quantity ("1600 h"). */
async function windowEnd(text: string, whole: string): Promise<number> {
  const t = text.trim();
  const weeks = /^([0-9]+(?:\.[0-9]+)?)\s*w?$/.exec(t);
  if (weeks) return Number(weeks[1]) * 40;
  const { readQuantity } = await import('../scenario/units.js');
  try {
    return readQuantity(t, 'time');
  } catch (e) {
    throw new UsageError(`--window "${whole}": ${(e as Error).message}; ${WINDOW_HINT}`);
  }
}

/** Checks the flags (before any work) and says what the tasks must record. */
export async function seriesPlan(args: SeriesArgs): Promise<SeriesPlan> {
  if (args.series !== undefined) {
    if (typeof args.series !== 'string' || args.series === '') throw new UsageError('--series: expected a file name, e.g. --series out/weekly.csv');
    checkOutputFile(args.series, '--series');
  }
  const n = args.windows;
  if (n !== undefined && !(Number.isInteger(n) && n >= 1 && n <= 1000)) throw new UsageError(`--windows: expected a whole number of windows from 1 to 1000, got ${String(n)}`);
  const given = args.window ?? [];
  if (given.length > 0 && given.length !== 2) throw new UsageError(`--window: give it exactly twice, the window before and the window after (e.g. --window 20w:30w --window 40w:52w); got ${given.length}`);
  if ((n !== undefined || given.length > 0) && args.format === 'csv') {
    throw new UsageError(`--${n !== undefined ? 'windows' : 'window'}: applies to the table and JSON forms (-f table, -f json); the weekly values behind it are written by --series FILE`);
  }
  const hours: [number, number][] = [];
  for (const w of given) {
    const parts = String(w).split(':');
    if (parts.length !== 2 || parts[0]!.trim() === '' || parts[1]!.trim() === '') throw new UsageError(`--window "${w}": ${WINDOW_HINT}`);
    const a = await windowEnd(parts[0]!, w);
    const b = await windowEnd(parts[1]!, w);
    if (!(a < b)) throw new UsageError(`--window "${w}": the start (${a / 40} weeks) must come before the end (${b / 40} weeks)`);
    hours.push([a, b]);
  }
  const want = args.series !== undefined || n !== undefined || given.length > 0;
  return {
    task: want ? { series: true } : {},
    resolve: (horizon, warmup) => resolve(args, horizon, warmup, hours),
  };
}

const weeksText = (w: WeekRange) => (w.first === w.last ? `week ${w.first}` : `weeks ${w.first}-${w.last}`);

function resolve(args: SeriesArgs, horizon: number, warmup: number, hours: [number, number][]): ResolvedSeries {
  const period = observedWeeks(horizon, warmup);
  const count = period.last - period.first + 1;
  let windows: WeekRange[] | undefined;
  if (args.windows !== undefined) {
    if (args.windows > count) throw new UsageError(`--windows ${args.windows}: the observation period has only ${count} weeks (${weeksText(period)}); give at most ${count}`);
    windows = splitWindows(period, args.windows);
  }
  let beforeAfter: [WeekRange, WeekRange] | undefined;
  if (hours.length === 2) {
    const ranges = hours.map(([a, b], i) => {
      const w = weeksBetween(a, b);
      const flag = `--window "${args.window![i]}"`;
      if (w.first < period.first || w.last > period.last) throw new UsageError(`${flag}: outside the observation period, ${weeksText(period)} (warm-up ${warmup / 40} weeks, horizon ${horizon / 40} weeks); give weeks within it`);
      if (w.last < w.first) throw new UsageError(`${flag}: holds no whole week (weeks run from hour 40(k-1) to 40k)`);
      return w;
    });
    beforeAfter = [ranges[0]!, ranges[1]!];
  }
  return {
    period,
    ...(windows ? { windows } : {}),
    ...(beforeAfter ? { beforeAfter } : {}),
    json: (records, designs, baseline) => jsonParts(records, designs, baseline, windows, beforeAfter),
    finish: (records, designs, baseline, specOf, pointKeys = []) => {
      if (args.series !== undefined) {
        if (/\.html?$/i.test(args.series)) writeFileAtomic(args.series, seriesFile(args, records, designs, period, pointKeys, specOf));
        else writeAtomic(args.series, (write) => writeSeriesCsv(write, records, period, pointKeys, personFilter(args['series-persons'] ?? 'named', specOf)));
      }
      if (args.format !== 'table') return [];
      return blocks(records, designs, baseline, windows, beforeAfter);
    },
  };
}

/** A --series name ending in .html: a report of charts with 95% bands (series-html.ts). */
function seriesFile(args: SeriesArgs, records: readonly ReplicationRecord[], designs: readonly string[], period: WeekRange, pointKeys: readonly string[], specOf: (r: ReplicationRecord) => ModelSpec | undefined): string {
  const first = (d: string) => records.find((r) => r.design === d);
  const spec = (d: string) => { const r = first(d); return r === undefined ? undefined : specOf(r); };
  const reps = new Set(records.map((r) => r.replication)).size;
  return seriesHtml({
    title: `${spec(designs[0] ?? '')?.name.replace(/\/[^/]*$/, '') ?? 'stroom'}: weekly series`,
    subtitle: [`designs ${designs.join(', ')}; ${reps} replications on common random numbers${pointKeys.length > 0 ? `; all ${new Set(records.map((r) => JSON.stringify(r.point))).size} design points pooled` : ''}`, `observed ${weeksText(period)} of the run`],
    records, designs, period, specOf: spec,
  });
}

/** Which persons get rows of their own: 'named' keeps those holding a role besides operator. */
function personFilter(mode: 'named' | 'all' | 'none', specOf: (r: ReplicationRecord) => ModelSpec | undefined): (r: ReplicationRecord, id: string) => boolean {
  if (mode !== 'named') return () => mode === 'all';
  const named = new WeakMap<ModelSpec, Set<string>>();
  return (r, id) => {
    const spec = specOf(r);
    if (spec === undefined) return true;
    let set = named.get(spec);
    if (set === undefined) {
      set = new Set(spec.persons.filter((p) => p.roles.some((x) => x.role !== 'operator')).map((p) => p.id));
      named.set(spec, set);
    }
    return set.has(id);
  };
}

function table(records: ReplicationRecord[], designs: readonly string[], baseline: string | undefined, names: string[]): string {
  const others = baseline === undefined ? [] : designs.filter((d) => d !== baseline);
  const comparisons = new Map(others.map((o) => [o, compareDesigns(records, baseline!, o)]));
  return summaryTable(summarise(records), [...designs], names, others.length > 0 ? comparisons : undefined, baseline, SERIES_DESCRIPTIONS);
}

function blocks(records: readonly ReplicationRecord[], designs: readonly string[], baseline: string | undefined, windows: WeekRange[] | undefined, beforeAfter: [WeekRange, WeekRange] | undefined): string[] {
  const names = seriesNames(records);
  const out: string[] = [];
  if (windows !== undefined) {
    const per = windowRecords(records, windows, names);
    windows.forEach((w, i) => {
      out.push('', `Window ${i + 1} of ${windows.length}, ${weeksText(w)}: mean of the weekly values per replication, then mean ± 95% half-width across replications${baseline !== undefined && designs.length > 1 ? '; differences paired against ' + baseline : ''}`, table(per[i]!, designs, baseline, names));
    });
  }
  if (beforeAfter !== undefined) {
    const [a, b] = beforeAfter;
    out.push('', `Change from ${weeksText(a)} to ${weeksText(b)} (mean after − mean before within each replication), mean ± 95% half-width across replications${baseline !== undefined && designs.length > 1 ? `; last columns: difference in differences against ${baseline}, paired on common random numbers` : ''}`,
      table(changeRecords(records, a, b, names), designs, baseline, names));
  }
  return out;
}

function jsonTable(records: ReplicationRecord[], designs: readonly string[], baseline: string | undefined): Record<string, unknown> {
  const summary = summarise(records);
  const others = baseline === undefined ? [] : designs.filter((d) => d !== baseline);
  return {
    summary: Object.fromEntries(designs.map((d) => [d, summary[d]])),
    ...(others.length > 0 ? { differences: Object.fromEntries(others.map((o) => [`${o}-${baseline}`, compareDesigns(records, baseline!, o)])) } : {}),
  };
}

function jsonParts(records: readonly ReplicationRecord[], designs: readonly string[], baseline: string | undefined, windows: WeekRange[] | undefined, beforeAfter: [WeekRange, WeekRange] | undefined): Record<string, unknown> {
  const names = seriesNames(records);
  const out: Record<string, unknown> = {};
  if (windows === undefined && beforeAfter === undefined) return out;
  out['series_units'] = Object.fromEntries(names.map((m) => [m, seriesUnit(m, '')]));
  if (windows !== undefined) {
    const per = windowRecords(records, windows, names);
    out['windows'] = windows.map((w, i) => ({ first_week: w.first, last_week: w.last, ...jsonTable(per[i]!, designs, baseline) }));
  }
  if (beforeAfter !== undefined) {
    const [a, b] = beforeAfter;
    out['before_after'] = { before: { first_week: a.first, last_week: a.last }, after: { first_week: b.first, last_week: b.last }, ...jsonTable(changeRecords(records, a, b, names), designs, baseline) };
  }
  return out;
}
