// The RunFn of queue workers' threads: the same simulate() call as run-spec.ts (so a
// replication gives the same numbers on a worker as in a local sweep), plus the event
// budget the worker computed for the job (job-check.ts): a model that fires far more
// events than its rates suggest fails with RunBudgetError instead of running on.

import type { RunResult, RunTask } from '../../experiment/types.js';
import { simulate } from '../../model/simulate.js';
import { toRunResult } from '../../model/run-record.js';
import type { ModelSpec } from '../../model/spec.js';

/** A task as the worker sends it to a thread: checked model attached, budget set. */
export interface BudgetedTask extends RunTask {
  maxEvents: number;
}

export function run(task: RunTask): RunResult {
  const { model, maxEvents } = task as BudgetedTask;
  if (model === undefined || !(maxEvents > 0)) throw new Error('queue job: the worker sent no model or no event budget');
  const r = simulate(model as ModelSpec, { seed: task.seed, replication: task.replication, horizon: task.horizon, warmup: task.warmup, maxEvents, weekly: task.series === true });
  return toRunResult(r);
}

export default run;
