// The working side of a distributed sweep: takes jobs from the BullMQ queue and runs
// them on this machine's thread pool (the same simulate() call as a local sweep, so a
// replication computes the same numbers wherever it runs), then stores each result
// in Redis under its content key before the job completes.
//
// Nothing taken from Redis is trusted (job-check.ts): a job's fields, its model and
// the run's estimated size are checked before it runs, a run is stopped by an event
// budget, a wall-time limit and a heap cap per thread, and every such failure fails
// that one job for good (with its reason in job.failedReason) while the worker goes on.
//
// Delivery is at least once: a worker killed mid-job leaves a lock that expires, and
// another worker's stalled-job check puts the job back; a worker that is stopped
// (stop(), i.e. Ctrl-C or SIGTERM) hands its running jobs back at once. Storing by
// content key makes a second run rewrite the same value, and a job whose result is
// already stored is completed without running it again.

import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { UnrecoverableError, WaitingError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { TaskError } from '../../experiment/task-error.js';
import type { ModelSpec } from '../../model/spec.js';
import { createThreadPool, type ThreadPoolExecutor } from '../pool.js';
import { encodeResult } from './codec.js';
import { closeRedis, connectRedis, describeRedisError, redisOptions, RedisUnavailableError, type ConnectTimes } from './connect.js';
import { checkJobData, checkJobModel, JOB_LIMITS, JobRefusedError, runBudget } from './job-check.js';
import { PREFIX, QUEUE_NAME, resultKey, specHash, specKey, taskKey, TTL_SECONDS, type JobData } from './keys.js';
import type { RedisTarget } from './redis-url.js';

/** The RunFn the threads load: run-spec's simulate() call with the job's event budget. */
export const JOB_RUN_MODULE = fileURLToPath(new URL(`./run-job.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));

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
  /** Wall time a job may run, ms; then it fails for good. */
  jobTimeoutMs?: number;
  /** Module exporting the RunFn (default JOB_RUN_MODULE; tests plug in others). */
  runModule?: string;
  log: WorkerLog;
  /** One-line notices for the user (stderr). */
  note: (line: string) => void;
}

export interface QueueWorker {
  /** Resolves with the exit code once the worker has stopped (stop() or a lost connection). */
  readonly stopped: Promise<number>;
  readonly completed: () => number;
  /** Stops taking jobs; running ones get a second to finish, then go back to the queue for another worker. */
  stop(): Promise<void>;
}

const SPEC_CACHE = 32;
/** How long stop() lets running replications finish before handing them back. */
const GRACE_MS = 1000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** Abort reasons of a running replication. */
class Released extends Error {}
class TimedOut extends Error {}

const refused = (e: JobRefusedError) => new UnrecoverableError(`refused: ${e.message}`);

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const { target, times, threads, lockMs, log, note } = options;
  // The first connection may wait for a Redis that is still starting, up to the give-up time.
  const data: Redis = await connectRedis(target, { connectMs: times.giveUpMs, giveUpMs: times.giveUpMs }, { commandTimeout: Math.max(1000, times.giveUpMs) });
  let lastError: unknown;
  data.on('error', (e: unknown) => {
    lastError = e;
  });
  const pool: ThreadPoolExecutor = createThreadPool({
    workers: threads,
    runModule: options.runModule ?? JOB_RUN_MODULE,
    resourceLimits: { maxOldGenerationSizeMb: JOB_LIMITS.threadHeapMb },
  });
  const jobTimeoutMs = options.jobTimeoutMs ?? JOB_LIMITS.jobTimeoutSeconds * 1000;
  // hash -> checked model; refusals are not kept, as the stored text may be replaced by a good one
  const specs = new Map<string, ModelSpec>();
  const running = new Set<AbortController>();
  let releasing = false;
  let completed = 0;

  async function loadSpec(hash: string): Promise<ModelSpec> {
    const cached = specs.get(hash);
    if (cached !== undefined) return cached;
    const size = await data.strlen(specKey(hash));
    if (size === 0) throw new UnrecoverableError(`model ${hash} is not in Redis (expired or deleted); submit the sweep again`);
    let spec: ModelSpec;
    try {
      if (size > JOB_LIMITS.specChars) throw new JobRefusedError(`the model is ${(size / 1048576).toFixed(1)} MB; a queue job's model may be at most ${JOB_LIMITS.specChars / 1048576} MB`);
      let value: unknown;
      try {
        value = JSON.parse((await data.get(specKey(hash))) ?? '');
      } catch {
        throw new JobRefusedError('the stored model is not JSON');
      }
      spec = checkJobModel(value);
      if (specHash(spec) !== hash) throw new JobRefusedError(`the model stored under ${hash} does not match that hash`);
    } catch (e) {
      throw e instanceof JobRefusedError ? refused(e) : e;
    }
    if (specs.size >= SPEC_CACHE) specs.delete(specs.keys().next().value!);
    specs.set(hash, spec);
    return spec;
  }

  /** Puts an active job back in the queue for any worker; its attempts are not used up. */
  async function release(job: Job, token: string | undefined): Promise<never> {
    try {
      await job.moveToWait(token);
    } catch {
      // Redis is gone or the lock was lost: the lock lapses and the stalled check retries the job.
    }
    throw new WaitingError();
  }

  async function processJob(job: Job<unknown>, token?: string): Promise<string> {
    if (releasing) return release(job, token);
    let jobData: JobData;
    try {
      jobData = checkJobData(job.data);
    } catch (e) {
      throw e instanceof JobRefusedError ? refused(e) : e;
    }
    const { key, spec, task } = jobData;
    const about = { job: job.id, design: task.design, replication: task.replication, point: task.point };
    log.info(about, 'replication started');
    if ((await data.exists(resultKey(key))) === 1) {
      log.info(about, 'replication already stored');
      return 'stored';
    }
    const model = await loadSpec(spec);
    let maxEvents: number;
    try {
      // The key is the content: a job must not store its result under another task's key.
      if (taskKey({ ...task, model }) !== key) throw new JobRefusedError('the job key does not match its task and model');
      maxEvents = runBudget(model, task.horizon, task.warmup);
    } catch (e) {
      throw e instanceof JobRefusedError ? refused(e) : e;
    }
    if (releasing) return release(job, token);
    const controller = new AbortController();
    running.add(controller);
    const timer = setTimeout(() => controller.abort(new TimedOut()), jobTimeoutMs);
    let result;
    try {
      [result] = await pool.run([{ ...task, model, maxEvents } as never], undefined, { signal: controller.signal });
    } catch (e) {
      if (e instanceof Released) return release(job, token);
      if (e instanceof TimedOut) throw new UnrecoverableError(`the replication ran longer than ${jobTimeoutMs / 1000} s (--job-timeout of the worker); raise it on every worker if runs this long are meant`);
      // A model error fails the same way on every machine: retrying would only repeat it.
      if (e instanceof TaskError) throw new UnrecoverableError(e.cause instanceof Error ? e.cause.message : String(e.cause));
      if (/ERR_WORKER_OUT_OF_MEMORY|out of memory/i.test(`${(e as { cause?: { code?: string } }).cause?.code ?? ''} ${(e as Error).message}`)) {
        throw new UnrecoverableError(`the replication needed more than ${JOB_LIMITS.threadHeapMb} MB of memory on its thread`);
      }
      throw e;
    } finally {
      clearTimeout(timer);
      running.delete(controller);
    }
    await data.set(resultKey(key), encodeResult(result!), 'EX', TTL_SECONDS);
    completed++;
    log.info(about, 'replication done');
    return 'done';
  }

  const worker = new Worker<unknown, string>(QUEUE_NAME, processJob, {
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
  worker.on('failed', (job: Job<unknown> | undefined, e: Error) => {
    // The data may be anything (a refused job): read it defensively.
    const task = (job?.data as { task?: { design?: unknown; replication?: unknown } } | undefined)?.task;
    log.warn({ job: job?.id, design: task?.design, replication: task?.replication }, `replication failed: ${e.message}`);
  });

  let resolveStopped!: (code: number) => void;
  const stopped = new Promise<number>((r) => (resolveStopped = r));
  let stopping: Promise<void> | undefined;
  let watchdog: NodeJS.Timeout | undefined;

  async function shutdown(force: boolean, code: number): Promise<void> {
    clearInterval(watchdog);
    // close() stops taking jobs and waits for the running ones; after the grace time
    // they are aborted (their threads terminated) and handed back to the queue.
    const closing = worker.close(force).catch(() => undefined);
    if (!force) await Promise.race([closing, sleep(GRACE_MS)]);
    releasing = true;
    for (const c of running) c.abort(new Released());
    // A dead server can make close() wait forever; the pool and the process must still end.
    await Promise.race([closing, sleep(2000)]);
    await Promise.race([pool.close(), sleep(1000)]);
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
