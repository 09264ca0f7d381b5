// What `attribute` and `anatomy` share with `compare`: the designs to run (--designs,
// --baseline), the replications on common random numbers, and the `-f html` choice,
// which commands with an HTML report add to the common formats.

import type { Argv } from 'yargs';
import { runReplications, type ReplicationRecord, type TaskBase } from '../experiment/index.js';
import { makeContext, type Context } from './context.js';
import { UsageError } from './errors.js';
import type { CommonArgs } from './options.js';
import { listArg } from './commands/compare.js';

/** A command's format, html included where the command offers it. */
export type ReportFormat = CommonArgs['format'] | 'html';

/** Adds `html` to the common `--format` choices (yargs adds to a key's choices). */
export function withHtml<T>(y: Argv<T>): Argv<T> {
  return y.choices('format', ['html']) as Argv<T>;
}

export interface DesignArgs extends CommonArgs {
  designs?: string;
  baseline?: string;
}

export const designOptions = <T>(y: Argv<T>) =>
  y
    .option('designs', { alias: 'd', type: 'string', describe: 'designs, comma-separated (default: all of the scenario)' })
    .option('baseline', { alias: 'b', type: 'string', describe: "design the others are compared with (default: the scenario's)" });

export interface DesignRun {
  ctx: Context;
  designs: string[];
  baseline: string;
  others: string[];
  records: ReplicationRecord[];
}

/** Loads the scenario, checks --designs and --baseline, runs the replications. The caller closes ctx. */
export async function runDesigns(args: DesignArgs): Promise<DesignRun> {
  const ctx = await makeContext(args);
  try {
    const designs = listArg('designs', args.designs, ctx.scenario.designOrder) ?? [...ctx.scenario.designOrder];
    const baseline = args.baseline ?? (designs.includes(ctx.scenario.experiment.baseline) ? ctx.scenario.experiment.baseline : designs[0]!);
    if (!designs.includes(baseline)) throw new UsageError(`--baseline: "${baseline}" is not among the designs (${designs.join(', ')})`);
    const base: TaskBase = { scenarioId: ctx.file, seed: ctx.seed, horizon: ctx.horizon, warmup: ctx.warmup };
    const records = await runReplications(ctx.executor, base, designs, ctx.reps, ctx.progress('replicating'));
    return { ctx, designs, baseline, others: designs.filter((d) => d !== baseline), records };
  } catch (e) {
    await ctx.close();
    throw e;
  }
}
