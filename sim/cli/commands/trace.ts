// `stroom trace`: one run of one design with its event trace and weekly series, written
// as a trace file for the viewer (format: sim/model/trace-file.ts, README "Trace files").

import { basename } from 'node:path';
import type { CommandModule } from 'yargs';
import { simulate, toTraceFile } from '../../model/index.js';
import { scenarioPath } from '../context.js';
import { UsageError } from '../errors.js';
import { hoursArg, seedArg } from '../options.js';
import { emit } from '../output.js';

interface TraceArgs {
  scenario: string;
  design?: string;
  seed?: string;
  replication: number;
  horizon?: string;
  warmup?: string;
  output?: string;
}

export function traceCommand(_setExit: (code: number) => void): CommandModule<object, TraceArgs> {
  return {
    command: 'trace <scenario>',
    describe: "write one run's event trace and weekly series for the viewer",
    builder: (y) =>
      y
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file or built-in name' })
        .option('design', { alias: 'd', type: 'string', describe: 'design (default: the baseline)' })
        .option('seed', { alias: 's', type: 'string', describe: 'master seed (default: the scenario\'s)' })
        .option('replication', { type: 'number', default: 0, describe: 'replication index: the same numbers as replication N of compare' })
        .option('horizon', { type: 'string', describe: 'observed length after warm-up ("52 weeks" or weeks)' })
        .option('warmup', { type: 'string', describe: 'warm-up length' })
        .option('output', { alias: 'o', type: 'string', describe: 'trace file to write (default: <scenario>-<design>-<seed>.trace.json)' })
        .example('$0 trace dpv --design island -o island.trace.json', 'a year of the island design for the viewer')
        .example('$0 trace dpv --design usm --seed 7 -o usm.trace.json', 'the USM design on another seed') as never,
    handler: async (args) => {
      if (!Number.isInteger(args.replication) || args.replication < 0) throw new UsageError(`--replication: expected a whole number >= 0, got ${args.replication}`);
      const seedFlag = seedArg(args.seed);
      const horizonFlag = await hoursArg('horizon', args.horizon);
      const warmFlag = await hoursArg('warmup', args.warmup === 'auto' ? undefined : args.warmup);
      const file = await scenarioPath(args.scenario);
      const { scenarioFor } = await import('../../node/run-model.js');
      const s = scenarioFor(file);
      const design = args.design ?? s.experiment.baseline;
      const spec = s.designs[design];
      if (!spec) throw new UsageError(`--design: "${design}" is not in ${args.scenario}; designs: ${s.designOrder.join(', ')}`);
      const seed = seedFlag ?? s.experiment.seed;
      const horizon = horizonFlag ?? s.experiment.horizon;
      const warmup = warmFlag ?? (typeof s.experiment.warmup === 'number' ? s.experiment.warmup : 0);
      const result = simulate(spec, { seed, replication: args.replication, horizon, warmup, trace: true });
      const out = args.output ?? `${basename(file).replace(/\.ya?ml$/, '')}-${design}-${seed}.trace.json`;
      const trace = toTraceFile(spec, result, { scenario: s.name, design, seed, replication: args.replication, horizon, warmup });
      emit(JSON.stringify(trace), out);
      process.stderr.write(`wrote ${out}: ${trace.events.time.length} events, ${trace.series.week!.length} weeks\n`);
    },
  };
}
