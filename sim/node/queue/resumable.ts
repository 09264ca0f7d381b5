// An executor decorator that keeps every finished replication in a state file and,
// on a later run, only runs what the file does not hold. Results still come back in
// task order, so a resumed sweep assembles exactly the output of an uninterrupted one.
//
// A plain Executor returns nothing until a whole batch is done, so the batch is cut
// into small slices run a few at a time ("lanes", enough to keep every thread busy):
// each finished slice is written at once, and a crash loses at most the slices in
// flight. An executor that reports results one by one (the queue) is used directly.

import type { Executor, RunResult, RunTask } from '../../experiment/types.js';
import { taskKey } from './keys.js';
import type { StateFile } from './state-file.js';

/** An executor that can report each result as soon as it is known. */
export interface StreamingExecutor extends Executor {
  runEach(tasks: RunTask[], onResult: (index: number, result: RunResult) => void, onProgress?: (done: number, total: number) => void): Promise<void>;
}

function isStreaming(e: Executor): e is StreamingExecutor {
  return typeof (e as Partial<StreamingExecutor>).runEach === 'function';
}

export interface ResumeOptions {
  /** Threads behind the inner executor: sets how many slices run at once. */
  parallelism: number;
  /** Told once per run how many distinct replications the state file already held, of how many. */
  onStart?: (found: number, distinct: number) => void;
}

export function withStateFile(inner: Executor, state: StateFile, options: ResumeOptions): Executor {
  const lanes = Math.max(2, 2 * options.parallelism);

  async function run(tasks: RunTask[], onProgress?: (done: number, total: number) => void): Promise<RunResult[]> {
    const results = new Array<RunResult | undefined>(tasks.length);
    // Identical tasks (same key) run once; all their indices get the result.
    const todo = new Map<string, number[]>();
    const foundKeys = new Set<string>();
    let found = 0;
    tasks.forEach((task, i) => {
      const key = taskKey(task);
      const stored = state.get(key);
      if (stored !== undefined) {
        results[i] = stored;
        foundKeys.add(key);
        found++;
      } else {
        const list = todo.get(key);
        if (list === undefined) todo.set(key, [i]);
        else list.push(i);
      }
    });
    options.onStart?.(foundKeys.size, foundKeys.size + todo.size);
    const keys = [...todo.keys()];
    const work = keys.map((k) => tasks[todo.get(k)![0]!]!);
    let done = found;
    const progress = (partial: number) => onProgress?.(Math.min(tasks.length, done + partial), tasks.length);
    if (found > 0) progress(0);
    const settle = (u: number, result: RunResult) => {
      const key = keys[u]!;
      state.add(key, result);
      for (const i of todo.get(key)!) results[i] = result;
      done += todo.get(key)!.length;
    };

    if (work.length > 0 && isStreaming(inner)) {
      let flushQueued = false;
      try {
        await inner.runEach(work, (u, result) => {
          settle(u, result);
          progress(0);
          // Results arrive in bursts (one per poll); one fsync per burst.
          if (!flushQueued) {
            flushQueued = true;
            setImmediate(() => {
              flushQueued = false;
              state.flush();
            });
          }
        });
      } finally {
        state.flush();
      }
    } else if (work.length > 0) {
      const size = Math.max(1, Math.min(64, Math.floor(work.length / (options.parallelism * 8))));
      const slices: number[] = [];
      for (let s = 0; s < work.length; s += size) slices.push(s);
      const partial = new Map<number, number>();
      const sumPartial = () => [...partial.values()].reduce((a, b) => a + b, 0);
      let next = 0;
      let failure: unknown;
      const lane = async () => {
        while (failure === undefined && next < slices.length) {
          const start = slices[next++]!;
          const slice = work.slice(start, start + size);
          let got: RunResult[];
          try {
            got = await inner.run(slice, (d) => {
              partial.set(start, d);
              progress(sumPartial());
            });
          } catch (e) {
            failure ??= e;
            break;
          } finally {
            partial.delete(start);
          }
          got.forEach((r, j) => settle(start + j, r));
          state.flush();
          progress(sumPartial());
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(lanes, slices.length) }, lane));
      } finally {
        state.flush();
      }
      // Slices that finished after the failure are kept in the file: a rerun need not repeat them.
      if (failure !== undefined) throw failure;
    }
    return results as RunResult[];
  }

  return { run, close: () => inner.close() };
}
