// `stroom compare`: designs side by side on common random numbers, each metric's mean
// ± 95% half-width per design and the paired difference against the baseline, marked
// where its interval excludes zero. With --precision, replications are added until
// the target relative half-width is met (or the cap is reached).

import type { CommandModule } from 'yargs';
import type { ReplicationRecord, TaskBase } from '../../experiment/index.js';
import { describeRun, makeContext } from '../context.js';
import { UsageError } from '../errors.js';
import { tidyCsv, toJson } from '../format.js';
import { relevantArg } from '../compare-table.js';
import { withHtml, type ReportFormat } from '../design-options.js';
import { type CommonArgs, positiveInt, withCommon } from '../options.js';
import { emit } from '../output.js';
import { withSeriesOptions, type SeriesArgs } from '../series-flags.js';

interface CompareArgs extends CommonArgs, SeriesArgs {
  designs?: string;
  baseline?: string;
  metrics?: string;
  precision?: number;
  'max-reps'?: number;
  target?: string;
  streams?: string | boolean;
  relevant?: string;
  anatomy?: boolean;
}

export function listArg(name: string, v: string | undefined, allowed: readonly string[]): string[] | undefined {
  if (v === undefined) return undefined;
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${name}: expected a comma-separated list`);
  for (const i of items) if (!allowed.includes(i)) throw new UsageError(`--${name}: unknown "${i}"; valid: ${allowed.join(', ')}`);
  return items;
}

/** Fewest replications --precision starts from: a t-interval from fewer is too unsteady to stop on. */
export const PRECISION_MIN_REPS = 5;
const PRECISION_START_REPS = 10;
const PRECISION_MAX_REPS = 200;

/** --precision, --reps and --max-reps together: the start and the cap of a sequential run, or undefined without --precision. */
export function precisionArgs(args: Pick<CompareArgs, 'precision' | 'reps' | 'max-reps'>): { precision: number; start: number; max: number } | undefined {
  const maxFlag = positiveInt('max-reps', args['max-reps'], 100_000);
  if (args.precision === undefined) {
    if (maxFlag !== undefined) throw new UsageError('--max-reps: applies only with --precision (without it, --reps is the number of replications)');
    return undefined;
  }
  const p = args.precision;
  if (!(p > 0 && p < 1)) throw new UsageError(`--precision: expected a relative half-width in (0, 1), e.g. 0.05, got ${p}`);
  const start = positiveInt('reps', args.reps, 100_000) ?? PRECISION_START_REPS;
  if (start < PRECISION_MIN_REPS) throw new UsageError(`--reps ${start} with --precision: --reps is where sequential replication starts, at least ${PRECISION_MIN_REPS} (default ${PRECISION_START_REPS})`);
  const max = maxFlag ?? Math.max(PRECISION_MAX_REPS, start);
  if (max < start) throw new UsageError(`--max-reps ${max}: must be at least --reps (${start}), where --precision starts`);
  return { precision: p, start, max };
}

function worstPrecision(p: Record<string, Record<string, number>>): number {
  let worst = 0;
  for (const d of Object.values(p)) for (const v of Object.values(d)) worst = Math.max(worst, Number.isFinite(v) ? v : Infinity);
  return worst;
}

export function compareCommand(setExit: (code: number) => void): CommandModule<object, CompareArgs> {
  return {
    command: 'compare <scenario>',
    describe: 'compare designs on common random numbers (paired differences with 95% intervals)',
    builder: (y) =>
      withSeriesOptions(withHtml(withCommon(y)), { windows: true, window: true })
        .option('designs', { alias: 'd', type: 'string', describe: 'designs to compare, comma-separated (default: all of the scenario)' })
        .option('baseline', { alias: 'b', type: 'string', describe: 'design the others are compared with (default: the scenario\'s)' })
        .option('metrics', { alias: 'm', type: 'string', describe: 'metrics to show, comma-separated (default: all)' })
        .option('precision', { type: 'number', describe: 'add replications until every target metric\'s half-width / |mean| <= this' })
        .option('max-reps', { type: 'number', describe: `cap on replications with --precision (default ${PRECISION_MAX_REPS})` })
        .option('target', { type: 'string', default: 'lead_time_mean,escalations_per_100', describe: 'metrics the precision target applies to' })
        .option('streams', { type: 'string', describe: 'value streams to report per stream, comma-separated (default: all; --no-streams for none)' })
        .option('relevant', { type: 'string', describe: "smallest difference that matters, as a share of the baseline's mean (0.01) or a percentage (1%); a difference is marked * only when its paired interval excludes zero and it is larger (default 1%)" })
        .option('anatomy', { type: 'boolean', describe: 'add the lead time by part and the fates of problems to the table output (always in json and html)' })
        .example('$0 compare dpv --designs island,usm --relevant 5%', 'mark only differences larger than 5% of the baseline')
        .example('$0 compare dpv --designs island,usm -f html -o out/dpv.html', 'a self-contained report: grouped tables, weekly series with bands, where the lead time goes')
        .example('$0 compare dpv --designs island,usm --reps 30', 'island vs USM on the DPV case, 30 paired replications')
        .example('$0 compare scenarios/dpv.yaml --precision 0.02 --max-reps 100 -f csv -o out/dpv.csv', 'replicate until ±2%, tidy CSV to a file')
        .example('$0 compare dpv --reps 10 --windows 4 --series out/weekly.csv', 'per quarter of the observed weeks: each design\'s weekly means and the paired differences; every weekly series to a CSV')
        .example('$0 compare dpv --designs island,transition --reps 10 --window 48w:56w --window 76w:92w', 'before and after the transition\'s phases 3-5 (timeline at weeks 56 and 72): each design\'s change and the difference in differences against island') as never,
    handler: async (args) => {
      // The model and the experiment code load when the command runs, not at CLI start.
      const { compareDesigns, runReplications, runSequential, summarise } = await import('../../experiment/index.js');
      const { METRICS, METRIC_IDS } = await import('../../model/index.js');
      const { breakdown, breakdownText, csvParts, jsonParts, selectStreams } = await import('../report.js');
      const { compareExtras, compareHtml, compareTableText } = await import('../compare-output.js');
      const { seriesPlan } = await import('../series-options.js');
      const metrics = listArg('metrics', args.metrics, METRIC_IDS) ?? [...METRIC_IDS];
      const seq = precisionArgs(args);
      const target = listArg('target', args.target, METRIC_IDS)!;
      const relevant = relevantArg(args.relevant);
      const sp = await seriesPlan(args);
      const ctx = await makeContext(args);
      try {
        const designs = listArg('designs', args.designs, ctx.scenario.designOrder) ?? [...ctx.scenario.designOrder];
        const baseline = args.baseline ?? (designs.includes(ctx.scenario.experiment.baseline) ? ctx.scenario.experiment.baseline : designs[0]!);
        if (!designs.includes(baseline)) throw new UsageError(`--baseline: "${baseline}" is not among the compared designs (${designs.join(', ')})`);
        const streamIds = selectStreams(ctx, designs, args.streams);
        const sr = sp.resolve(ctx.horizon, ctx.warmup);
        const base: TaskBase = { scenarioId: ctx.file, seed: ctx.seed, horizon: ctx.horizon, warmup: ctx.warmup, ...sp.task };
        let records: ReplicationRecord[];
        let note = '';
        if (seq !== undefined) {
          const res = await runSequential(ctx.executor, base, designs, {
            metrics: target,
            targetRelativePrecision: seq.precision,
            minReplications: seq.start,
            maxReplications: seq.max,
            onProgress: ctx.progress('replicating'),
          });
          records = res.records;
          ctx.reps = res.replications;
          note = res.met
            ? `precision target ${seq.precision} met for ${target.join(', ')} after ${res.replications} replications`
            : `precision target ${seq.precision} NOT met after the cap of ${res.replications} replications (worst ${worstPrecision(res.precision).toFixed(4)})`;
          if (!res.met) setExit(1);
        } else {
          records = await runReplications(ctx.executor, base, designs, ctx.reps, ctx.progress('replicating'));
        }
        const summary = summarise(records);
        const windowBlocks = sr.finish(records, designs, baseline, (r) => ctx.scenario.designs[r.design]);
        const others = designs.filter((d) => d !== baseline);
        const comparisons = new Map(others.map((o) => [o, compareDesigns(records, baseline, o)]));
        const groups = breakdown(ctx, records, designs, streamIds, baseline);
        let text: string;
        const format = args.format as ReportFormat;
        const shown = { summary, designs, metrics, comparisons, baseline, relevant, descriptions: METRICS };
        if (format === 'html') text = compareHtml(ctx, records, shown, groups, note);
        else if (args.format === 'csv') text = tidyCsv(records, metrics, csvParts(groups));
        else if (args.format === 'json') {
          text = toJson({
            scenario: ctx.scenario.name, file: args.scenario, designs, baseline, replications: ctx.reps, seed: ctx.seed,
            horizon_hours: ctx.horizon, warmup_hours: ctx.warmup, note: note || undefined,
            summary: Object.fromEntries(designs.map((d) => [d, Object.fromEntries(metrics.map((m) => [m, summary[d]?.[m]]))])),
            differences: Object.fromEntries(others.map((o) => [`${o}-${baseline}`, Object.fromEntries(metrics.map((m) => [m, comparisons.get(o)![m]]))])),
            ...jsonParts(groups, designs, baseline),
            ...compareExtras(records, shown),
            ...sr.json(records, designs, baseline),
          });
        } else {
          text = [
            `${ctx.scenario.name}: ${designs.join(' vs ')} (baseline ${baseline})`,
            describeRun(ctx) + (note ? `; ${note}` : ''),
            '',
            ...compareTableText(records, shown, args.anatomy === true),
            ...breakdownText(groups, designs, baseline),
            ...windowBlocks,
          ].join('\n');
        }
        emit(text, args.output);
      } finally {
        await ctx.close();
      }
    },
  };
}
