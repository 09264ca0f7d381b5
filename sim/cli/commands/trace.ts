// `stroom trace`: one run of one design with its event trace and weekly series, written
// as a trace file for the viewer (format: sim/model/trace-file.ts, README "Trace files").
// The output and the run's size are checked before the run; the file is streamed
// (sim/node/trace-writer.ts), so it never exists as one string.

import { basename } from 'node:path';
import type { CommandModule } from 'yargs';
import { formatBytes, formatCount } from '../../model/size.js';
import { scenarioPath } from '../context.js';
import { UsageError } from '../errors.js';
import { hoursArg, refuseRepeated, seedArg } from '../options.js';
import { checkOutputFile } from '../output.js';
import { checkSizes } from '../size-check.js';

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
        .example('$0 trace dpv --design usm --seed 7 -o usm.trace.json', 'the USM design on another seed')
        .middleware(refuseRepeated([])) as never,
    handler: async (args) => {
      if (!Number.isInteger(args.replication) || args.replication < 0) throw new UsageError(`--replication: expected a whole number >= 0, got ${args.replication}`);
      const seedFlag = seedArg(args.seed);
      const horizonFlag = await hoursArg('horizon', args.horizon);
      if (horizonFlag !== undefined && !(horizonFlag > 0)) throw new UsageError('--horizon: must be longer than zero');
      if (args.warmup === 'auto') throw new UsageError('--warmup auto: a trace is one run, with nothing to estimate from; give a length such as 8 (weeks), or estimate it with `stroom run --warmup auto`');
      const warmFlag = await hoursArg('warmup', args.warmup);
      if (args.output !== undefined) checkOutputFile(args.output);
      const file = await scenarioPath(args.scenario);
      const { scenarioFor } = await import('../../node/run-model.js');
      const s = scenarioFor(file);
      const design = args.design ?? s.experiment.baseline;
      const spec = s.designs[design];
      if (!spec) throw new UsageError(`--design: "${design}" is not in ${args.scenario}; designs: ${s.designOrder.join(', ')}`);
      const seed = seedFlag ?? s.experiment.seed;
      const horizon = horizonFlag ?? s.experiment.horizon;
      const warmup = warmFlag ?? (typeof s.experiment.warmup === 'number' ? s.experiment.warmup : 0);
      const out = args.output ?? `${basename(file).replace(/\.ya?ml$/, '')}-${design}-${seed}.trace.json`;
      if (args.output === undefined) checkOutputFile(out);
      const size = checkSizes(args.scenario, s.designs, [design], { horizon, warmup, trace: true })!;
      process.stderr.write(`tracing ${design}: ${size.weeks} weeks, about ${formatCount(size.traceEvents)} events (${formatBytes(size.traceBytes)})\n`);
      const { simulate } = await import('../../model/index.js'); // the model loads only when a trace is run
      const result = simulate(spec, { seed, replication: args.replication, horizon, warmup, trace: true });
      const { writeTraceFile } = await import('../../node/trace-writer.js');
      const written = writeTraceFile(out, spec, result, { scenario: s.name, design, seed, replication: args.replication, horizon, warmup });
      process.stderr.write(`wrote ${out}: ${written.events} events, ${written.weeks} weeks\n`);
    },
  };
}
