// M/M/1 on stroom's engine: the figure the other M/M/1 cases are compared against.
//
// Written the way a stroom model is meant to be written: two event kinds registered
// once, waiting customers kept as arrival times in a typed ring buffer, draws from
// named RandomStreams. `runEngineMM1` is exported because the bare-heap case replays it
// to prove both loops fire the same events.

import { Simulation } from '../../sim/engine/index.js';
import { RandomStreams } from '../../sim/random/index.js';
import { type MM1Params, type MM1Result, TimeQueue, mm1Output, mm1Params } from '../lib/mm1.js';
import type { CaseContext, CaseOutput } from '../lib/types.js';

export function runEngineMM1(p: MM1Params): MM1Result {
  const streams = new RandomStreams(p.seed);
  const arrivals = streams.stream('arrivals');
  const service = streams.stream('service');
  const meanGap = 1 / p.lambda;
  const meanService = 1 / p.mu;
  const warmup = p.warmup;

  const sim = new Simulation();
  const waiting = new TimeQueue();
  let busy = false;
  let waitSum = 0;
  let customers = 0;

  // Declared before ARRIVE's handler can run, assigned right after registration.
  let DEPART = -1;
  const ARRIVE = sim.on(() => {
    const now = sim.now;
    sim.schedule(arrivals.exponential(meanGap), ARRIVE);
    if (busy) {
      waiting.push(now);
    } else {
      busy = true;
      if (now >= warmup) customers++; // waited 0
      sim.schedule(service.exponential(meanService), DEPART);
    }
  }, 'arrive');
  DEPART = sim.on(() => {
    if (waiting.size > 0) {
      const arrived = waiting.shift();
      if (arrived >= warmup) {
        waitSum += sim.now - arrived;
        customers++;
      }
      sim.schedule(service.exponential(meanService), DEPART);
    } else {
      busy = false;
    }
  }, 'depart');

  sim.schedule(arrivals.exponential(meanGap), ARRIVE);
  const t0 = performance.now();
  sim.run(p.warmup + p.horizon);
  const seconds = (performance.now() - t0) / 1000;
  return { events: sim.eventsFired, seconds, meanWait: waitSum / customers, customers };
}

export function run(ctx: CaseContext): CaseOutput {
  return mm1Output('engine', runEngineMM1(mm1Params(ctx)));
}
