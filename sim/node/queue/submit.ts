// The submitting side of a distributed sweep: an executor that puts every
// replication on the BullMQ queue as a job (job id = the task's content key, so
// submitting again never queues a task twice), then collects results from Redis,
// where workers store them under the same key. Whatever is already stored is not
// submitted at all, which is how a client that died reattaches: it runs the same
// command and picks up the results and the jobs still in flight.
//
// Results are polled rather than awaited as events: polling cannot miss anything
// across a reconnect, and a poll every quarter second costs nothing next to
// replications that take seconds. The same loop notices jobs that failed or
// vanished (a flushed Redis, a job stalled too often) and resubmits or reports them.

import { Queue } from 'bullmq';
import type { ChainableCommander, Redis } from 'ioredis';
import { describeTask } from '../../experiment/task-error.js';
import type { RunResult, RunTask } from '../../experiment/types.js';
import { decodeResult, ResultFormatError, type ResultShape } from './codec.js';
import { closeRedis, connectRedis, describeRedisError, RedisUnavailableError, type ConnectTimes } from './connect.js';
import { jobIdFor, PREFIX, QUEUE_NAME, resultKey, specHash, specKey, sweepKey, SweepIdError, taskKey, TTL_SECONDS, type JobData } from './keys.js';
import type { RedisTarget } from './redis-url.js';
import type { StreamingExecutor } from './resumable.js';

export interface QueueClientOptions {
  target: RedisTarget;
  times: ConnectTimes;
  /** The whole sweep's identity (all tasks, not only those still to run). */
  sweep: { id: string; hash: string; total: number };
  /** One-line notices for the user (stderr). */
  note: (line: string) => void;
  pollMs?: number;
  /** What a stored result must hold; one that does not is reported, not used. */
  shape?: ResultShape;
}

const CHUNK = 500;
const MAX_RESUBMITS = 3;
const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: { age: TTL_SECONDS },
} as const;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function chunks<T>(xs: readonly T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** Runs a pipeline; ioredis reports each command's error in its reply, so the first one is raised here. */
async function exec(pipe: ChainableCommander): Promise<unknown[]> {
  const replies = (await pipe.exec()) ?? [];
  for (const [err] of replies) if (err) throw err;
  return replies.map(([, value]) => value);
}

function jobOf(key: string, task: RunTask) {
  const { model, ...rest } = task;
  const data: JobData = { key, spec: specHash(model), task: rest };
  return { name: 'run', data, opts: { ...JOB_OPTIONS, jobId: jobIdFor(key) } };
}

/** The client a queue executor works with; connect first, so an unreachable server is reported before any work. */
export function connectQueue(target: RedisTarget, times: ConnectTimes): Promise<Redis> {
  return connectRedis(target, times, { commandTimeout: Math.max(1000, times.giveUpMs) });
}

/** The queue executor; it owns `client` (from connectQueue) and closes it on close(). */
export function createQueueExecutor(client: Redis, options: QueueClientOptions): StreamingExecutor {
  const { target, times, sweep, note } = options;
  const pollMs = options.pollMs ?? 250;
  let lastError: unknown;
  client.on('error', (e: unknown) => {
    lastError = e;
  });
  let closing = false;
  let down = false;
  client.on('close', () => {
    if (!closing && !down) note(`lost the connection to Redis at ${target.display}; retrying for up to ${Math.round(times.giveUpMs / 1000)} s`);
    down = true;
  });
  client.on('ready', () => {
    if (down && !closing) note(`connection to Redis at ${target.display} is back`);
    down = false;
  });
  const queue = new Queue<JobData>(QUEUE_NAME, { connection: client, prefix: PREFIX });
  queue.on('error', (e: unknown) => {
    lastError = e;
  });
  const lost = (e: unknown) =>
    new RedisUnavailableError(
      `lost the connection to Redis at ${target.display} (${describeRedisError(lastError ?? e)}); ` +
        `finished replications are kept: run the same command again to continue sweep ${sweep.id}`,
    );

  async function runEach(tasks: RunTask[], onResult: (index: number, result: RunResult) => void, onProgress?: (done: number, total: number) => void): Promise<void> {
    const byKey = new Map<string, number[]>();
    tasks.forEach((t, i) => {
      const k = taskKey(t);
      const list = byKey.get(k);
      if (list === undefined) byKey.set(k, [i]);
      else list.push(i);
    });
    let done = 0;
    const deliver = (key: string, text: string) => {
      let result;
      try {
        result = decodeResult(text, options.shape);
      } catch (e) {
        if (!(e instanceof ResultFormatError)) throw e;
        throw new Error(`the result of replication ${describeTask(taskOf(key))} stored in Redis is damaged (${e.message}); delete ${resultKey(key)} there and run the same command again`);
      }
      for (const i of byKey.get(key)!) onResult(i, result);
      done += byKey.get(key)!.length;
    };
    // key -> times it was resubmitted after its job failed or vanished
    const pending = new Map<string, number>();
    const taskOf = (key: string) => tasks[byKey.get(key)![0]!]!;

    async function fetchResults(keys: string[]): Promise<void> {
      for (const part of chunks(keys, 1000)) {
        const values = await client.mget(part.map(resultKey));
        values.forEach((v, j) => {
          if (v === null) return;
          deliver(part[j]!, v);
          pending.delete(part[j]!);
        });
      }
    }

    async function submit(keys: string[]): Promise<void> {
      // Models first, and again on every resubmission: a restarted Redis has lost them too.
      const specs = new Map<string, unknown>();
      for (const k of keys) specs.set(specHash(taskOf(k).model), taskOf(k).model);
      for (const part of chunks([...specs], 50)) {
        const pipe = client.pipeline();
        for (const [h, spec] of part) pipe.set(specKey(h), JSON.stringify(spec), 'EX', TTL_SECONDS);
        await exec(pipe);
      }
      // A finished job with the same id would swallow the new one: clear failed leftovers first.
      for (const part of chunks(keys)) {
        const pipe = client.pipeline();
        for (const k of part) pipe.hget(queue.toKey(jobIdFor(k)), 'finishedOn');
        const finished = await exec(pipe);
        for (let j = 0; j < part.length; j++) {
          if (finished[j] != null) await queue.remove(jobIdFor(part[j]!));
        }
        await queue.addBulk(part.map((k) => jobOf(k, taskOf(k))));
      }
    }

    /** Failed jobs are reported (a model error fails again anywhere); lost or stalled-out ones resubmitted. */
    async function checkJobs(): Promise<void> {
      const keys = [...pending.keys()];
      const resubmit: string[] = [];
      for (const part of chunks(keys)) {
        const pipe = client.pipeline();
        for (const k of part) pipe.hmget(queue.toKey(jobIdFor(k)), 'finishedOn', 'failedReason', 'data');
        const rows = await exec(pipe);
        const gone: string[] = [];
        part.forEach((k, j) => {
          const [finishedOn, reason, data] = (rows[j] ?? []) as (string | null)[];
          if (data == null) gone.push(k);
          else if (finishedOn != null && reason != null) {
            if (/stalled/i.test(reason)) resubmit.push(k);
            else throw new Error(`replication failed ${describeTask(taskOf(k))} on a worker: ${reason}`);
          }
        });
        // A job may have finished (and been removed) since the last poll: look before resubmitting.
        await fetchResults(gone);
        for (const k of gone) if (pending.has(k)) resubmit.push(k);
      }
      for (const k of resubmit) {
        const n = pending.get(k)! + 1;
        if (n > MAX_RESUBMITS) throw new Error(`replication ${describeTask(taskOf(k))} was lost or stalled ${n} times on the queue; giving up`);
        pending.set(k, n);
      }
      if (resubmit.length > 0) await submit(resubmit);
    }

    const unique = [...byKey.keys()];
    let reattached = false;
    try {
      const record = await client.get(sweepKey(sweep.id));
      if (record !== null) {
        const old = JSON.parse(record) as { hash?: string };
        if (old.hash !== sweep.hash) throw new SweepIdError(`--sweep-id ${sweep.id}: already used on ${target.display} by a different sweep (other scenario, flags or points); choose another id or leave --sweep-id out`);
        reattached = true;
      }
      await client.set(sweepKey(sweep.id), JSON.stringify({ hash: sweep.hash, total: sweep.total }), 'EX', TTL_SECONDS);
      for (const k of unique) pending.set(k, 0);
      await fetchResults(unique);
      const stored = unique.length - pending.size;
      await submit([...pending.keys()]);
      note(`sweep ${sweep.id} on ${target.display}${reattached ? ' (reattached)' : ''}: ${sweep.total} replications; ${unique.length} to collect: ${stored} already in Redis, ${pending.size} queued`);
    } catch (e) {
      if (e instanceof SweepIdError) throw e;
      throw client.status === 'ready' ? e : lost(e);
    }
    if (done > 0) onProgress?.(done, tasks.length);

    let lastOk = Date.now();
    let lastCheck = Date.now();
    let lastWorkers = 0;
    let warnedNoWorkers = false;
    while (pending.size > 0) {
      await sleep(pollMs);
      const before = done;
      try {
        await fetchResults([...pending.keys()]);
        const now = Date.now();
        if (now - lastCheck >= 2000) {
          lastCheck = now;
          await checkJobs();
        }
        if (now - lastWorkers >= 5000) {
          lastWorkers = now;
          const workers = await queue.getWorkersCount();
          if (workers === 0 && !warnedNoWorkers) note(`no worker is taking jobs from ${target.display}; start one on any machine: stroom worker --queue ${target.display}`);
          warnedNoWorkers = workers === 0;
        }
        lastOk = Date.now();
      } catch (e) {
        // Commands wait out short outages (the client reconnects); a timed-out one is retried next poll.
        if (!(e instanceof Error) || !isConnectionTrouble(e, client)) throw e;
        if (client.status === 'end' || Date.now() - lastOk > times.giveUpMs) throw lost(e);
      }
      if (done > before) onProgress?.(done, tasks.length);
    }
  }

  return {
    runEach,
    async run(tasks, onProgress) {
      const results = new Array<RunResult>(tasks.length);
      await runEach(tasks, (i, r) => (results[i] = r), onProgress);
      return results;
    },
    async close() {
      closing = true;
      await Promise.race([queue.close().catch(() => undefined), sleep(2000)]);
      await closeRedis(client);
    },
  };
}

/** Errors of the connection (as opposed to failed replications or damaged data). */
function isConnectionTrouble(e: Error, client: Redis): boolean {
  if (client.status !== 'ready') return true;
  return /Connection is closed|Command timed out|ECONN|ETIMEDOUT|EPIPE|Stream isn't writeable|LOADING|max retries/i.test(e.message);
}
