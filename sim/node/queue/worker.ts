// The working side of a distributed sweep: takes jobs from the BullMQ queue and runs
// them on this machine's thread pool (the same run-spec RunFn as a local sweep, so a
// replication computes the same numbers wherever it runs), then stores each result
// in Redis under its content key before the job completes.
//
// Delivery is at least once: a worker killed mid-job leaves a lock that expires, and
// another worker's stalled-job check puts the job back. Storing by content key makes
// the second run rewrite the same value, and a job whose result is already stored
// is completed without running it again.

import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { TaskError } from '../../experiment/task-error.js';
import { createThreadPool, type ThreadPoolExecutor } from '../pool.js';
import { encodeResult } from './codec.js';
import { closeRedis, connectRedis, describeRedisError, redisOptions, RedisUnavailableError, type ConnectTimes } from './connect.js';
import { PREFIX, QUEUE_NAME, resultKey, specKey, TTL_SECONDS, type JobData } from './keys.js';
import type { RedisTarget } from './redis-url.js';

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export interface QueueWorkerOptions {
  target: RedisTarget;
  times: ConnectTimes;
  threads: number;
  /** Job lock: a dead worker's jobs are retried after about this (plus one stalled check). */
  lockMs: number;
  /** Module exporting the RunFn that simulates task.model (run-spec). */
  runModule: string;
  log: WorkerLog;
  /** One-line notices for the user (stderr). */
  note: (line: string) => void;
}

export interface QueueWorker {
  /** Resolves with the exit code once the worker has stopped (stop() or a lost connection). */
  readonly stopped: Promise<number>;
  readonly completed: () => number;
  /** Stops taking jobs and waits for the running replications to be stored. */
  stop(): Promise<void>;
}

const SPEC_CACHE = 32;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const { target, times, threads, lockMs, log, note } = options;
  // The first connection may wait for a Redis that is still starting, up to the give-up time.
  const data: Redis = await connectRedis(target, { connectMs: times.giveUpMs, giveUpMs: times.giveUpMs }, { commandTimeout: Math.max(1000, times.giveUpMs) });
  let lastError: unknown;
  data.on('error', (e: unknown) => {
    lastError = e;
  });
  const pool: ThreadPoolExecutor = createThreadPool({ workers: threads, runModule: options.runModule });
  const specs = new Map<string, unknown>();
  let completed = 0;

  async function loadSpec(hash: string): Promise<unknown> {
    let spec = specs.get(hash);
    if (spec === undefined) {
      const text = await data.get(specKey(hash));
      if (text === null) throw new UnrecoverableError(`model ${hash} is not in Redis (expired or deleted); submit the sweep again`);
      spec = JSON.parse(text) as unknown;
      if (specs.size >= SPEC_CACHE) specs.delete(specs.keys().next().value!);
      specs.set(hash, spec);
    }
    return spec;
  }

  async function processJob(job: Job<JobData>): Promise<string> {
    const { key, spec, task } = job.data;
    const about = { job: job.id, design: task.design, replication: task.replication, point: task.point };
    log.info(about, 'replication started');
    if ((await data.exists(resultKey(key))) === 1) {
      log.info(about, 'replication already stored');
      return 'stored';
    }
    const model = await loadSpec(spec);
    let result;
    try {
      [result] = await pool.run([{ ...task, model }]);
    } catch (e) {
      // A model error fails the same way on every machine: retrying would only repeat it.
      if (e instanceof TaskError) throw new UnrecoverableError(e.cause instanceof Error ? e.cause.message : String(e.cause));
      throw e;
    }
    await data.set(resultKey(key), encodeResult(result!), 'EX', TTL_SECONDS);
    completed++;
    log.info(about, 'replication done');
    return 'done';
  }

  const worker = new Worker<JobData, string>(QUEUE_NAME, processJob, {
    connection: redisOptions(target, times) as ConnectionOptions,
    prefix: PREFIX,
    name: `${hostname()}:${process.pid}`,
    // One job per thread: a prefetched job would sit locked here while another machine idles.
    concurrency: threads,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    // Stalls come from killed workers, not from the job; allow a few before giving up on it.
    maxStalledCount: 5,
    autorun: false,
  });
  let lastWorkerError = '';
  worker.on('error', (e: Error) => {
    // BullMQ repeats connection errors on every retry: log each distinct one once.
    if (e.message !== lastWorkerError) log.debug({ err: e.message }, 'queue worker error');
    lastWorkerError = e.message;
  });
  worker.on('failed', (job: Job<JobData> | undefined, e: Error) => {
    log.warn({ job: job?.id, design: job?.data.task.design, replication: job?.data.task.replication }, `replication failed: ${e.message}`);
  });

  let resolveStopped!: (code: number) => void;
  const stopped = new Promise<number>((r) => (resolveStopped = r));
  let stopping: Promise<void> | undefined;
  let watchdog: NodeJS.Timeout | undefined;

  async function shutdown(force: boolean, code: number): Promise<void> {
    clearInterval(watchdog);
    // A dead server can make close() wait forever; the pool and the process must still end.
    await Promise.race([worker.close(force).catch(() => undefined), force ? sleep(2000) : new Promise(() => undefined)]);
    await pool.close();
    await closeRedis(data);
    resolveStopped(code);
  }

  const fatal = (why: string) => {
    if (stopping !== undefined) return;
    note(`gave up on Redis at ${target.display}: ${why}; running replications are abandoned and will be retried by other workers`);
    stopping = shutdown(true, 1);
  };

  // Watchdog: a closed socket is reported at once; no answer at all (a dead or hung
  // server) for giveUpMs ends the worker, as does the client giving up reconnecting.
  let lastOk = Date.now();
  let warnedLost = false;
  data.on('close', () => {
    if (stopping === undefined && !warnedLost) note(`lost the connection to Redis at ${target.display} (${describeRedisError(lastError ?? new Error('connection closed'))}); retrying for up to ${Math.round(times.giveUpMs / 1000)} s`);
    warnedLost = true;
  });
  data.on('ready', () => {
    if (warnedLost && stopping === undefined) note(`connection to Redis at ${target.display} is back`);
    warnedLost = false;
    lastOk = Date.now();
  });
  watchdog = setInterval(() => {
    data.ping().then(
      () => {
        lastOk = Date.now();
      },
      (e: unknown) => {
        if (Date.now() - lastOk > times.giveUpMs) fatal(describeRedisError(lastError ?? e));
      },
    );
  }, 1000);
  data.once('end', () => fatal(describeRedisError(lastError ?? new Error('connection closed'))));

  worker.run().catch((e: unknown) => fatal(e instanceof Error ? e.message : String(e)));
  let readyTimer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      worker.waitUntilReady(),
      new Promise<never>((_, reject) => {
        readyTimer = setTimeout(() => reject(new RedisUnavailableError(`cannot reach Redis at ${target.display}: ${describeRedisError(lastError ?? new Error('no answer'))}`)), times.giveUpMs);
      }),
    ]);
  } catch (e) {
    stopping ??= shutdown(true, 1);
    await stopping;
    throw e;
  } finally {
    clearTimeout(readyTimer);
  }

  return {
    stopped,
    completed: () => completed,
    stop() {
      stopping ??= shutdown(false, 0);
      return stopping;
    },
  };
}
