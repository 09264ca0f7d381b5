// What `attribute` and `anatomy` run alike: the designs of --designs and --baseline,
// replicated on common random numbers. Imported by their handlers only (the flags
// are declared in design-options.ts).

import { runReplications, type ReplicationRecord, type TaskBase } from '../experiment/index.js';
import { makeContext, type Context } from './context.js';
import type { DesignArgs } from './design-options.js';
import { UsageError } from './errors.js';
import { listArg } from './commands/compare.js';

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
