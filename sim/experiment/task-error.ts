// Naming a failed replication. Every executor reports failures the same way so a
// user can rerun exactly the failing (design, seed, replication) in isolation,
// whichever thread or process it ran on.

import type { RunTask } from './types.js';

/** A compact, human-readable identity of a task (enough to reproduce it). */
export function describeTask(task: RunTask): string {
  const parts = [
    `scenario=${task.scenarioId}`,
    `design=${task.design}`,
    `seed=${String(task.seed)}`,
    `replication=${task.replication}`,
  ];
  if (task.point !== undefined) parts.push(`point=${JSON.stringify(task.point)}`);
  return `[${parts.join(' ')}]`;
}

/** Message for an error thrown while running `task`; keeps the original message. */
export function taskErrorMessage(task: RunTask, cause: unknown): string {
  const inner = cause instanceof Error ? cause.message : String(cause);
  return `replication failed ${describeTask(task)}: ${inner}`;
}

/** An error raised by running one task; `task` says which. */
export class TaskError extends Error {
  readonly task: RunTask;

  constructor(task: RunTask, cause: unknown) {
    super(taskErrorMessage(task, cause), { cause });
    this.name = 'TaskError';
    this.task = task;
  }
}
