// `stroom tipping`: per design, the load at which the organisation tips into
// firefighting or can no longer keep up, found by a replicated grid-and-bisection
// search over a scale factor (experiment/tipping.ts); with --hysteresis also a ramp of
// the load up and back down within each run, and whether each design recovers
// (experiment/hysteresis.ts).

import type { CommandModule } from 'yargs';
import { isScaleName, SCALE_NAMES, type ScaleName } from '../../experiment/scale.js';
import { makeContext } from '../context.js';
import { UsageError } from '../errors.js';
import { type CommonArgs, withCommon } from '../options.js';
import { emit } from '../output.js';
import { multiplier, SCALE_HELP } from '../scale-args.js';
import { TIPPING_CRITERION } from '../tipping-criterion.js';
import { listArg } from './compare.js';

interface TippingArgs extends Omit<CommonArgs, 'format'> {
  format: 'table' | 'csv' | 'json' | 'html';
  factor?: string;
  range?: string;
  grid?: number;
  refine?: number;
  designs?: string;
  hysteresis?: boolean;
}

/** Most replications one tipping command may run (designs x reps x loads). */
export const TIPPING_MAX_RUNS = 20_000;

function intArg(name: string, v: number | undefined, min: number, max: number, fallback: number): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got ${String(v)}`);
  return v;
}

/** --range lo:hi as multipliers (1.2, 1.2x, 120%). */
export function loadRange(v: unknown): { lo: number; hi: number } {
  if (v === undefined) return { lo: 0.8, hi: 2 };
  const hint = 'expected min:max multipliers of the factor, e.g. 0.8:2, 0.8x:2x or 80%:200%';
  if (typeof v !== 'string') throw new UsageError(`--range given more than once; give it once (${hint})`);
  const parts = v.split(':');
  const lo = parts.length === 2 ? multiplier(parts[0]!) : undefined;
  const hi = parts.length === 2 ? multiplier(parts[1]!) : undefined;
  if (lo === undefined || hi === undefined) throw new UsageError(`--range "${v}": ${hint}, each > 0`);
  if (!(hi > lo)) throw new UsageError(`--range "${v}": need min < max`);
  if (hi > 100) throw new UsageError(`--range "${v}": at most 100x`);
  return { lo, hi };
}

export function tippingCommand(_setExit: (code: number) => void): CommandModule<object, TippingArgs> {
  return {
    command: 'tipping <scenario>',
    describe: 'per design, the load at which the organisation tips into firefighting (replicated search over a scale factor)',
    builder: (y) =>
      withCommon(y)
        // yargs appends to the choices withCommon gave: name only the added one.
        .option('format', { choices: ['html'] as const, describe: 'output format (html: a self-contained report with charts)' })
        .option('factor', { type: 'string', describe: `the scale factor searched over (default arrivals): ${SCALE_HELP}` })
        .option('range', { type: 'string', describe: 'the factor\'s range, min:max multipliers of the scenario\'s values (default 0.8:2)' })
        .option('grid', { type: 'number', describe: 'loads on the first grid, min and max included (default 7, 2 to 50)' })
        .option('refine', { type: 'number', describe: 'bisection rounds on the bracket after the grid (default 3, 0 to 10)' })
        .option('designs', { alias: 'd', type: 'string', describe: 'designs to search (default: all)' })
        .option('hysteresis', { type: 'boolean', describe: 'also run each design with the arrivals ramped from min up to max and back down within the run, and report whether and when it recovers' })
        .epilogue(`Criterion: ${TIPPING_CRITERION}. The search runs every design at each load of the grid with the same replications (common random numbers), then halves the bracket between the highest load not tipped and the lowest tipped load --refine times; the interval reported is that bracket.`)
        .example('$0 tipping dpv --reps 5 --horizon 26 --grid 5 --refine 2', 'where island and usm tip as arrivals grow from 0.8x to 2x')
        .example('$0 tipping dpv --factor service --range 1:1.8 -f html -o out/tipping.html', 'the same over longer service times, as an HTML report')
        .example('$0 tipping dpv --hysteresis --range 1:1.5 --horizon 52 -f json', 'ramp arrivals to 1.5x and back; does each design recover?') as never,
    handler: async (args) => {
      const factorName = args.factor ?? 'arrivals';
      if (!isScaleName(factorName)) throw new UsageError(`--factor "${factorName}": unknown factor; valid: ${SCALE_NAMES.join(', ')}`);
      const factor: ScaleName = factorName;
      const { lo, hi } = loadRange(args.range);
      const grid = intArg('grid', args.grid, 2, 50, 7);
      const refine = intArg('refine', args.refine, 0, 10, 3);
      if (args.hysteresis && factor !== 'arrivals') throw new UsageError('--hysteresis ramps the arrivals: use it with --factor arrivals (the default)');
      // The model and the experiment code load when the command runs, not at CLI start.
      const { WEEK_HOURS } = await import('../../model/index.js');
      const { tippingOutput } = await import('../tipping-report.js');
      const ctx = await makeContext(args as unknown as CommonArgs);
      try {
        const designs = listArg('designs', args.designs, ctx.scenario.designOrder) ?? [...ctx.scenario.designOrder];
        const runs = designs.length * ctx.reps * (grid + refine + (args.hysteresis ? 1 : 0));
        if (runs > TIPPING_MAX_RUNS) {
          throw new UsageError(`tipping: ${designs.length} designs x ${ctx.reps} replications x ${grid + refine}${args.hysteresis ? ' + 1' : ''} loads is ${runs} runs, more than the ${TIPPING_MAX_RUNS} allowed; lower --reps, --grid or --refine`);
        }
        if (args.hysteresis && ctx.horizon < 8 * WEEK_HOURS) throw new UsageError('--hysteresis: needs a horizon of at least 8 weeks (four phases of the ramp)');
        // The largest load first: a run too big to simulate is refused before any work.
        const { scenarioFor } = await import('../../node/run-model.js');
        ctx.checkSize(designs, scenarioFor(ctx.file, { [`scale:${factor}`]: hi }));
        const base = { scenarioId: ctx.file, seed: ctx.seed, horizon: ctx.horizon, warmup: ctx.warmup };
        const { searchTipping } = await import('../../experiment/tipping.js');
        const results = await searchTipping(ctx.executor, base, designs, {
          factor, lo, hi, grid, refine, replications: ctx.reps, warmupWeeks: ctx.warmup / WEEK_HOURS, onRound: ctx.progress,
        });
        let hysteresis;
        if (args.hysteresis) {
          const { runHysteresis } = await import('../../experiment/hysteresis.js');
          hysteresis = await runHysteresis(ctx.executor, base, designs, { lo, hi, replications: ctx.reps, onProgress: ctx.progress('hysteresis') });
        }
        emit(tippingOutput(args.format, ctx, { factor, lo, hi, grid, refine, results, ...(hysteresis ? { hysteresis } : {}) }), args.output);
      } finally {
        await ctx.close();
      }
    },
  };
}
