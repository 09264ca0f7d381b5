// Replications per second of DPV years (52 weeks after 8 weeks of warm-up, island and USM
// alternating) through the CLI's executors: in-process for one worker, the piscina thread
// pool (with models resolved in the main thread) for two. Before the timed batch every
// worker runs one untimed replication of each design (all workers island, then all usm:
// a batch of one task per idle worker puts one on each), so thread start-up and JIT
// warm-up are not counted for either executor; `parallel_speedup` is then the ratio of
// the two steady-state rates. (Until 2026-12-06 the warm-up was two tasks in all: the
// in-process executor saw both designs, each pool thread only one, and met the other
// cold inside the timed batch; that cost the 2-worker figure about 10%.) Executors and
// model are the compiled ones in dist/, as the CLI runs them (bench/lib/dist.ts).

import { fileURLToPath } from 'node:url';
import type { Executor, RunTask } from '../../sim/experiment/index.js';
import { distUrl, importDist } from '../lib/dist.js';
import type { CaseContext, CaseOutput } from '../lib/types.js';

type Experiment = typeof import('../../sim/experiment/index.js');
type Pool = typeof import('../../sim/node/pool.js');
type Resolved = typeof import('../../sim/node/resolved-executor.js');
type RunModel = typeof import('../../sim/node/run-model.js');

async function rate(executor: Executor, tasks: RunTask[], warm: RunTask[][]): Promise<number> {
  for (const batch of warm) await executor.run(batch);
  const t0 = performance.now();
  await executor.run(tasks);
  const seconds = (performance.now() - t0) / 1000;
  await executor.close();
  return tasks.length / seconds;
}

export async function run(ctx: CaseContext): Promise<CaseOutput> {
  const { createInlineExecutor, replicationTasks } = await importDist<Experiment>('sim/experiment/index.js');
  const { createThreadPool } = await importDist<Pool>('sim/node/pool.js');
  const { withResolvedModels } = await importDist<Resolved>('sim/node/resolved-executor.js');
  const { run: runModel } = await importDist<RunModel>('sim/node/run-model.js');
  const runSpec = distUrl('sim/node/run-spec.js');
  const workers = Number(ctx.params.workers ?? 1);
  const file = fileURLToPath(new URL('../../scenarios/dpv.yaml', import.meta.url));
  const horizon = Math.max(1, Math.round(52 * ctx.scale)) * 40;
  const base = { scenarioId: file, seed: 2026, horizon, warmup: 8 * 40 };
  const tasks = replicationTasks(base, ['island', 'usm'], 6);
  const seeds = Array.from({ length: workers }, (_, i) => 1000 + i);
  const warm = ['island', 'usm'].map((design) => replicationTasks(base, [design], seeds));
  const executor = workers === 1 ? createInlineExecutor(runModel) : withResolvedModels(createThreadPool({ workers, runModule: runSpec }));
  const perSec = await rate(executor, tasks, warm);
  return { figures: { [workers === 1 ? 'reps_per_sec_1_worker' : `reps_per_sec_${workers}_workers`]: perSec } };
}
