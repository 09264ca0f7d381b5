// `stroom demo`: the engine against queueing theory, M/M/c at a few loads, theory
// printed beside the simulation (a quick check that the engine is sound).

import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { plusMinus, sig, table } from '../format.js';
import { positiveInt, refuseRepeated } from '../options.js';

export function demoCommand(_setExit: (code: number) => void): CommandModule<object, { reps: number }> {
  return {
    command: 'demo',
    describe: 'M/M/c stations on the engine, theory beside simulation',
    builder: (y) =>
      y
        .option('reps', { type: 'number', default: 10, describe: 'replications per station (2 to 1000: an interval needs two)' })
        .example('$0 demo', 'run the demo')
        .middleware(refuseRepeated([])) as never,
    handler: async (args) => {
      const reps = positiveInt('reps', args.reps, 1000)!;
      if (reps < 2) throw new UsageError('--reps: expected a whole number from 2 to 1000 (a confidence interval needs two replications), got 1');
      // The engine and the statistics load when the demo runs, not at CLI start.
      const { mmc, simulateStation } = await import('../../queueing/index.js');
      const { Exponential } = await import('../../random/index.js');
      const { confidenceInterval } = await import('../../stats/index.js');
      const rows: string[][] = [];
      for (const [lambda, c] of [[0.5, 1], [0.9, 1], [2.4, 3], [8.5, 10]] as const) {
        const th = mmc(lambda, 1, c);
        const waits = Array.from({ length: reps }, (_, r) =>
          simulateStation({ interarrival: new Exponential(1 / lambda), service: new Exponential(1), servers: c, horizon: 50_000, warmup: 500, seed: 1, replication: r }).meanWait,
        );
        const ci = confidenceInterval(waits);
        rows.push([`M/M/${c} rho=${sig(lambda / c, 2)}`, sig(th.wait), plusMinus(ci.mean, ci.halfWidth), ci.lower <= th.wait && th.wait <= ci.upper ? 'yes' : 'NO']);
      }
      process.stdout.write(`${table(rows, ['station', 'Wq theory (h)', `Wq simulated (${reps} reps, 95%)`, 'covered'])}\n`);
    },
  };
}
