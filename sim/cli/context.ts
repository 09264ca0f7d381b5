// What every experiment command sets up: the scenario (loaded and checked), the
// experiment settings (flags over scenario defaults), the executor (in-process for
// one worker, else a thread pool), a pino logger on stderr and a progress bar. The
// logger, the bars and the experiment code load when a context is made, not when the
// CLI starts (`stroom validate` needs none of them).

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SingleBar } from 'cli-progress';
import type { Logger } from 'pino';
import type { Executor, TaskBase } from '../experiment/index.js';
import type { Scenario as LoadedScenario } from '../scenario/index.js';
import { UsageError } from './errors.js';
import { setInterruptHint, whileRunning } from './interrupt.js';
import { type CommonArgs, hoursArg, positiveInt, seedArg, workersArg } from './options.js';
import { checkOutputFile } from './output.js';
import { checkSizes } from './size-check.js';

export interface Context {
  file: string;
  scenario: LoadedScenario;
  reps: number;
  seed: number | string;
  horizon: number;
  warmup: number;
  warmupNote: string;
  workers: number;
  executor: Executor;
  log: Logger;
  progress: (label: string) => ((done: number, total: number) => void) | undefined;
  /** Checks the size of one replication of each design (and of a sweep point's scenario) before any work. */
  checkSize: (designs: readonly string[], scenario?: LoadedScenario) => void;
  /** What Ctrl-C adds to its message (a sweep: how to resume). */
  setInterruptHint: (text: string | undefined) => void;
  close: () => Promise<void>;
}

/** MSER-5 needs two batches of five weekly observations (sim/stats/warmup.ts). */
export const AUTO_WARMUP_MIN_WEEKS = 10;

// Compiled (dist/) or run from sources (tsx, vitest): the run module has the same extension as this file.
export const RUN_MODULE = fileURLToPath(new URL(`../node/run-spec.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));

/** A scenario argument: a path, or the name of a built-in scenario. */
export async function scenarioPath(arg: string): Promise<string> {
  const { listBuiltinScenarios, resolveScenarioPath } = await import('../node/scenario-files.js');
  const p = resolveScenarioPath(arg);
  if (existsSync(p)) return resolve(p);
  throw new UsageError(`scenario "${arg}": no such file, and not a built-in scenario (built-in: ${listBuiltinScenarios().join(', ')})`);
}

export async function makeContext(args: CommonArgs, opts: { designs?: string[] } = {}): Promise<Context> {
  // Flags first: a bad flag is reported before the (slow) scenario loader starts.
  const repsArg = positiveInt('reps', args.reps, 100_000);
  const seedFlag = seedArg(args.seed);
  const workers = workersArg(args.workers);
  const horizonArg = await hoursArg('horizon', args.horizon);
  if (horizonArg !== undefined && !(horizonArg > 0)) throw new UsageError('--horizon: must be longer than zero');
  const warmFlag = args.warmup === 'auto' ? 'auto' : await hoursArg('warmup', args.warmup);
  // Before any work, so that a bad -o is not found after every replication has run.
  if (args.output !== undefined) checkOutputFile(args.output);
  const { default: pino } = await import('pino');
  const log = pino({ level: args['log-level'] ?? 'warn', base: undefined }, pino.destination(2));
  const file = await scenarioPath(args.scenario);
  const { run: runModel, scenarioFor } = await import('../node/run-model.js');
  const scenario = scenarioFor(file);
  const x = scenario.experiment;
  for (const d of opts.designs ?? []) {
    if (!scenario.designs[d]) throw new UsageError(`design "${d}" is not in ${args.scenario}; designs: ${scenario.designOrder.join(', ')}`);
  }
  const reps = repsArg ?? x.replications;
  const seed = seedFlag ?? x.seed;
  const horizon = horizonArg ?? x.horizon;
  const warmArg = warmFlag ?? (x.warmup === 'auto' ? 'auto' : undefined);
  if (warmArg === 'auto' && horizon < AUTO_WARMUP_MIN_WEEKS * 40) {
    throw new UsageError(
      `${warmFlag === 'auto' ? '--warmup auto' : `warmup: auto (in ${args.scenario})`}: needs a horizon of at least ${AUTO_WARMUP_MIN_WEEKS} weeks (MSER-5 estimates from two batches of five weekly observations), got ${horizon / 40} weeks; give --horizon ${AUTO_WARMUP_MIN_WEEKS} or more, or a fixed --warmup`,
    );
  }
  // With --warmup auto, the pilots run without warm-up; the runs after them are checked again.
  let knownWarmup = typeof warmArg === 'number' ? warmArg : x.warmup === 'auto' || warmArg === 'auto' ? 0 : (x.warmup as number);
  const checkSize = (designs: readonly string[], s: LoadedScenario = scenario) => {
    checkSizes(args.scenario, s.designs, designs, { horizon, warmup: knownWarmup, trace: false });
  };
  checkSize(opts.designs ?? scenario.designOrder);
  const { createInlineExecutor } = await import('../experiment/index.js');
  const { default: cliProgress } = await import('cli-progress');
  const { createThreadPool } = await import('../node/pool.js');
  const { withResolvedModels } = await import('../node/resolved-executor.js');
  // Threads start on first use: a sweep sent to a queue may never run anything here.
  let local: Executor | undefined;
  const make = () => (local ??= workers === 1 ? createInlineExecutor(runModel) : withResolvedModels(createThreadPool({ workers, runModule: RUN_MODULE })));
  const executor: Executor = { run: (tasks, onProgress) => make().run(tasks, onProgress), close: async () => local?.close() };
  const showProgress = args.progress ?? Boolean(process.stderr.isTTY);
  // Bars hide the cursor; a Ctrl-C must stop them to show it again.
  const running = new Set<SingleBar>();
  const release = whileRunning(() => {
    for (const bar of running) bar.stop();
  });
  const progress = (label: string) => {
    if (!showProgress) return undefined;
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} replications | {duration_formatted}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return (done: number, total: number) => {
      if (!started) {
        bar.start(total, 0);
        running.add(bar);
        started = true;
      }
      bar.update(done);
      if (done >= total) {
        bar.stop();
        running.delete(bar);
      }
    };
  };
  const ctx: Context = {
    file, scenario, reps, seed, horizon, warmup: 0, warmupNote: '', workers, executor, log, progress, checkSize, setInterruptHint,
    close: async () => {
      for (const bar of running) bar.stop();
      release();
      await executor.close();
    },
  };
  if (warmArg === 'auto') {
    const design = opts.designs?.[0] ?? x.baseline;
    try {
      const est = await autoWarmup(ctx, design);
      ctx.warmup = est.hours;
      ctx.warmupNote = est.note;
      knownWarmup = est.hours;
      checkSize(opts.designs ?? scenario.designOrder);
    } catch (e) {
      await ctx.close();
      throw e;
    }
  } else {
    ctx.warmup = warmArg ?? (x.warmup as number);
    ctx.warmupNote = `${ctx.warmup / 40} weeks (given)`;
  }
  log.info({ file, reps, seed, horizon, warmup: ctx.warmup, workers }, 'experiment');
  return ctx;
}

/** Estimates the warm-up by MSER-5 on the weekly WIP and the slow variables (coverage, design backlog,
 *  managers' queues) of pilot replications without warm-up; the longest wins. */
async function autoWarmup(ctx: Context, design: string): Promise<{ hours: number; note: string }> {
  const { estimateWarmupMulti, replicationTasks, WARMUP_SERIES } = await import('../experiment/index.js');
  const base: TaskBase = { scenarioId: ctx.file, seed: ctx.seed, horizon: ctx.horizon, warmup: 0 };
  const pilots = Math.min(10, Math.max(5, ctx.reps));
  const tasks = replicationTasks(base, [design], pilots).map((t) => ({ ...t, replication: 1_000_000 + t.replication }));
  const results = await ctx.executor.run(tasks, ctx.progress('warm-up pilots'));
  const est = estimateWarmupMulti(results, WARMUP_SERIES, { hoursPerWeek: 40, weekLabels: 'end' });
  const weeks = Math.ceil(est.warmupWeeks);
  const note = `${weeks} weeks (MSER-5 on weekly ${WARMUP_SERIES.join(', ')} of ${pilots} pilot runs of ${design}; set by ${est.decisive}${est.reliable ? '' : `; unreliable: ${est.reasons.join('; ')}`})`;
  ctx.log.info({ warmupWeeks: weeks, reliable: est.reliable }, 'warm-up estimated');
  return { hours: weeks * 40, note };
}

export function describeRun(ctx: Context): string {
  return `${ctx.reps} replications on common random numbers, seed ${ctx.seed}, ${ctx.horizon / 40} weeks observed after a warm-up of ${ctx.warmupNote}`;
}
