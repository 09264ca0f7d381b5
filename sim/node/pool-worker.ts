// Worker-thread side of the thread pool: loads the model's RunFn from the module
// named in each request (so the CLI or a test can plug in any model without this
// file knowing about it) and runs a chunk of replications.

import type { RunFn, RunResult } from '../experiment/types.js';
import type { PoolReply, PoolRequest } from './pool-protocol.js';

// Keyed by module and export, and holding the promise, so concurrent first
// requests import the module once.
const runFns = new Map<string, Promise<RunFn>>();

async function importRunFn(runModule: string, exportName: string | undefined): Promise<RunFn> {
  const mod = (await import(runModule)) as Record<string, unknown>;
  const candidate = exportName !== undefined ? mod[exportName] : (mod['run'] ?? mod['default']);
  if (typeof candidate !== 'function') {
    const wanted = exportName !== undefined ? `export "${exportName}"` : 'export "run" or a default export';
    throw new Error(`thread pool: ${runModule} has no ${wanted} that is a function`);
  }
  return candidate as RunFn;
}

function loadRunFn(runModule: string, exportName: string | undefined): Promise<RunFn> {
  const key = `${runModule}#${exportName ?? ''}`;
  let fn = runFns.get(key);
  if (fn === undefined) {
    fn = importRunFn(runModule, exportName);
    runFns.set(key, fn);
  }
  return fn;
}

/** Piscina handler: runs every task of the chunk in order, stopping at the first failure. */
export default async function runChunk(request: PoolRequest): Promise<PoolReply> {
  const run = await loadRunFn(request.runModule, request.exportName);
  const results: RunResult[] = [];
  for (let i = 0; i < request.tasks.length; i++) {
    try {
      results.push(run(request.tasks[i]!));
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      return { ok: false, failedIndex: i, message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}) };
    }
  }
  return { ok: true, results };
}
