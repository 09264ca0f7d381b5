// The timed part of the reps-1 / reps-2 cases (bench/cases/reps.ts), run by plain `node`
// on the compiled dist/: a bench case process runs under tsx's loader, and the
// in-process executor ran 6-10% slower there than in a plain process such as the CLI's
// (2026-12-06), which would flatter parallel_speedup.
//   node bench/lib/reps-plain.mjs <workers> <horizon hours> <replications per design>
//   -> {"perSec": ...} on stdout
// Before the timed batch (30 island replications, then 30 usm), every worker runs one untimed
// replication of each design: all workers island, then all usm (a batch of one task per
// idle worker puts one on each).

import { fileURLToPath } from 'node:url';

const dist = new URL('../../dist/', import.meta.url);
const { createInlineExecutor, replicationTasks } = await import(new URL('sim/experiment/index.js', dist).href);
const { createThreadPool } = await import(new URL('sim/node/pool.js', dist).href);
const { withResolvedModels } = await import(new URL('sim/node/resolved-executor.js', dist).href);
const { run: runModel } = await import(new URL('sim/node/run-model.js', dist).href);

const [workers, horizon, perDesign] = process.argv.slice(2, 5).map(Number);
if (![workers, horizon, perDesign].every((x) => Number.isInteger(x) && x > 0)) {
  process.stderr.write('usage: node bench/lib/reps-plain.mjs <workers> <horizon hours> <replications per design> (whole numbers > 0)\n');
  process.exit(2);
}
const file = fileURLToPath(new URL('../../scenarios/dpv.yaml', import.meta.url));
const base = { scenarioId: file, seed: 2026, horizon, warmup: 8 * 40 };
// All island replications, then all usm (replicationTasks orders by design).
const tasks = replicationTasks(base, ['island', 'usm'], perDesign);
// Warm-up replication indices, apart from the timed ones (0 .. perDesign-1).
const warmReps = Array.from({ length: workers }, (_, i) => 1000 + i);
const executor =
  workers === 1
    ? createInlineExecutor(runModel)
    : withResolvedModels(createThreadPool({ workers, runModule: new URL('sim/node/run-spec.js', dist) }));
for (const design of ['island', 'usm']) await executor.run(replicationTasks(base, [design], warmReps));
const t0 = performance.now();
await executor.run(tasks);
const seconds = (performance.now() - t0) / 1000;
await executor.close();
process.stdout.write(`${JSON.stringify({ perSec: tasks.length / seconds })}\n`);
