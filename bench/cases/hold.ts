// The classic "hold" benchmark for event queues: keep N events pending and repeatedly
// take the earliest and schedule one more at now + exponential(1). It exercises the
// calendar at a fixed size, which M/M/1 (2-3 pending events) never does, so it shows
// how the engine's heap scales to large models.
//
// One module serves four registry entries: params.impl is 'engine' (stroom's
// Simulation, one handler that reschedules itself) or 'bare' (BareHeap with an inline
// loop), params.n the number pending, params.ops the hold operations timed. Both
// variants draw the same numbers from the same stream in the same order, so they end
// at the same clock; `<..>_final_clock` lets run.ts verify that.
//
// A hold operation is one pop plus one push; filling the queue is not timed.

import { Simulation } from '../../sim/engine/index.js';
import { RandomStreams } from '../../sim/random/index.js';
import { BareHeap } from '../lib/bare-heap.js';
import { type CaseContext, type CaseOutput, numParam, strParam } from '../lib/types.js';

const SEED = 1;
const HOLD = 0;

interface HoldResult {
  seconds: number;
  finalClock: number;
}

function holdEngine(n: number, ops: number): HoldResult {
  const rng = new RandomStreams(SEED).stream('hold');
  const sim = new Simulation();
  let remaining = ops;
  // The argument is unused: the event itself is the whole workload.
  const kind = sim.on(() => {
    sim.schedule(rng.exponential(1), kind);
    if (--remaining === 0) sim.stop();
  }, 'hold');
  for (let i = 0; i < n; i++) sim.schedule(rng.exponential(1), kind);
  const t0 = performance.now();
  sim.run();
  const seconds = (performance.now() - t0) / 1000;
  if (sim.eventsFired !== ops) throw new Error(`hold engine fired ${sim.eventsFired} events, expected ${ops}`);
  return { seconds, finalClock: sim.now };
}

function holdBare(n: number, ops: number): HoldResult {
  const rng = new RandomStreams(SEED).stream('hold');
  const heap = new BareHeap(1024);
  let now = 0;
  for (let i = 0; i < n; i++) heap.push(now + rng.exponential(1), HOLD);
  let done = 0;
  const t0 = performance.now();
  while (done < ops) {
    const t = heap.time[0]!;
    const type = heap.type[0]!;
    heap.pop();
    now = t;
    done++;
    // A dispatch on the type, as any event loop needs; here there is one type.
    if (type === HOLD) heap.push(now + rng.exponential(1), HOLD);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, finalClock: now };
}

export function run(ctx: CaseContext): CaseOutput {
  const impl = strParam(ctx, 'impl');
  const label = strParam(ctx, 'label');
  const n = numParam(ctx, 'n');
  const ops = Math.max(1, Math.round(numParam(ctx, 'ops') * ctx.scale));
  let r: HoldResult;
  if (impl === 'engine') r = holdEngine(n, ops);
  else if (impl === 'bare') r = holdBare(n, ops);
  else throw new Error(`hold: unknown impl "${impl}"`);
  return {
    figures: {
      [`hold_${label}_${impl}_ops_per_sec`]: ops / r.seconds,
      [`hold_${label}_${impl}_final_clock`]: r.finalClock,
    },
  };
}
