// M/M/1 on a bare typed-array heap: the same model as mm1-engine.ts with the engine
// taken out, so engine_events_per_sec / bare_heap_events_per_sec is the engine's
// overhead and nothing else.
//
// Same RandomStreams, same streams, same order of draws per stream, same arithmetic for
// event times (now + delay) and the same (time, sequence) order, so the two runs must
// agree bit for bit. The case replays the engine version after its timed run and says
// so in `bare_heap_same_as_engine` (1 = identical events and mean wait, 0 = diverged):
// a divergence means the comparison is not like for like.

import { RandomStreams } from '../../sim/random/index.js';
import { BareHeap } from '../lib/bare-heap.js';
import { type MM1Params, type MM1Result, TimeQueue, mm1Output, mm1Params } from '../lib/mm1.js';
import type { CaseContext, CaseOutput } from '../lib/types.js';
import { runEngineMM1 } from './mm1-engine.js';

const ARRIVE = 0;
const DEPART = 1;

export function runBareMM1(p: MM1Params): MM1Result {
  const streams = new RandomStreams(p.seed);
  const arrivals = streams.stream('arrivals');
  const service = streams.stream('service');
  const meanGap = 1 / p.lambda;
  const meanService = 1 / p.mu;
  const warmup = p.warmup;
  const until = p.warmup + p.horizon;

  const heap = new BareHeap(1024);
  const waiting = new TimeQueue();
  let busy = false;
  let waitSum = 0;
  let customers = 0;
  let now = 0;
  let events = 0;

  heap.push(now + arrivals.exponential(meanGap), ARRIVE);
  const t0 = performance.now();
  while (heap.size > 0) {
    const t = heap.time[0]!;
    if (t > until) break;
    const type = heap.type[0]!;
    heap.pop();
    now = t;
    events++;
    switch (type) {
      case ARRIVE:
        heap.push(now + arrivals.exponential(meanGap), ARRIVE);
        if (busy) {
          waiting.push(now);
        } else {
          busy = true;
          if (now >= warmup) customers++;
          heap.push(now + service.exponential(meanService), DEPART);
        }
        break;
      case DEPART:
        if (waiting.size > 0) {
          const arrived = waiting.shift();
          if (arrived >= warmup) {
            waitSum += now - arrived;
            customers++;
          }
          heap.push(now + service.exponential(meanService), DEPART);
        } else {
          busy = false;
        }
        break;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { events, seconds, meanWait: waitSum / customers, customers };
}

export function run(ctx: CaseContext): CaseOutput {
  const p = mm1Params(ctx);
  const bare = runBareMM1(p);
  const out = mm1Output('bare_heap', bare);
  // Untimed replay on the engine, after the measurement so it cannot affect it.
  const engine = runEngineMM1(p);
  const same = engine.events === bare.events && engine.customers === bare.customers && Object.is(engine.meanWait, bare.meanWait);
  out.figures.bare_heap_same_as_engine = same ? 1 : 0;
  if (!same) {
    const msg = `bare heap and engine diverged: events ${bare.events} vs ${engine.events}, mean wait ${bare.meanWait} vs ${engine.meanWait}`;
    out.problems!.bare_heap_same_as_engine = msg;
    process.stderr.write(`WARNING: ${msg}\n`);
  }
  return out;
}
