// An Executor that runs replications one after another on the calling thread.
// It is the reference executor (every other executor must reproduce its results
// exactly) and the one used inside a browser Web Worker, where the worker itself
// is the parallelism.

import { TaskError } from './task-error.js';
import type { Executor, RunFn, RunResult, RunTask } from './types.js';

export interface InlineExecutorOptions {
  /**
   * Yield to the event loop after this many tasks (0 = never). In a Web Worker this
   * lets cancel/progress messages through between long replications.
   */
  yieldEvery?: number;
}

/** Runs tasks in order in the current thread with `runFn`. */
export function createInlineExecutor(runFn: RunFn, options: InlineExecutorOptions = {}): Executor {
  const yieldEvery = options.yieldEvery ?? 0;
  if (!Number.isInteger(yieldEvery) || yieldEvery < 0) {
    throw new Error(`createInlineExecutor: yieldEvery must be an integer >= 0, got ${yieldEvery}`);
  }
  let closed = false;

  return {
    async run(tasks: RunTask[], onProgress?: (done: number, total: number) => void): Promise<RunResult[]> {
      if (closed) throw new Error('inline executor: run() after close()');
      const results: RunResult[] = [];
      for (let i = 0; i < tasks.length; i++) {
        const task = tasks[i]!;
        try {
          results.push(runFn(task));
        } catch (err) {
          throw new TaskError(task, err);
        }
        onProgress?.(i + 1, tasks.length);
        if (yieldEvery > 0 && (i + 1) % yieldEvery === 0 && i + 1 < tasks.length) {
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
        }
      }
      return results;
    },
    async close(): Promise<void> {
      closed = true;
    },
  };
}
