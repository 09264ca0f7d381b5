// The Web Worker that runs the model in the browser, on the same sim/ code as the CLI,
// so a run made here has the same figures as `stroom trace` for the same scenario,
// design and seed. It answers two requests: list the scenarios, and run one design
// (progress messages while it runs, then the trace file).
//
// Progress: simulate() has no progress callback and we do not change the model for the
// viewer; but a traced run records events in time order, so the worker wraps
// Trace.prototype.add and reports the model time of every 16384th event. The wrapper
// only observes; the run and its trace are unchanged.

import { simulate } from '../../sim/model/simulate.js';
import { Trace } from '../../sim/model/trace.js';
import { toTraceFile } from '../../sim/model/trace-file.js';
import { prepareRun } from './live/prepare.js';
import { listScenarios } from './scenarios.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

let progress: ((time: number) => void) | null = null;
let counter = 0;
const originalAdd = Trace.prototype.add;
Trace.prototype.add = function (this: Trace, time: number, type: number, a: number, b: number, c: number): void {
  if ((++counter & 0x3fff) === 0 && progress) progress(time);
  originalAdd.call(this, time, type, a, b, c);
};

function reply(m: WorkerReply): void {
  ctx.postMessage(m);
}

ctx.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  try {
    if (m.type === 'list') {
      reply({ type: 'list', scenarios: listScenarios() });
      return;
    }
    // A live change is one more timeline entry: the run is made again from the start with it.
    const r = prepareRun(m.scenario, m.design, m.weeks, m.warmupWeeks, m.change);
    const end = r.horizon + r.warmup;
    reply({ type: 'progress', id: m.id, fraction: 0, phase: 'simulating' });
    let lastSent = 0;
    progress = (time) => {
      const f = time / end;
      if (f - lastSent >= 0.01) {
        lastSent = f;
        reply({ type: 'progress', id: m.id, fraction: f, phase: 'simulating' });
      }
    };
    const result = simulate(r.spec, { seed: m.seed, replication: 0, horizon: r.horizon, warmup: r.warmup, trace: true });
    progress = null;
    reply({ type: 'progress', id: m.id, fraction: 1, phase: 'packing the trace' });
    const trace = toTraceFile(r.spec, result, { scenario: r.scenario, design: m.design, seed: m.seed, replication: 0, horizon: r.horizon, warmup: r.warmup });
    reply({ type: 'done', id: m.id, trace });
  } catch (err) {
    progress = null;
    reply({ type: 'error', id: m.type === 'run' ? m.id : -1, message: err instanceof Error ? err.message : String(err) });
  }
};
