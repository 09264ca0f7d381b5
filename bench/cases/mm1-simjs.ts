// M/M/1 on SIM.JS (npm `simjs`), written the way its documentation writes queueing
// models: an Entity whose timer brings each customer, and a FCFS Facility the
// customer uses. Draws come from the same RandomStreams as the engine case so the
// runs simulate the same customers (the mean waits agree to rounding), and all
// JavaScript implementations pay the same random-number cost.
//
// Event count: SIM.JS puts exactly two requests per customer on its calendar (the
// arrival timer and the facility's service completion), so counting arrival callbacks
// plus completion callbacks counts the same events the engine counts.
//
// `simjs` ships only a browserify bundle for browsers: it exports nothing to Node and
// instead assigns `window.Sim`, so we provide a `window` just long enough to load it.

import { createRequire } from 'node:module';
import { RandomStreams } from '../../sim/random/index.js';
import { type MM1Params, type MM1Result, mm1Output, mm1Params } from '../lib/mm1.js';
import type { CaseContext, CaseOutput } from '../lib/types.js';

// The slice of the SIM.JS API used here (the package has no type declarations).
interface SimjsRequest {
  done(callback: () => void, context?: object, argument?: unknown): SimjsRequest;
}
interface SimjsSim {
  addEntity<T>(klass: new (sim: SimjsSim, name?: string) => T, name?: string): T;
  simulate(endTime: number, maxEvents?: number): boolean;
  time(): number;
}
interface SimjsEntity {
  time(): number;
  setTimer(duration: number): SimjsRequest;
  useFacility(facility: object, duration: number): SimjsRequest;
}
interface SimjsApi {
  Sim: new () => SimjsSim;
  Entity: new (sim: SimjsSim, name?: string) => SimjsEntity;
  Facility: new (name: string, discipline?: number, servers?: number) => object;
}

function loadSimjs(): { api: SimjsApi; version: string } {
  const g = globalThis as unknown as { window?: { Sim?: SimjsApi } };
  const had = 'window' in g;
  const saved = g.window;
  g.window = {};
  try {
    const require = createRequire(import.meta.url);
    require('simjs');
    const api = g.window.Sim;
    if (!api || typeof api.Sim !== 'function') throw new Error('simjs loaded but did not define window.Sim');
    const version = (require('simjs/package.json') as { version: string }).version;
    return { api, version };
  } finally {
    if (had) g.window = saved;
    else delete g.window;
  }
}

export function runSimjsMM1(p: MM1Params, api: SimjsApi): MM1Result {
  const streams = new RandomStreams(p.seed);
  const arrivals = streams.stream('arrivals');
  const service = streams.stream('service');
  const meanGap = 1 / p.lambda;
  const meanService = 1 / p.mu;
  const warmup = p.warmup;

  const sim = new api.Sim();
  const server = new api.Facility('server');
  let events = 0;
  let waitSum = 0;
  let customers = 0;

  class Source extends api.Entity {
    start(): void {
      this.setTimer(arrivals.exponential(meanGap)).done(this.arrive);
    }

    arrive(): void {
      events++;
      const arrived = this.time();
      this.setTimer(arrivals.exponential(meanGap)).done(this.arrive);
      const duration = service.exponential(meanService);
      this.useFacility(server, duration).done(() => {
        events++;
        // Completion time minus service time is when service began.
        if (arrived >= warmup) {
          waitSum += this.time() - duration - arrived;
          customers++;
        }
      });
    }
  }

  sim.addEntity(Source);
  const t0 = performance.now();
  sim.simulate(p.warmup + p.horizon);
  const seconds = (performance.now() - t0) / 1000;
  return { events, seconds, meanWait: waitSum / customers, customers };
}

export function run(ctx: CaseContext): CaseOutput {
  const { api, version } = loadSimjs();
  return mm1Output('simjs', runSimjsMM1(mm1Params(ctx), api), { simjs_version: version });
}
