// `stroom run`: replications of one design, each metric's mean ± 95% half-width.

import type { CommandModule } from 'yargs';
import type { TaskBase } from '../../experiment/index.js';
import { describeRun, makeContext } from '../context.js';
import { UsageError } from '../errors.js';
import { summaryTable, tidyCsv, toJson } from '../format.js';
import { type CommonArgs, withCommon } from '../options.js';
import { emit } from '../output.js';
import { listArg } from './compare.js';
import { withSeriesOptions, type SeriesArgs } from '../series-flags.js';

interface RunArgs extends CommonArgs, SeriesArgs {
  design?: string;
  metrics?: string;
  streams?: string | boolean;
}

export function runCommand(_setExit: (code: number) => void): CommandModule<object, RunArgs> {
  return {
    command: 'run <scenario>',
    describe: 'replicate one design and report every metric with its 95% interval',
    builder: (y) =>
      withSeriesOptions(withCommon(y), { windows: true, window: true })
        .option('design', { alias: 'd', type: 'string', describe: 'design to run (default: the scenario\'s baseline)' })
        .option('metrics', { alias: 'm', type: 'string', describe: 'metrics to show, comma-separated (default: all)' })
        .option('streams', { type: 'string', describe: 'value streams to report per stream, comma-separated (default: all; --no-streams for none)' })
        .example('$0 run dpv --design usm --reps 10', 'ten replications of the USM design on DPV')
        .example('$0 run scenarios/middenstad.yaml -f json -o out/run.json', 'all metrics as JSON')
        .example('$0 run dpv --reps 10 --series out/weekly.csv --windows 4', 'every weekly series to a tidy CSV, and the observed year in four windows of means ± 95% half-widths') as never,
    handler: async (args) => {
      // The model and the experiment code load when the command runs, not at CLI start.
      const { runReplications, summarise } = await import('../../experiment/index.js');
      const { METRICS, METRIC_IDS } = await import('../../model/index.js');
      const { breakdown, breakdownText, csvParts, jsonParts, selectStreams } = await import('../report.js');
      const { seriesPlan } = await import('../series-options.js');
      const metrics = listArg('metrics', args.metrics, METRIC_IDS) ?? [...METRIC_IDS];
      const sp = await seriesPlan(args);
      const ctx = await makeContext(args, args.design ? { designs: [args.design] } : {});
      try {
        const design = args.design ?? ctx.scenario.experiment.baseline;
        if (!ctx.scenario.designs[design]) throw new UsageError(`--design: "${design}" is not in the scenario; designs: ${ctx.scenario.designOrder.join(', ')}`);
        const streamIds = selectStreams(ctx, [design], args.streams);
        const sr = sp.resolve(ctx.horizon, ctx.warmup);
        const base: TaskBase = { scenarioId: ctx.file, seed: ctx.seed, horizon: ctx.horizon, warmup: ctx.warmup, ...sp.task };
        const records = await runReplications(ctx.executor, base, [design], ctx.reps, ctx.progress('replicating'));
        const summary = summarise(records);
        const windowBlocks = sr.finish(records, [design], undefined, (r) => ctx.scenario.designs[r.design]);
        const groups = breakdown(ctx, records, [design], streamIds);
        let text: string;
        if (args.format === 'csv') text = tidyCsv(records, metrics, csvParts(groups));
        else if (args.format === 'json') {
          const parts = jsonParts(groups, [design]);
          text = toJson({
            scenario: ctx.scenario.name, design, replications: ctx.reps, seed: ctx.seed, horizon_hours: ctx.horizon, warmup_hours: ctx.warmup,
            summary: summary[design],
            streams: Object.fromEntries(Object.entries(parts['streams'] as Record<string, { summary: Record<string, unknown> }>).map(([id, s]) => [id, s.summary[design]])),
            teams: Object.fromEntries(Object.entries(parts['teams'] as Record<string, { summary: Record<string, unknown> }>).map(([id, s]) => [id, s.summary[design]])),
            diagnostics: groups.diagnostics[design] ?? [],
            ...sr.json(records, [design], undefined),
          });
        } else {
          text = [
            `${ctx.scenario.name}: design ${design}`,
            describeRun(ctx),
            '',
            summaryTable(summary, [design], metrics, undefined, undefined, METRICS),
            ...breakdownText(groups, [design]),
            ...windowBlocks,
            '',
            'mean ± half-width of the 95% t-interval across replications; NA: no replication had a value; (n=7 of 10): 3 replications had none.',
          ].join('\n');
        }
        emit(text, args.output);
      } finally {
        await ctx.close();
      }
    },
  };
}
