// A G/G/c station on the engine: the smallest complete model, used to validate the
// engine against queueing theory, in the benchmarks and in the demo.
//
// Customers are not objects: the queue is a ring buffer of arrival times and each
// server remembers the arrival time of the customer it serves. Two event kinds,
// ARRIVAL and DEPARTURE (argument: the server index).

import { Simulation, TraceHash } from '../engine/index.js';
import { RandomStreams, type Distribution, type Seed } from '../random/index.js';

export interface StationConfig {
  interarrival: Distribution;
  service: Distribution;
  servers: number;
  /** Simulated hours after warm-up. */
  horizon: number;
  /** Hours discarded before statistics start. */
  warmup?: number;
  seed: Seed;
  replication?: number;
  /** Queue discipline; 'lifo' exists to show the validation tests are sharp. */
  discipline?: 'fifo' | 'lifo';
  /** Hash every fired event (slower). */
  hash?: boolean;
}

export interface StationResult {
  served: number;
  meanWait: number;
  meanSystem: number;
  /** Second moment of the time in system: sensitive to the queue discipline. */
  meanSystemSquared: number;
  /** Time-average number in system over the observation window. */
  meanNumber: number;
  /** Observed arrival rate over the window. */
  arrivalRate: number;
  /** |L - lambda W| / L. */
  littleError: number;
  utilisation: number;
  events: number;
  traceHash?: string;
}

export function simulateStation(cfg: StationConfig): StationResult {
  const { interarrival, service, servers } = cfg;
  if (!Number.isInteger(servers) || servers < 1) throw new Error(`station: servers must be an integer >= 1, got ${servers}`);
  const warmup = cfg.warmup ?? 0;
  const end = warmup + cfg.horizon;
  const streams = new RandomStreams(cfg.seed, cfg.replication ?? 0);
  const arrivalRng = streams.stream('arrivals');
  const serviceRng = streams.stream('service');
  const lifo = cfg.discipline === 'lifo';

  const sim = new Simulation();
  let queue = new Float64Array(1024);
  let head = 0;
  let count = 0;
  const busyArrival = new Float64Array(servers);
  const busy = new Uint8Array(servers);
  let idle = servers;

  // Statistics over [warmup, end].
  let inSystem = 0;
  let lastChange = 0;
  let area = 0;
  let busyArea = 0;
  let busyCount = 0;
  let arrivals = 0;
  let served = 0;
  let waitSum = 0;
  let systemSum = 0;
  let systemSqSum = 0;

  const account = (now: number) => {
    if (now > warmup) {
      const from = lastChange > warmup ? lastChange : warmup;
      area += inSystem * (now - from);
      busyArea += busyCount * (now - from);
    }
    lastChange = now;
  };

  const startService = (server: number, arrivedAt: number) => {
    busy[server] = 1;
    busyArrival[server] = arrivedAt;
    idle--;
    busyCount++;
    if (arrivedAt >= warmup) waitSum += sim.now - arrivedAt;
    sim.schedule(service.sample(serviceRng), DEPARTURE, server);
  };

  const ARRIVAL = sim.on(() => {
    const now = sim.now;
    account(now);
    inSystem++;
    if (now >= warmup) arrivals++;
    if (idle > 0) {
      let s = 0;
      while (busy[s] === 1) s++;
      startService(s, now);
    } else {
      if (count === queue.length) {
        const bigger = new Float64Array(queue.length * 2);
        for (let i = 0; i < count; i++) bigger[i] = queue[(head + i) % queue.length]!;
        queue = bigger;
        head = 0;
      }
      queue[(head + count) % queue.length] = now;
      count++;
    }
    sim.schedule(interarrival.sample(arrivalRng), ARRIVAL);
  }, 'arrival');

  const DEPARTURE = sim.on((server) => {
    const now = sim.now;
    account(now);
    inSystem--;
    busyCount--;
    const arrivedAt = busyArrival[server]!;
    if (arrivedAt >= warmup) {
      served++;
      systemSum += now - arrivedAt;
      systemSqSum += (now - arrivedAt) * (now - arrivedAt);
    }
    busy[server] = 0;
    idle++;
    if (count > 0) {
      let next: number;
      if (lifo) {
        next = queue[(head + count - 1) % queue.length]!;
      } else {
        next = queue[head]!;
        head = (head + 1) % queue.length;
      }
      count--;
      startService(server, next);
    }
  }, 'departure');

  const hash = cfg.hash ? new TraceHash() : null;
  if (hash) sim.setObserver(hash.observe);
  sim.schedule(interarrival.sample(arrivalRng), ARRIVAL);
  sim.run(end);
  account(end);

  const window = end - warmup;
  const meanNumber = area / window;
  const arrivalRate = arrivals / window;
  const meanSystem = systemSum / served;
  const result: StationResult = {
    served,
    meanWait: waitSum / served,
    meanSystem,
    meanSystemSquared: systemSqSum / served,
    meanNumber,
    arrivalRate,
    littleError: Math.abs(meanNumber - arrivalRate * meanSystem) / meanNumber,
    utilisation: busyArea / (window * servers),
    events: sim.eventsFired,
  };
  if (hash) result.traceHash = hash.hex();
  return result;
}
