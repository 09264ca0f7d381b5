// The RunFn the worker threads load: it simulates the model shipped with the task
// (see resolved-executor.ts) and imports nothing of the scenario loader, so a worker
// starts without parsing YAML, evaluating units or compiling schemas.

import type { RunResult, RunTask } from '../experiment/index.js';
import { simulate, toRunResult, type ModelSpec } from '../model/index.js';

export function run(task: RunTask): RunResult {
  const spec = task.model as ModelSpec | undefined;
  if (spec === undefined) throw new Error(`task for design "${task.design}" of ${task.scenarioId} carries no model; wrap the executor with withResolvedModels`);
  const r = simulate(spec, { seed: task.seed, replication: task.replication, horizon: task.horizon, warmup: task.warmup, weekly: task.series === true });
  return toRunResult(r);
}

export default run;
