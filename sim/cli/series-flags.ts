// The weekly-series flags of run, compare and sweep as yargs declares them (--series,
// --series-persons, --windows, --window). Declaration only, so that it loads at CLI
// start without the experiment code; series-options.ts checks and uses them.

import type { Argv } from 'yargs';

export interface SeriesArgs {
  series?: string;
  windows?: number;
  window?: string[];
  'series-persons'?: 'named' | 'all' | 'none';
  format: 'table' | 'csv' | 'json';
}

export function withSeriesOptions<T>(y: Argv<T>, opts: { windows: boolean; window: boolean }) {
  let out = y.option('series', { type: 'string', describe: 'also write every weekly series of every replication to this file, atomically (a name ending in .html: charts of each design\'s weekly mean with its 95% band; else tidy CSV): design, replication, week, stream, team, role, person, metric, unit, value; the whole observed weeks, numbered from the start of the run (week 1 = hours 0-40)' });
  out = out.option('series-persons', { choices: ['named', 'all', 'none'] as const, describe: 'person rows in --series: named (default: persons holding a role besides operator; operators are summed in the role rows), all, or none' });
  if (opts.windows) out = out.option('windows', { type: 'number', describe: 'table or JSON: split the observed weeks into N equal windows; per design and window the mean of each weekly series ± 95% half-width, and paired differences against the baseline' });
  if (opts.window) out = out.option('window', { type: 'string', array: true, describe: 'table or JSON, give twice: --window A:B --window C:D (A and B in weeks from the start of the run, like a timeline\'s "at": 40, 40w, "40 weeks" or 1600h; whole weeks between them): the change of each weekly series from the first window to the second per design, and the difference in differences against the baseline' });
  return out;
}
