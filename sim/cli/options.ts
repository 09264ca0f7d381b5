// Options shared by the experiment commands, and their checking. Times accept a
// quantity ("52 weeks", "2080 h") or a plain number of weeks.

import type { Argv } from 'yargs';
import { availableParallelism } from 'node:os';
import { checkSeed, SEED_HINT } from '../scenario/seed.js';
import { UsageError } from './errors.js';

export interface CommonArgs {
  scenario: string;
  reps?: number;
  seed?: string;
  horizon?: string;
  warmup?: string;
  workers?: number;
  format: 'table' | 'csv' | 'json';
  output?: string;
  'log-level': string;
  progress?: boolean;
}

export function withCommon<T>(y: Argv<T>) {
  return y
    .positional('scenario', { type: 'string', describe: 'scenario file (YAML) or a built-in name: dpv, middenstad, flow-teams, ecosystem', demandOption: true })
    .option('reps', { alias: 'r', type: 'number', describe: 'replications per design (default: the scenario\'s)' })
    .option('seed', { alias: 's', type: 'string', describe: 'master seed (default: the scenario\'s)' })
    .option('horizon', { type: 'string', describe: 'observed run length after warm-up: "52 weeks", "2080 h" or weeks' })
    .option('warmup', { type: 'string', describe: 'warm-up: a length, or "auto" to estimate it (MSER-5 on pilot runs)' })
    .option('workers', { alias: 'w', type: 'number', describe: `worker threads (default: ${availableParallelism()}); results are identical for any count` })
    .option('format', { alias: 'f', choices: ['table', 'csv', 'json'] as const, default: 'table' as const, describe: 'output format' })
    .option('output', { alias: 'o', type: 'string', describe: 'write the output to this file (atomically) instead of stdout' })
    .option('log-level', { choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'warn', describe: 'structured log level (pino, on stderr)' })
    .option('progress', { type: 'boolean', describe: 'progress bar on stderr (default: when stderr is a terminal)' })
    .middleware(refuseRepeated(['set', 'range', 'scale', 'window']));
}

/**
 * yargs turns a flag given twice into a list, which the checks below would then
 * misread (`v.trim is not a function`). A flag is given once; only the flags named in
 * `lists` may repeat. Applied to every command's options.
 */
export function refuseRepeated(lists: readonly string[]) {
  return (argv: Record<string, unknown>): void => {
    for (const [key, v] of Object.entries(argv)) {
      // Aliases repeat the same list under each name: report the long name only.
      if (key === '_' || key.length === 1 || lists.includes(key) || !Array.isArray(v)) continue;
      if (/[A-Z]/.test(key) && `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` in argv) continue;
      throw new UsageError(`--${key} given ${v.length} times (${v.map((x) => JSON.stringify(x)).join(', ')}); give it once`);
    }
  };
}

export function positiveInt(name: string, v: number | undefined, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!Number.isInteger(v) || v < 1 || v > max) throw new UsageError(`--${name}: expected a whole number from 1 to ${max}, got ${String(v)}`);
  return v;
}

/** A run length from the CLI: plain numbers are weeks. Units are read by the scenario
 *  loader's mathjs instance, loaded only when needed (it is slow to start). */
export async function hoursArg(name: string, v: string | undefined): Promise<number | undefined> {
  if (v === undefined) return undefined;
  const { readQuantity } = await import('../scenario/units.js');
  const text = /^\s*[0-9.]+\s*$/.test(v) ? `${v} weeks` : v;
  let hours: number;
  try {
    hours = readQuantity(text, 'time');
  } catch (e) {
    throw new UsageError(`--${name}: ${(e as Error).message}; e.g. "52 weeks", "2080 h" or 52 (weeks)`);
  }
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new UsageError(`--${name}: must be a finite length >= 0, got ${v}`);
  if (hours > 100 * 52 * 40) throw new UsageError(`--${name}: at most 100 years (${100 * 52} weeks), got ${v}`);
  return hours;
}

/** A --seed value: the rule of a scenario file's `experiment.seed` (sim/scenario/seed.ts). */
export function seedArg(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const c = checkSeed(String(v));
  if (!c.ok) throw new UsageError(`--seed: ${c.message}`);
  return c.seed;
}

export { SEED_HINT };

/** A number flag that must be > 0 and finite (yargs lets NaN and Infinity through). */
export function positiveNumber(name: string, v: number | undefined, max: number, hint: string): number | undefined {
  if (v === undefined) return undefined;
  if (!(v > 0 && v <= max)) throw new UsageError(`--${name}: expected ${hint}, got ${String(v)}`);
  return v;
}

export function workersArg(v: number | undefined): number {
  return positiveInt('workers', v, 256) ?? availableParallelism();
}
