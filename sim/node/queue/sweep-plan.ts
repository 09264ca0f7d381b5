// How a sweep's replications get run: on the local executor or on the queue, and,
// when the sweep has a state file, only those the file does not hold yet. The CLI
// hands in every task of the sweep (with resolved models) so the sweep's identity,
// its default id and state file name, comes from its content: the same command
// always finds the same state, on disk and in Redis.

import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Executor, RunTask } from '../../experiment/types.js';
import { METRIC_IDS, SERIES_NAMES, STRAIN_SERIES } from '../../model/index.js';
import { withResolvedModels } from '../resolved-executor.js';
import type { ConnectTimes } from './connect.js';
import { sweepHash, taskKey } from './keys.js';
import type { RedisTarget } from './redis-url.js';
import { withStateFile } from './resumable.js';
import { openStateFile, type StateFile } from './state-file.js';

/** What every result of a run has (run-spec.ts): results read back must match it exactly. */
const RESULT_SHAPE = { metrics: METRIC_IDS, series: [...SERIES_NAMES, ...STRAIN_SERIES, 'week'] };

export interface SweepPlanOptions {
  /** Every task of the sweep, models attached. */
  tasks: readonly RunTask[];
  /** Runs replications here when there is no queue. */
  local: Executor;
  /** Threads behind `local`. */
  parallelism: number;
  queue?: { target: RedisTarget; times: ConnectTimes; client: Redis };
  sweepId?: string;
  /** Where finished replications are kept: a folder (file named by sweep id), else beside the output. */
  stateDir?: string;
  output?: string;
  resume: boolean;
  note: (line: string) => void;
}

export interface SweepPlan {
  sweepId: string;
  statePath?: string;
  executor: Executor;
  /** Flushes the state file and closes the queue connection (not `local`). */
  close(): Promise<void>;
}

/** The state file of a sweep, or undefined when it has none (no folder and no output file). */
export function statePathFor(sweepId: string, stateDir: string | undefined, output: string | undefined): string | undefined {
  if (stateDir !== undefined) return join(stateDir, `sweep-${sweepId}.jsonl`);
  if (output !== undefined) return `${output}.state.jsonl`;
  return undefined;
}

export async function planSweep(options: SweepPlanOptions): Promise<SweepPlan> {
  const hash = sweepHash(options.tasks.map(taskKey));
  const sweepId = options.sweepId ?? hash;
  const statePath = statePathFor(sweepId, options.stateDir, options.output);
  const { queue, note } = options;
  let inner: Executor = options.local;
  if (queue !== undefined) {
    // BullMQ is loaded only for queued sweeps.
    const { createQueueExecutor } = await import('./submit.js');
    inner = createQueueExecutor(queue.client, { target: queue.target, times: queue.times, sweep: { id: sweepId, hash, total: options.tasks.length }, note, shape: RESULT_SHAPE });
  }
  let state: StateFile | undefined;
  if (statePath !== undefined) {
    state = openStateFile(statePath, { resume: options.resume, sweepId, shape: RESULT_SHAPE });
    const onStart = options.resume
      ? (found: number, distinct: number) => note(`resume: ${found} of ${distinct} distinct replications found in ${statePath}; running ${distinct - found}`)
      : undefined;
    inner = withStateFile(inner, state, { parallelism: queue !== undefined ? 1 : options.parallelism, ...(onStart ? { onStart } : {}) });
  }
  const executor = withResolvedModels(inner);
  return {
    sweepId,
    ...(statePath !== undefined ? { statePath } : {}),
    executor,
    async close() {
      state?.close();
      // The local executor belongs to the caller; only the queue connection is ours to close.
      if (queue !== undefined) await inner.close();
    },
  };
}
