// The messages exchanged between the thread pool (pool.ts) and its worker
// (pool-worker.ts). A task failure comes back as data, not as a thrown error,
// because errors crossing a thread boundary lose everything but their message:
// returning the failing index lets the main thread raise the same TaskError
// (naming the task) that the inline executor raises.

import type { RunResult, RunTask } from '../experiment/types.js';

/** A chunk of tasks for one worker, and where its RunFn lives. */
export interface PoolRequest {
  /** file: URL of the module that exports the RunFn. */
  runModule: string;
  /** Export to use; undefined means 'run', else the default export. */
  exportName?: string;
  tasks: RunTask[];
}

export type PoolReply =
  | { ok: true; results: RunResult[] }
  | { ok: false; failedIndex: number; message: string; stack?: string };
