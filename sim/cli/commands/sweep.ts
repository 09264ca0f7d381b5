// `stroom sweep`: a grid (--set path=v1,v2,...) or a Latin hypercube (--range
// path=min:max with --samples) over any scenario path, replications x designs at every
// point, all on the same seeds (common random numbers across points and designs).
// Replications run on local threads or, with --queue, on `stroom worker`s anywhere;
// with a state file (-o or --state-dir) finished ones are kept, and --resume runs
// only what is missing. The output is the same byte for byte in every case.

import type { CommandModule } from 'yargs';
import type { DesignPoint, FactorRange, TaskBase } from '../../experiment/index.js';
import { makeContext } from '../context.js';
import { UsageError } from '../errors.js';
import { type CommonArgs, positiveInt, withCommon } from '../options.js';
import { checkOutputFolder, emit } from '../output.js';
import { listArg } from './compare.js';
import { parseScales, renameCsvHeader, SCALE_HELP } from '../scale-args.js';
import { withSeriesOptions, type SeriesArgs } from '../series-flags.js';

interface SweepArgs extends CommonArgs, SeriesArgs {
  set?: string[];
  scale?: string[];
  range?: string[];
  samples?: number;
  designs?: string;
  metrics?: string;
  queue?: string;
  'sweep-id'?: string;
  resume?: boolean;
  'state-dir'?: string;
  'redis-timeout'?: number;
  streams?: string | boolean;
}

/** Seconds to wait for Redis: a --redis-timeout value, checked. */
export function redisTimeoutArg(v: number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!(v > 0) || v > 3600) throw new UsageError(`--redis-timeout: expected seconds from 0 to 3600, got ${String(v)}`);
  return v;
}

/** A --queue value as a Redis target; malformed is bad input. */
export async function queueArg(v: string) {
  // yargs makes a list of a flag given twice; never echo the values (they hold passwords).
  if (typeof v !== 'string') throw new UsageError('--queue given more than once; give it once');
  const { parseRedisUrl, QueueUrlError } = await import('../../node/queue/redis-url.js');
  try {
    const target = parseRedisUrl(v);
    // A password in the URL shows in `ps` to every user of the machine; from the
    // environment it does not. The URL's own password wins when both are given.
    const fromEnv = process.env['STROOM_REDIS_PASSWORD'];
    if (target.password === undefined && fromEnv !== undefined && fromEnv !== '') target.password = fromEnv;
    return target;
  } catch (e) {
    throw e instanceof QueueUrlError ? new UsageError(e.message) : e;
  }
}

const note = (line: string) => process.stderr.write(`stroom: ${line}\n`);

const DEFAULT_METRICS = ['lead_time_mean', 'lead_time_p90', 'escalations_per_100', 'manager_design_share', 'manager_compensation_share', 'due_date_attainment'];

function scalar(text: string): unknown {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  return t;
}

export function parseSets(sets: string[]): Record<string, unknown[]> {
  const factors: Record<string, unknown[]> = Object.create(null) as Record<string, unknown[]>;
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0 || eq === s.length - 1) throw new UsageError(`--set "${s}": expected path=value1,value2,... e.g. designs.usm.policies.protectedDesignShare=0,0.1,0.2`);
    const path = s.slice(0, eq).trim();
    if (Object.hasOwn(factors, path)) throw new UsageError(`--set: path "${path}" given twice`);
    factors[path] = s.slice(eq + 1).split(',').map(scalar);
  }
  return factors;
}

/** One end of a --range: a number and, optionally, the unit it is in ("150/week", "150 per week"). */
function rangeEnd(text: string): { value: number; unit: string } | undefined {
  const m = /^\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(.*?)\s*$/i.exec(text);
  if (!m) return undefined;
  return { value: Number(m[1]), unit: m[2]!.replace(/\s+/g, ' ') };
}

/** A sampled value in the unit the range was given in, as the scenario loader reads quantities. */
export function withRangeUnit(x: number, unit: string): number | string {
  if (unit === '') return x;
  // Six significant digits keep the point readable; the value run is exactly this text.
  const v = String(Number(x.toPrecision(6)));
  return /^[/*]/.test(unit) ? `${v}${unit}` : `${v} ${unit}`;
}

/**
 * --range path=min:max[:int]. min and max may carry the unit of the field they set
 * ("150/week:250/week", or "150:250 per week" with the unit once, after max); the
 * sampled value is then passed on as that quantity. A plain number is what a plain
 * number is in a scenario file: hours for times, per hour for rates.
 */
export function parseRanges(ranges: string[]): { ranges: Record<string, FactorRange>; units: Record<string, string> } {
  const out: Record<string, FactorRange> = Object.create(null) as Record<string, FactorRange>;
  const units: Record<string, string> = {};
  const hint = 'expected path=min:max (add :int for whole numbers), with the unit of the field, e.g. organisation.streams[0].arrivals=150/week:250/week';
  for (const r of ranges) {
    const eq = r.indexOf('=');
    const parts = eq > 0 ? r.slice(eq + 1).split(':') : [];
    const integer = parts.length === 3 && parts[2]!.trim().toLowerCase() === 'int';
    if (eq <= 0 || !(parts.length === 2 || integer)) throw new UsageError(`--range "${r}": ${hint}`);
    const lo = rangeEnd(parts[0]!);
    const hi = rangeEnd(parts[1]!);
    if (lo === undefined || hi === undefined) throw new UsageError(`--range "${r}": ${hint}`);
    if (lo.unit !== '' && hi.unit !== '' && lo.unit !== hi.unit) throw new UsageError(`--range "${r}": min and max are in different units ("${lo.unit}", "${hi.unit}"); give both in the same unit`);
    const path = r.slice(0, eq).trim();
    if (Object.hasOwn(out, path)) throw new UsageError(`--range: path "${path}" given twice`);
    if (!(Number.isFinite(lo.value) && Number.isFinite(hi.value) && hi.value > lo.value)) throw new UsageError(`--range "${r}": need finite numbers with min < max`);
    out[path] = { min: lo.value, max: hi.value, ...(integer ? { integer: true } : {}) };
    units[path] = hi.unit || lo.unit;
  }
  return { ranges: out, units };
}

/** Latin hypercube points over --range (and --scale min:max) factors, each value in the unit its range was given in. */
function rangePoints(ranges: string[], samples: number, seed: number | string, latinHypercube: typeof import('../../experiment/index.js').latinHypercube, scaleRanges: Record<string, FactorRange> = {}): DesignPoint[] {
  const parsed = parseRanges(ranges);
  return latinHypercube({ ...parsed.ranges, ...scaleRanges }, samples, seed).map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, withRangeUnit(v as number, parsed.units[k] ?? '')])));
}

export function sweepCommand(_setExit: (code: number) => void): CommandModule<object, SweepArgs> {
  return {
    command: 'sweep <scenario>',
    describe: 'sweep scenario parameters (grid or Latin hypercube), replications x designs per point',
    builder: (y) =>
      withSeriesOptions(withCommon(y), { windows: false, window: false })
        .option('set', { type: 'string', array: true, describe: 'grid factor: path=v1,v2,... (repeatable)' })
        .option('range', { type: 'string', array: true, describe: 'Latin hypercube factor: path=min:max[:int] (repeatable; needs --samples); give the unit of the field ("150/week:250/week"): a plain number is in hours for times and per hour for rates' })
        .option('scale', { type: 'string', array: true, describe: `scale factor moving many parameters together: name=min:max (Latin hypercube, with --samples) or name=v1,v2 (grid); multipliers as 1.2, 1.2x or 120% (repeatable). ${SCALE_HELP}` })
        .option('samples', { type: 'number', describe: 'number of Latin hypercube points' })
        .option('designs', { alias: 'd', type: 'string', describe: 'designs at every point (default: all)' })
        .option('metrics', { alias: 'm', type: 'string', describe: `metrics in the table (default: ${DEFAULT_METRICS.join(',')}); CSV/JSON hold all` })
        .option('queue', { type: 'string', describe: 'run the replications on `stroom worker`s through Redis: redis://host:port (a password is best given in STROOM_REDIS_PASSWORD, which ps does not show)' })
        .option('sweep-id', { type: 'string', describe: 'name of the sweep on the queue and of its state file (default: a hash of its content)' })
        .option('resume', { type: 'boolean', describe: 'reuse the finished replications in the state file; run only what is missing' })
        .option('state-dir', { type: 'string', describe: 'keep finished replications in this folder (default: <output>.state.jsonl beside -o)' })
        .option('streams', { type: 'string', describe: 'value streams to report per stream, comma-separated (default: all; --no-streams for none)' })
        .option('redis-timeout', { type: 'number', describe: 'seconds to wait for Redis when connecting or after losing it (default 30; connecting at most 5)' })
        .example('$0 sweep dpv --scale arrivals=0.8:1.3 --samples 6 --reps 5 -f csv -o out/load.csv', 'every stream 0.8 to 1.3 times as busy; CSV column scale_arrivals [x]')
        .example('$0 sweep dpv --set designs.usm.policies.protectedDesignShare=0,0.15,0.3 --designs usm --reps 10', 'a grid over the protected design share')
        .example('$0 sweep dpv --range "organisation.streams[0].arrivals=150/week:250/week" --samples 8 -f csv -o out/lhs.csv', 'a Latin hypercube over the permits stream\'s arrivals, 150 to 250 a week')
        .example('$0 sweep dpv --set designs.usm.policies.protectedDesignShare=0,0.15,0.3 --designs usm --reps 5 --series out/s-weekly.csv', 'the weekly series of every point, design and replication, with a column per factor')
        .example('$0 sweep dpv --set designs.usm.policies.protectedDesignShare=0,0.15,0.3 -f csv -o out/s.csv --queue redis://10.0.0.5:6379', 'the same on workers anywhere (stroom worker --queue ...)') as never,
    handler: async (args) => {
      const sets = args.set ?? [];
      const ranges = args.range ?? [];
      const scales = parseScales(args.scale ?? []);
      const scaleGrid = Object.keys(scales.grid).length > 0;
      const scaleRange = Object.keys(scales.ranges).length > 0;
      if (sets.length === 0 && ranges.length === 0 && !scaleGrid && !scaleRange) throw new UsageError('sweep: give at least one --set path=v1,v2, --range path=min:max (with --samples) or --scale name=min:max');
      if ((sets.length > 0 || scaleGrid) && (ranges.length > 0 || scaleRange)) throw new UsageError('sweep: use either grid factors (--set, --scale name=v1,v2) or Latin hypercube ones (--range, --scale name=min:max), not both');
      if ((ranges.length > 0 || scaleRange) && args.samples === undefined) throw new UsageError(`${ranges.length > 0 ? '--range' : '--scale name=min:max'} needs --samples N`);
      const samples = positiveInt('samples', args.samples, 100_000);
      // The model and the experiment code load when the command runs, not at CLI start.
      const { grid, latinHypercube, replicationTasks, runSweep } = await import('../../experiment/index.js');
      const { METRIC_IDS } = await import('../../model/index.js');
      const { selectStreams } = await import('../report.js');
      const { sweepOutput } = await import('../sweep-report.js');
      const { seriesPlan } = await import('../series-options.js');
      const tableMetrics = listArg('metrics', args.metrics, METRIC_IDS) ?? DEFAULT_METRICS;
      const sweepId = args['sweep-id'];
      const { isValidSweepId } = await import('../../node/queue/keys.js');
      if (sweepId !== undefined && !isValidSweepId(sweepId)) throw new UsageError(`--sweep-id "${sweepId}": use 1 to 64 letters, digits, '.', '_' or '-'`);
      if (args.resume && args['state-dir'] === undefined && args.output === undefined) {
        throw new UsageError('--resume needs -o FILE or --state-dir DIR: that is where a sweep keeps its finished replications');
      }
      if (args['state-dir'] !== undefined) checkOutputFolder(args['state-dir'], '--state-dir');
      const sp = await seriesPlan(args);
      const giveUpMs = redisTimeoutArg(args['redis-timeout'], 30) * 1000;
      const target = args.queue !== undefined ? await queueArg(args.queue) : undefined;
      // Connect before loading the scenario: an unreachable server is reported within seconds.
      // (BullMQ is loaded only for queued sweeps.)
      const times = { connectMs: Math.min(giveUpMs, 5000), giveUpMs, failFast: true };
      const client = target !== undefined ? await (await import('../../node/queue/submit.js')).connectQueue(target, times) : undefined;
      let ctx;
      try {
        ctx = await makeContext(args);
      } catch (e) {
        client?.disconnect();
        throw e;
      }
      let plan: import('../../node/queue/sweep-plan.js').SweepPlan | undefined;
      try {
        const designs = listArg('designs', args.designs, ctx.scenario.designOrder) ?? [...ctx.scenario.designOrder];
        const points: DesignPoint[] = sets.length > 0 || scaleGrid ? grid({ ...parseSets(sets), ...scales.grid }) : rangePoints(ranges, samples!, ctx.seed, latinHypercube, scales.ranges);
        const streamIds = selectStreams(ctx, designs, args.streams);
        if (points.length > 10_000) throw new UsageError(`sweep: ${points.length} points is more than the 10000 allowed in one sweep`);
        // Load every point once here, so a bad path or value is reported before any run starts.
        const { scenarioFor } = await import('../../node/run-model.js');
        // Sizes too: a point may raise arrival rates.
        for (const p of points) ctx.checkSize(designs, scenarioFor(ctx.file, p));
        const sr = sp.resolve(ctx.horizon, ctx.warmup);
        const base: TaskBase = { scenarioId: ctx.file, seed: ctx.seed, horizon: ctx.horizon, warmup: ctx.warmup, ...sp.task };
        // The sweep's tasks as runSweep will make them, with models, to name the sweep and its state by content.
        const tasks = points.flatMap((point) => replicationTasks({ ...base, point }, designs, ctx.reps))
          .map((t) => ({ ...t, model: scenarioFor(ctx.file, t.point).designs[t.design] }));
        const { planSweep } = await import('../../node/queue/sweep-plan.js');
        plan = await planSweep({
          tasks, local: ctx.executor, parallelism: ctx.workers, resume: args.resume === true, note,
          ...(client !== undefined && target !== undefined ? { queue: { target, times, client } } : {}),
          ...(sweepId !== undefined ? { sweepId } : {}),
          ...(args['state-dir'] !== undefined ? { stateDir: args['state-dir'] } : {}),
          ...(args.output !== undefined ? { output: args.output } : {}),
        });
        ctx.setInterruptHint(
          plan.statePath !== undefined
            ? `finished replications are kept in ${plan.statePath}; run the same command with --resume to go on from there`
            : 'nothing was kept (with -o FILE or --state-dir DIR a sweep keeps its finished replications, and --resume goes on from them)',
        );
        let results;
        try {
          results = await runSweep(plan.executor, base, points, { designs, replications: ctx.reps, onProgress: ctx.progress('sweeping') });
        } catch (e) {
          throw await explainFailure(e, plan.statePath);
        }
        const keys = Object.keys(points[0] ?? {});
        sr.finish(results.flatMap((r) => r.records), designs, undefined, (r) => scenarioFor(ctx.file, r.point).designs[r.design], keys);
        const text = sweepOutput(args.format, ctx, results, { designs, keys, tableMetrics, streamIds, specFor: (p, d) => scenarioFor(ctx.file, p).designs[d] });
        emit(args.format === 'csv' ? renameCsvHeader(text, keys) : text, args.output);
      } finally {
        // A client that never reached planSweep still owns its connection.
        if (plan !== undefined) await plan.close();
        else client?.disconnect();
        await ctx.close();
      }
    },
  };
}

/** Bad input from the queue layer becomes a UsageError; a lost Redis says how to pick the sweep up again. */
async function explainFailure(e: unknown, statePath: string | undefined): Promise<unknown> {
  const { SweepIdError } = await import('../../node/queue/keys.js');
  const { RedisUnavailableError } = await import('../../node/queue/connect.js');
  if (e instanceof SweepIdError) return new UsageError(e.message);
  if (e instanceof RedisUnavailableError && statePath !== undefined) {
    return new RedisUnavailableError(`${e.message} (add --resume to also reuse those kept in ${statePath})`);
  }
  return e;
}
