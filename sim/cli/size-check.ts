// Sizes checked before any work: every design a command will run is estimated from the
// scenario (sim/model/size.ts) and refused, with the limit and a way under it, when one
// replication would exceed what the engine, the memory or a trace can hold.

import { estimateRunSize, formatBytes, formatCount, sizeProblems, type RunSizeEstimate } from '../model/size.js';
import type { ModelSpec } from '../model/index.js';
import { UsageError } from './errors.js';

export interface SizeRun {
  horizon: number;
  warmup: number;
  trace: boolean;
}

/** The largest estimate over `designs`; throws UsageError naming the design and the limit it exceeds. */
export function checkSizes(where: string, designs: Record<string, ModelSpec>, ids: readonly string[], run: SizeRun): RunSizeEstimate | undefined {
  let worst: RunSizeEstimate | undefined;
  for (const id of ids) {
    const spec = designs[id];
    if (!spec) continue;
    const size = estimateRunSize(spec, run);
    const problems = sizeProblems(size);
    if (problems.length > 0) {
      throw new UsageError(`${where}: one replication of design ${id} is too large: ${problems.map((p) => p.message).join('; ')}`);
    }
    if (!worst || size.events > worst.events) worst = size;
  }
  return worst;
}

/** One line for `validate`: how big a replication is. */
export function describeSize(size: RunSizeEstimate, withTrace: RunSizeEstimate): string {
  return `one replication: ${size.weeks} weeks, about ${formatCount(size.events)} events; its trace about ${formatCount(withTrace.traceEvents)} records (${formatBytes(withTrace.traceBytes)})`;
}
