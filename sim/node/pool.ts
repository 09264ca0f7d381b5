// An Executor backed by a piscina thread pool, for running replications in
// parallel from the CLI. Tasks go out in small chunks and results are written
// back by task index, so the output is identical for any worker count (a
// replication's randomness depends only on its task, never on its thread).

import { setMaxListeners } from 'node:events';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { TaskError, describeTask } from '../experiment/task-error.js';
import type { Executor, RunResult, RunTask } from '../experiment/types.js';
import type { PoolReply, PoolRequest } from './pool-protocol.js';

export interface ThreadPoolOptions {
  /** Number of worker threads (fixed: min = max). */
  workers: number;
  /** Module exporting the RunFn: a path (relative to the cwd) or a file: URL. */
  runModule: string | URL;
  /** Export holding the RunFn; default 'run', falling back to the default export. */
  exportName?: string;
  /** Tasks per message; by default chunks shrink towards the end of a batch (chunkSizes). */
  chunkSize?: number;
  /** Caps on each thread (heap size): a thread that exceeds them ends and its chunk fails. */
  resourceLimits?: ResourceLimits;
}

export interface RunControl {
  /** Aborting ends the run at once: threads still working on it are terminated, and run() rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface ThreadPoolExecutor extends Executor {
  readonly workers: number;
  run(tasks: RunTask[], onProgress?: (done: number, total: number) => void, control?: RunControl): Promise<RunResult[]>;
}

function toModuleUrl(runModule: string | URL): string {
  if (runModule instanceof URL) return runModule.href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(runModule) && !/^[a-z]:[\\/]/i.test(runModule)) return runModule;
  return pathToFileURL(isAbsolute(runModule) ? runModule : resolve(runModule)).href;
}

const TS_SOURCE = /\.[cm]?tsx?$/;

/** The worker entry: the TypeScript shim when either side is TypeScript source. */
function workerFilename(runModuleUrl: string): URL {
  const fromSource = TS_SOURCE.test(new URL(import.meta.url).pathname);
  if (fromSource || TS_SOURCE.test(new URL(runModuleUrl).pathname)) {
    return new URL('./pool-worker-tsx.mjs', import.meta.url);
  }
  return new URL('./pool-worker.js', import.meta.url);
}

/**
 * Sizes of the chunks a batch of `tasks` goes out in, in order. With `fixed` every chunk
 * has that size. Otherwise chunks shrink as the batch runs down (guided scheduling: each
 * takes about 1/(4 x workers) of what is left, at most 16, at least 1), so the batch
 * ends in single tasks: a thread never runs a long last chunk while the others have
 * nothing left, and large batches still go out in few messages. (Fixed chunks of about
 * a quarter of each worker's share left one thread alone with the last chunk of 4 of a
 * 60-task `npm start`: at most 1.875 times one thread's rate on two.)
 */
export function chunkSizes(tasks: number, workers: number, fixed?: number): number[] {
  const sizes: number[] = [];
  for (let left = tasks; left > 0; ) {
    const size = fixed ?? Math.max(1, Math.min(16, Math.ceil(left / (workers * 4))));
    sizes.push(Math.min(size, left));
    left -= size;
  }
  return sizes;
}

/** A thread-pool Executor; call close() when done so the threads exit. */
export function createThreadPool(options: ThreadPoolOptions): ThreadPoolExecutor {
  const { workers, exportName, chunkSize } = options;
  if (!Number.isInteger(workers) || workers < 1) {
    throw new Error(`createThreadPool: workers must be an integer >= 1, got ${workers}`);
  }
  if (chunkSize !== undefined && (!Number.isInteger(chunkSize) || chunkSize < 1)) {
    throw new Error(`createThreadPool: chunkSize must be an integer >= 1, got ${chunkSize}`);
  }
  const runModule = toModuleUrl(options.runModule);
  const pool = new Piscina<PoolRequest, PoolReply>({
    filename: workerFilename(runModule).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Infinity,
    ...(options.resourceLimits !== undefined ? { resourceLimits: options.resourceLimits } : {}),
  });
  // Without a listener a worker that dies outside a task would crash the process;
  // the affected task's promise is rejected anyway and reported from run().
  let workerError: unknown;
  pool.on('error', (err: unknown) => {
    workerError = err;
  });
  let closed = false;

  async function run(tasks: RunTask[], onProgress?: (done: number, total: number) => void, control?: RunControl): Promise<RunResult[]> {
    if (closed) throw new Error('thread pool: run() after close()');
    const results = new Array<RunResult>(tasks.length);
    const controller = new AbortController();
    setMaxListeners(Infinity, controller.signal); // one listener per queued chunk
    let failure: unknown;
    let done = 0;
    const fail = (err: unknown): void => {
      // Only the first failure is reported; later rejections are aborts it caused.
      if (failure !== undefined) return;
      failure = err;
      controller.abort();
    };
    // Piscina terminates the thread of a running task whose signal aborts.
    const outer = control?.signal;
    const onAbort = () => fail(outer!.reason ?? new Error('aborted'));
    if (outer?.aborted) onAbort();
    outer?.addEventListener('abort', onAbort, { once: true });

    const chunks: Promise<void>[] = [];
    let start = 0;
    for (const size of chunkSizes(tasks.length, workers, chunkSize)) {
      const offset = start;
      start += size;
      const chunk = tasks.slice(offset, start);
      const request: PoolRequest = { runModule, tasks: chunk, ...(exportName !== undefined ? { exportName } : {}) };
      chunks.push(
        pool.run(request, { signal: controller.signal }).then(
          (reply) => {
            if (failure !== undefined) return;
            if (!reply.ok) {
              const cause = new Error(reply.message);
              if (reply.stack !== undefined) cause.stack = reply.stack;
              fail(new TaskError(chunk[reply.failedIndex]!, cause));
              return;
            }
            for (let i = 0; i < reply.results.length; i++) results[offset + i] = reply.results[i]!;
            done += chunk.length;
            onProgress?.(done, tasks.length);
          },
          (err: unknown) => {
            const what = err instanceof Error ? err.message : String(err ?? workerError);
            const from = describeTask(chunk[0]!);
            fail(new Error(`thread pool: chunk of ${chunk.length} task(s) starting at ${from} failed: ${what}`, { cause: err }));
          },
        ),
      );
    }
    await Promise.all(chunks);
    outer?.removeEventListener('abort', onAbort);
    if (failure !== undefined) throw failure;
    return results;
  }

  return {
    workers,
    run,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await pool.close();
    },
  };
}
