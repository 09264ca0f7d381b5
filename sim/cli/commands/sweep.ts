// `stroom sweep`: a grid (--set path=v1,v2,...) or a Latin hypercube (--range
// path=min:max with --samples) over any scenario path, replications x designs at every
// point, all on the same seeds (common random numbers across points and designs).

import type { CommandModule } from 'yargs';
import { grid, latinHypercube, runSweep, type DesignPoint, type FactorRange, type TaskBase } from '../../experiment/index.js';
import { METRIC_IDS } from '../../model/index.js';
import { describeRun, makeContext } from '../context.js';
import { UsageError } from '../errors.js';
import { plusMinus, table, tidyCsv, toJson } from '../format.js';
import { type CommonArgs, positiveInt, withCommon } from '../options.js';
import { emit } from '../output.js';
import { listArg } from './compare.js';

interface SweepArgs extends CommonArgs {
  set?: string[];
  range?: string[];
  samples?: number;
  designs?: string;
  metrics?: string;
}

const DEFAULT_METRICS = ['lead_time_mean', 'lead_time_p90', 'escalations_per_100', 'manager_design_share', 'manager_compensation_share', 'due_date_attainment'];

function scalar(text: string): unknown {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  return t;
}

export function parseSets(sets: string[]): Record<string, unknown[]> {
  const factors: Record<string, unknown[]> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0 || eq === s.length - 1) throw new UsageError(`--set "${s}": expected path=value1,value2,... e.g. designs.usm.policies.protectedDesignShare=0,0.1,0.2`);
    const path = s.slice(0, eq).trim();
    if (factors[path]) throw new UsageError(`--set: path "${path}" given twice`);
    factors[path] = s.slice(eq + 1).split(',').map(scalar);
  }
  return factors;
}

export function parseRanges(ranges: string[]): Record<string, FactorRange> {
  const out: Record<string, FactorRange> = {};
  for (const r of ranges) {
    const m = /^([^=]+)=(-?[0-9.e]+):(-?[0-9.e]+)(:int)?$/i.exec(r.trim());
    if (!m) throw new UsageError(`--range "${r}": expected path=min:max (add :int for whole numbers), e.g. organisation.streams[0].arrivals=20:60`);
    const min = Number(m[2]);
    const max = Number(m[3]);
    if (!(Number.isFinite(min) && Number.isFinite(max) && max > min)) throw new UsageError(`--range "${r}": need finite numbers with min < max`);
    out[m[1]!.trim()] = { min, max, ...(m[4] ? { integer: true } : {}) };
  }
  return out;
}

export function sweepCommand(_setExit: (code: number) => void): CommandModule<object, SweepArgs> {
  return {
    command: 'sweep <scenario>',
    describe: 'sweep scenario parameters (grid or Latin hypercube), replications x designs per point',
    builder: (y) =>
      withCommon(y)
        .option('set', { type: 'string', array: true, describe: 'grid factor: path=v1,v2,... (repeatable)' })
        .option('range', { type: 'string', array: true, describe: 'Latin hypercube factor: path=min:max[:int] (repeatable; needs --samples)' })
        .option('samples', { type: 'number', describe: 'number of Latin hypercube points' })
        .option('designs', { alias: 'd', type: 'string', describe: 'designs at every point (default: all)' })
        .option('metrics', { alias: 'm', type: 'string', describe: `metrics in the table (default: ${DEFAULT_METRICS.join(',')}); CSV/JSON hold all` })
        .example('$0 sweep dpv --set designs.usm.policies.protectedDesignShare=0,0.15,0.3 --designs usm --reps 10', 'a grid over the protected design share')
        .example('$0 sweep dpv --range "organisation.streams[0].arrivals=20:60" --samples 8 -f csv -o out/lhs.csv', 'a Latin hypercube over arrivals (per working day)') as never,
    handler: async (args) => {
      const sets = args.set ?? [];
      const ranges = args.range ?? [];
      if (sets.length === 0 && ranges.length === 0) throw new UsageError('sweep: give at least one --set path=v1,v2 or --range path=min:max (with --samples)');
      if (sets.length > 0 && ranges.length > 0) throw new UsageError('sweep: use either --set (grid) or --range (Latin hypercube), not both');
      if (ranges.length > 0 && args.samples === undefined) throw new UsageError('--range needs --samples N');
      const samples = positiveInt('samples', args.samples, 100_000);
      const tableMetrics = listArg('metrics', args.metrics, METRIC_IDS) ?? DEFAULT_METRICS;
      const ctx = await makeContext(args);
      try {
        const designs = listArg('designs', args.designs, ctx.scenario.designOrder) ?? [...ctx.scenario.designOrder];
        const points: DesignPoint[] = sets.length > 0 ? grid(parseSets(sets)) : latinHypercube(parseRanges(ranges), samples!, ctx.seed);
        if (points.length > 10_000) throw new UsageError(`sweep: ${points.length} points is more than the 10000 allowed in one sweep`);
        // Load every point once here, so a bad path or value is reported before any run starts.
        const { scenarioFor } = await import('../../node/run-model.js');
        for (const p of points) scenarioFor(ctx.file, p);
        const base: TaskBase = { scenarioId: ctx.file, seed: ctx.seed, horizon: ctx.horizon, warmup: ctx.warmup };
        const results = await runSweep(ctx.executor, base, points, { designs, replications: ctx.reps, onProgress: ctx.progress('sweeping') });
        const keys = Object.keys(points[0] ?? {});
        let text: string;
        if (args.format === 'csv') text = tidyCsv(results.flatMap((r) => r.records), [...METRIC_IDS], keys);
        else if (args.format === 'json') {
          text = toJson({ scenario: ctx.scenario.name, designs, replications: ctx.reps, seed: ctx.seed, horizon_hours: ctx.horizon, warmup_hours: ctx.warmup, points: results.map((r) => ({ point: r.point, summary: r.summary })) });
        } else {
          const rows: string[][] = [];
          for (const r of results) {
            for (const d of designs) {
              rows.push([...keys.map((k) => String(r.point[k])), d, ...tableMetrics.map((m) => (r.summary[d]?.[m] ? plusMinus(r.summary[d]![m]!.mean, r.summary[d]![m]!.halfWidth) : 'n/a'))]);
            }
          }
          text = [`${ctx.scenario.name}: sweep of ${points.length} points x ${designs.length} designs`, describeRun(ctx), '', table(rows, [...keys, 'design', ...tableMetrics]), '', 'mean ± half-width of the 95% t-interval across replications.'].join('\n');
        }
        emit(text, args.output);
      } finally {
        await ctx.close();
      }
    },
  };
}
