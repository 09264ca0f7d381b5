// What a worker checks before it runs anything it took from Redis. Whoever can write
// to the queue can hand a worker any data, so a job is treated like a scenario file
// from a stranger: its fields must have the right types, its model must stay within
// the scenario limits (sim/scenario/limits.ts) and pass the model's own validation,
// and the run must fit the limits of one replication estimated from the model
// (sim/model/size.ts, the same check the CLI makes before any local run) before a
// single event fires. The estimate also sets the run's hard event budget.
//
// The shape check covers what validation and the budget read without checking
// themselves; deeper fields are left to validateModel, whose TypeErrors on a
// malformed model are caught and reported as such.

import { estimateRunSize, SIZE_LIMITS, sizeProblems } from '../../model/size.js';
import { ModelError, validateModel } from '../../model/validate.js';
import type { ModelSpec } from '../../model/spec.js';
import { LIMITS } from '../../scenario/limits.js';
import { QueueInputError } from './errors.js';
import type { JobData } from './keys.js';

/** The queue's limits beyond those of scenario files (README, "Sweeps across machines"). */
export const JOB_LIMITS = {
  /** Characters of a job's model as stored in Redis. */
  specChars: 16 * 1024 * 1024,
  /** Events a run may fire: this many times the estimate (sim/model/size.ts), plus budgetSlack. */
  budgetFactor: 4,
  budgetSlack: 1_000_000,
  /** Heap of each worker thread, MB: a thread that needs more ends and its job fails. */
  threadHeapMb: 2048,
  /** Default wall-time limit of one job on a worker, seconds (stroom worker --job-timeout). */
  jobTimeoutSeconds: 3600,
} as const;

/** A job that must not run: the worker fails it for good; a submitting sweep exits 2. */
export class JobRefusedError extends QueueInputError {
  constructor(message: string) {
    super(message);
    this.name = 'JobRefusedError';
  }
}

const HASH = /^[0-9a-f]{16}$/;
const MAX_DEPTH = 12;
const MAX_STRING = 10_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

/** The job's data with its fields checked; throws JobRefusedError naming the first bad one. */
export function checkJobData(data: unknown): JobData {
  const refuse = (what: string) => {
    throw new JobRefusedError(`malformed job: ${what}`);
  };
  if (!isObject(data)) return refuse(`expected an object, got ${typeName(data)}`);
  const { key, spec, task } = data;
  if (typeof key !== 'string' || !HASH.test(key)) refuse('key is not a content key (16 hex digits)');
  if (typeof spec !== 'string' || !HASH.test(spec)) refuse('spec is not a model hash (16 hex digits)');
  if (!isObject(task)) return refuse(`task: expected an object, got ${typeName(task)}`);
  const t = task;
  const str = (name: string, max: number) => {
    if (typeof t[name] !== 'string' || (t[name] as string).length === 0 || (t[name] as string).length > max) refuse(`task.${name}: expected text of 1 to ${max} characters`);
  };
  str('design', 200);
  str('scenarioId', 4096);
  const seed = t['seed'];
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || (typeof seed === 'string' && seed.length <= 200))) refuse('task.seed: expected a finite number or text');
  const rep = t['replication'];
  if (!(typeof rep === 'number' && Number.isInteger(rep) && rep >= 0 && rep <= 1_000_000)) refuse('task.replication: expected a whole number from 0 to 1000000');
  const { horizon, warmup } = t;
  if (!(typeof horizon === 'number' && horizon > 0 && Number.isFinite(horizon))) refuse('task.horizon: expected hours > 0');
  if (!(typeof warmup === 'number' && warmup >= 0 && Number.isFinite(warmup))) refuse('task.warmup: expected hours >= 0');
  const hours = (horizon as number) + (warmup as number);
  if (hours > SIZE_LIMITS.weeks * 40) refuse(`warm-up plus horizon is ${hours} h; at most ${SIZE_LIMITS.weeks * 40} h (100 years) are allowed`);
  if (t['point'] !== undefined && !(isObject(t['point']) && Object.keys(t['point']).length <= 1000)) refuse('task.point: expected an object of at most 1000 values');
  if (t['point'] !== undefined) {
    const bad = walk(t['point'], 'task.point', 0);
    if (bad !== undefined) refuse(bad);
  }
  if (t['series'] !== undefined && typeof t['series'] !== 'boolean') refuse('task.series: expected true or false');
  if ('model' in t) refuse('task carries a model of its own (models travel under their hash)');
  return data as unknown as JobData;
}

/** Every number finite, no deeper than MAX_DEPTH, no huge strings: what any part of a model must be. */
function walk(v: unknown, path: string, depth: number): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `${path}: ${v} is not a finite number`;
  if (typeof v === 'string') return v.length > MAX_STRING ? `${path}: text of ${v.length} characters (at most ${MAX_STRING})` : undefined;
  if (typeof v !== 'object' || v === null) return undefined;
  if (depth > MAX_DEPTH) return `${path}: nested deeper than ${MAX_DEPTH} levels`;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = walk(v[i], `${path}[${i}]`, depth + 1);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  for (const [k, x] of Object.entries(v)) {
    const bad = walk(x, path === '' ? k : `${path}.${k}`, depth + 1);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/** Lists the model's parts must be, with the scenario limits on their lengths. */
function checkShape(m: Record<string, unknown>): string[] {
  const issues: string[] = [];
  const list = (v: unknown, path: string, max: number): unknown[] => {
    if (!Array.isArray(v)) {
      issues.push(`${path}: expected a list, got ${typeName(v)}`);
      return [];
    }
    if (v.length > max) issues.push(`${path}: at most ${max.toLocaleString('en')} are allowed, got ${v.length.toLocaleString('en')}`);
    return v;
  };
  const objects = (v: unknown, path: string, max: number): Record<string, unknown>[] => {
    const xs = list(v, path, max);
    xs.forEach((x, i) => {
      if (!isObject(x)) issues.push(`${path}[${i}]: expected an object, got ${typeName(x)}`);
    });
    return issues.length === 0 ? (xs as Record<string, unknown>[]) : [];
  };
  if (typeof m['name'] !== 'string') issues.push('name: expected text');
  objects(m['teams'], 'teams', LIMITS.teams);
  objects(m['questionTypes'], 'questionTypes', LIMITS.questionTypes);
  objects(m['agreements'], 'agreements', LIMITS.questionTypes * (LIMITS.streams + 1));
  objects(m['persons'], 'persons', LIMITS.persons).forEach((p, i) => {
    objects(p['roles'], `persons[${i}].roles`, 20);
    objects(p['absences'], `persons[${i}].absences`, 1000);
  });
  objects(m['streams'], 'streams', LIMITS.streams).forEach((s, i) => {
    if (!isObject(s['processMix'])) issues.push(`streams[${i}].processMix: expected an object`);
    objects(s['steps'], `streams[${i}].steps`, LIMITS.stepsPerStream);
  });
  objects(m['meetings'], 'meetings', LIMITS.meetings).forEach((mt, i) => {
    list(mt['participants'], `meetings[${i}].participants`, LIMITS.persons);
    list(mt['streams'], `meetings[${i}].streams`, LIMITS.streams);
  });
  objects(m['timeline'], 'timeline', LIMITS.timelineEntries).forEach((t, i) => {
    if (!isObject(t['policies'])) issues.push(`timeline[${i}].policies: expected an object`);
  });
  for (const k of ['behaviour', 'policies']) if (!isObject(m[k])) issues.push(`${k}: expected an object, got ${typeName(m[k])}`);
  return issues;
}

/** The model of a job, checked like a scenario's; throws JobRefusedError listing what is wrong. */
export function checkJobModel(value: unknown): ModelSpec {
  if (!isObject(value)) throw new JobRefusedError(`malformed model: expected an object, got ${typeName(value)}`);
  const bad = walk(value, '', 0);
  if (bad !== undefined) throw new JobRefusedError(`malformed model: ${bad}`);
  const issues = checkShape(value);
  if (issues.length > 0) throw new JobRefusedError(`malformed model:\n${issues.slice(0, 20).map((i) => `  ${i}`).join('\n')}`);
  try {
    validateModel(value as unknown as ModelSpec);
  } catch (e) {
    if (e instanceof ModelError) throw new JobRefusedError(`invalid model:\n${e.issues.slice(0, 20).map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    // A field the shape check does not cover is missing or of the wrong type.
    throw new JobRefusedError(`malformed model (${e instanceof Error ? e.message : String(e)})`);
  }
  return value as unknown as ModelSpec;
}

/** The hard event budget of a run, or JobRefusedError if its estimated size is beyond the limits of one replication. */
export function runBudget(m: ModelSpec, horizon: number, warmup: number): number {
  const size = estimateRunSize(m, { horizon, warmup, trace: false });
  const problems = sizeProblems(size);
  if (problems.length > 0) throw new JobRefusedError(`the replication is too big: ${problems.map((p) => p.message).join('; ')}`);
  return Math.ceil(JOB_LIMITS.budgetFactor * size.events + JOB_LIMITS.budgetSlack);
}
