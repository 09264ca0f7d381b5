// Content keys for replications and the names everything is stored under in Redis.
//
// A replication's result depends only on the resolved model and on (design, seed,
// replication, horizon, warm-up), so its key is a hash of exactly those: the same
// task always maps to the same key whichever sweep, point list or machine produced
// it. That is what makes retries harmless (a rerun rewrites the same value), lets a
// resubmitted sweep find its finished replications, and doubles as the BullMQ job id
// so submitting twice never queues a task twice.

import type { RunTask } from '../../experiment/types.js';
import { canonicalJson, fnv1a64, scenarioHash } from '../../scenario/hash.js';
import type { ModelSpec } from '../../model/index.js';

/** Bump when the stored result format (or what a key covers) changes: old entries are then never read. */
// 2: the model of issue 11 (designs set structure only, learned signalling, withdrawal, spawned
// meetings, turnover) and of issue 12 (external waits, per-stream results).
// 3: the weekly series gained 'arrivals'; a task may ask for weekly series per stream, team,
// role and person (RunTask.series), and its key says so; results carry the lead time's
// parts and the loop's anatomy (issue 14).
// also 3: issue 13 (per-person behaviour, pilots: byStream gains boundary_collisions_per_100 and
// boundary_handovers_per_100; specs gain behaviour.overrides and pilots).
// also 3: issue 13: metrics per process kind, suppliers, coaches and the strain index; strain series.
export const RESULT_FORMAT = 4;

/** Redis key prefix of everything stroom stores, BullMQ's queue keys included. */
export const PREFIX = 'stroom';
/** The BullMQ queue every sweep submits to and every worker takes from. */
export const QUEUE_NAME = 'runs';
/** Results, specs and sweep records expire after a week unless touched again. */
export const TTL_SECONDS = 7 * 24 * 3600;

export const resultKey = (key: string) => `${PREFIX}:result:${key}`;
export const specKey = (hash: string) => `${PREFIX}:spec:${hash}`;
export const sweepKey = (id: string) => `${PREFIX}:sweep:${id}`;
/** BullMQ rejects ids that look like integers or contain ':', so the key gets a letter prefix. */
export const jobIdFor = (key: string) => `r-${key}`;

/** What a job carries: the task without its (large) model, which travels once per spec under specKey. */
export interface JobData {
  key: string;
  spec: string;
  task: Omit<RunTask, 'model'>;
}

// Specs are large (tens of kB of canonical JSON) and shared by many tasks: hash each object once.
const specHashes = new WeakMap<object, string>();

export function specHash(spec: unknown): string {
  if (typeof spec !== 'object' || spec === null) throw new Error('specHash: the task carries no resolved model');
  let h = specHashes.get(spec);
  if (h === undefined) {
    h = scenarioHash(spec as ModelSpec);
    specHashes.set(spec, h);
  }
  return h;
}

/** The content key of one replication; the task must carry its resolved model. */
export function taskKey(task: RunTask): string {
  return fnv1a64(canonicalJson({
    format: RESULT_FORMAT,
    model: specHash(task.model),
    design: task.design,
    seed: task.seed,
    replication: task.replication,
    horizon: task.horizon,
    warmup: task.warmup,
    ...(task.series === true ? { series: true } : {}),
  }));
}

/** The content hash of a whole sweep (its task keys in order): the default sweep id. */
export function sweepHash(keys: readonly string[]): string {
  return fnv1a64(keys.join(','));
}

/** The sweep id is taken by another sweep: bad input (the CLI exits 2). */
export class SweepIdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepIdError';
  }
}

const SWEEP_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function isValidSweepId(id: string): boolean {
  return SWEEP_ID.test(id);
}
