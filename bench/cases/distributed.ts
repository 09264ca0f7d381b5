// What a sweep pays for going through the Redis queue instead of local threads:
// the same DPV-year replications (52 weeks observed after an 8-week warm-up) once on
// the local thread pool with 2 threads, once through a private redis-server with two
// `stroom worker` processes of 1 thread each, as `stroom sweep --queue` runs them.
//
//   distributed_overhead = (s per replication via the queue) / (s per replication locally)
//
// Goal <= 1.15: the queue's cost (submitting, a poll every 250 ms, results through
// Redis) must stay small next to replications of seconds. Timed from handing the
// tasks over to having every result. Both arms are warmed up first with two short
// replications each (threads started, model code loaded and compiled), as the
// workers of a long sweep are; both must give identical metrics.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replicationTasks, type RunResult, type RunTask } from '../../sim/experiment/index.js';
import { createThreadPool } from '../../sim/node/pool.js';
import { connectQueue, createQueueExecutor } from '../../sim/node/queue/submit.js';
import { parseRedisUrl } from '../../sim/node/queue/redis-url.js';
import { scenarioFor } from '../../sim/node/run-model.js';
import { resolveScenarioPath } from '../../sim/node/scenario-files.js';
import { type CaseContext, type CaseOutput, Unavailable, numParam } from '../lib/types.js';
import { findRedisServer, MISSING, type RedisServer, startRedis } from '../../test/queue/helpers/redis.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUN_SPEC = join(ROOT, 'sim', 'node', 'run-spec.ts');
const ENTRY = join(ROOT, 'sim', 'cli', 'entry.ts');
const WEEK = 40;

/** A private redis-server on 127.0.0.1 (the queue tests' own helper: same binary lookup, free port, no persistence). */
async function privateRedis(): Promise<RedisServer> {
  if (findRedisServer() === undefined) throw new Unavailable(MISSING);
  return startRedis();
}

/** A `stroom worker` (from the sources, like the local pool here) once it takes jobs. */
function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'worker', '--queue', url, '--workers', '1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      if (err.includes('taking jobs')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`stroom worker exited (${code}) before taking jobs: ${err.trim()}`)));
  });
}

async function timed(f: () => Promise<RunResult[]>): Promise<{ seconds: number; results: RunResult[] }> {
  const t0 = performance.now();
  const results = await f();
  return { seconds: (performance.now() - t0) / 1000, results };
}

export async function run(ctx: CaseContext): Promise<CaseOutput> {
  const reps = Math.max(2, Math.round(numParam(ctx, 'reps') * ctx.scale));
  const file = resolveScenarioPath('dpv');
  const scenario = scenarioFor(file);
  const design = scenario.experiment.baseline;
  // The scale shortens runs for smoke tests only; the figure is meant for DPV years.
  const horizon = Math.max(4, Math.round(52 * Math.min(1, ctx.scale))) * WEEK;
  const base = { scenarioId: file, seed: scenario.experiment.seed, horizon, warmup: 8 * WEEK };
  const tasks: RunTask[] = replicationTasks(base, [design], reps).map((t) => ({ ...t, model: scenario.designs[design] }));
  // Other replication indices than the timed ones, so the queue cannot serve timed tasks from Redis
  // (and inside the range a queue job may name: job-check.ts refuses indices above 1,000,000).
  const warm = tasks.slice(0, 2).map((t, i) => ({ ...t, horizon: WEEK, warmup: 0, replication: 900_000 + i }));

  const pool = createThreadPool({ workers: 2, runModule: RUN_SPEC });
  const local = await pool.run(warm).then(() => timed(() => pool.run(tasks))).finally(() => pool.close());

  const redis = await privateRedis();
  const workers: ChildProcess[] = [];
  let queued: { seconds: number; results: RunResult[] };
  try {
    workers.push(...(await Promise.all([startWorker(redis.url), startWorker(redis.url)])));
    const target = parseRedisUrl(redis.url);
    const times = { connectMs: 5000, giveUpMs: 30_000 };
    const client = await connectQueue(target, times);
    const queue = createQueueExecutor(client, { target, times, sweep: { id: 'bench', hash: 'bench', total: tasks.length }, note: () => undefined });
    queued = await queue.run(warm).then(() => timed(() => queue.run(tasks))).finally(() => queue.close());
  } finally {
    for (const w of workers) w.kill('SIGKILL');
    await redis.stop();
  }

  const same = local.results.every((r, i) => JSON.stringify(r.metrics) === JSON.stringify(queued.results[i]!.metrics));
  const localPerRep = local.seconds / reps;
  const queuePerRep = queued.seconds / reps;
  return {
    figures: {
      distributed_local_s_per_rep: localPerRep,
      distributed_queue_s_per_rep: queuePerRep,
      distributed_overhead: same ? queuePerRep / localPerRep : NaN,
      distributed_same_results: same ? 1 : 0,
    },
    ...(same ? {} : { problems: { distributed_overhead: 'queue and local pool gave different metrics' } }),
    info: { distributed_replications: String(reps), distributed_design: design },
  };
}
