// Turns any error into one clear message on stderr and an exit code: 2 for bad input
// (scenario files, flags, trace files), 1 for anything else. Stacks only with
// STROOM_DEBUG=1.

import { DistributionError } from '../random/index.js';
import { ModelError, TraceFileError } from '../model/index.js';
import { ScenarioError } from '../scenario/index.js';
import { UsageError } from './errors.js';

export function isBadInput(e: unknown): boolean {
  return e instanceof UsageError || e instanceof ScenarioError || e instanceof ModelError || e instanceof TraceFileError || e instanceof DistributionError;
}

export function reportError(e: unknown): number {
  const msg = e instanceof Error ? e.message : String(e);
  if (isBadInput(e)) {
    process.stderr.write(`stroom: ${msg}\n`);
    return 2;
  }
  process.stderr.write(`stroom: error: ${msg}\n`);
  if (process.env.STROOM_DEBUG === '1' && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  return 1;
}
