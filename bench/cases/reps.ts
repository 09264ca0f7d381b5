// Replications per second of DPV years (52 weeks after 8 weeks of warm-up, island and USM
// alternating) through the CLI's executors: in-process for one worker, the piscina thread
// pool (with models resolved in the main thread) for two. Each executor first runs one
// untimed replication per worker, so thread start-up and JIT warm-up are not counted;
// `parallel_speedup` is then the ratio of the two steady-state rates.

import { fileURLToPath } from 'node:url';
import { createInlineExecutor, replicationTasks, type Executor, type RunTask } from '../../sim/experiment/index.js';
import { createThreadPool } from '../../sim/node/pool.js';
import { withResolvedModels } from '../../sim/node/resolved-executor.js';
import { run as runModel } from '../../sim/node/run-model.js';
import type { CaseContext, CaseOutput } from '../lib/types.js';

const RUN_SPEC = fileURLToPath(new URL('../../sim/node/run-spec.ts', import.meta.url));

async function rate(executor: Executor, tasks: RunTask[], warm: RunTask[]): Promise<number> {
  await executor.run(warm);
  const t0 = performance.now();
  await executor.run(tasks);
  const seconds = (performance.now() - t0) / 1000;
  await executor.close();
  return tasks.length / seconds;
}

export async function run(ctx: CaseContext): Promise<CaseOutput> {
  const workers = Number(ctx.params.workers ?? 1);
  const file = fileURLToPath(new URL('../../scenarios/dpv.yaml', import.meta.url));
  const horizon = Math.max(1, Math.round(52 * ctx.scale)) * 40;
  const base = { scenarioId: file, seed: 2026, horizon, warmup: 8 * 40 };
  const tasks = replicationTasks(base, ['island', 'usm'], 6);
  const warm = replicationTasks(base, ['island', 'usm'], [1000, 1001]).slice(0, Math.max(2, workers));
  const executor = workers === 1 ? createInlineExecutor(runModel) : withResolvedModels(createThreadPool({ workers, runModule: RUN_SPEC }));
  const perSec = await rate(executor, tasks, warm);
  return { figures: { [workers === 1 ? 'reps_per_sec_1_worker' : `reps_per_sec_${workers}_workers`]: perSec } };
}
