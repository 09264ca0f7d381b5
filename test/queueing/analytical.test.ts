// Analytical validation: the engine reproduces queueing theory.
//
// For each station, R independent replications (streams derived from the replication
// index) give a Student-t 95% interval that must cover the theoretical mean wait and
// mean time in system; Little's law must hold within 1% in every run. For M/M/1 the
// second moment of the time in system, E[W^2] = 2/(mu-lambda)^2 under FIFO, is checked
// too: a discipline bug such as LIFO leaves the mean unchanged but inflates it.
//
// Seeds are fixed, so the outcome is deterministic; the run lengths were chosen so the
// intervals are narrow (a few per cent) rather than to make a lucky seed pass.
import { describe, expect, it } from 'vitest';
import { md1, mmc, simulateStation, type StationConfig, type StationResult } from '../../sim/queueing/index.js';
import { Deterministic, Exponential } from '../../sim/random/index.js';
import { confidenceInterval } from '../../sim/stats/index.js';

const REPS = 12;

function replicate(cfg: Omit<StationConfig, 'replication'>): StationResult[] {
  return Array.from({ length: REPS }, (_, r) => simulateStation({ ...cfg, replication: r }));
}

function expectCovers(values: number[], theory: number, label: string) {
  const ci = confidenceInterval(values, 0.95);
  const msg = `${label}: theory ${theory.toFixed(4)}, CI ${ci.lower.toFixed(4)}..${ci.upper.toFixed(4)}`;
  expect(ci.lower, msg).toBeLessThanOrEqual(theory);
  expect(ci.upper, msg).toBeGreaterThanOrEqual(theory);
  // Sharpness: an interval wider than 10% of the value would cover almost anything.
  expect(ci.halfWidth / theory, `${msg} is too wide to be a test`).toBeLessThan(0.1);
}

const cases: { name: string; lambda: number; mu: number; c: number; horizon: number }[] = [
  { name: 'M/M/1 rho=0.5', lambda: 0.5, mu: 1, c: 1, horizon: 40_000 },
  { name: 'M/M/1 rho=0.8', lambda: 0.8, mu: 1, c: 1, horizon: 100_000 },
  { name: 'M/M/1 rho=0.9', lambda: 0.9, mu: 1, c: 1, horizon: 300_000 },
  { name: 'M/M/3 rho=0.7', lambda: 2.1, mu: 1, c: 3, horizon: 40_000 },
  { name: 'M/M/5 rho=0.9', lambda: 4.5, mu: 1, c: 5, horizon: 120_000 },
  { name: 'M/M/10 rho=0.85', lambda: 8.5, mu: 1, c: 10, horizon: 40_000 },
];

describe('M/M/c against Erlang C', () => {
  for (const k of cases) {
    it(`${k.name}: mean wait and time in system covered, Little's law within 1%`, () => {
      const theory = mmc(k.lambda, k.mu, k.c);
      const runs = replicate({
        interarrival: new Exponential(1 / k.lambda),
        service: new Exponential(1 / k.mu),
        servers: k.c,
        horizon: k.horizon,
        warmup: 500,
        seed: 20261123,
      });
      expectCovers(runs.map((r) => r.meanWait), theory.wait, `${k.name} Wq`);
      expectCovers(runs.map((r) => r.meanSystem), theory.system, `${k.name} W`);
      expectCovers(runs.map((r) => r.utilisation), theory.utilisation, `${k.name} utilisation`);
      for (const r of runs) expect(r.littleError).toBeLessThan(0.01);
      if (k.c === 1) {
        const second = 2 / (k.mu - k.lambda) ** 2; // sojourn time ~ Exp(mu - lambda) under FIFO
        expectCovers(runs.map((r) => r.meanSystemSquared), second, `${k.name} E[W^2]`);
      }
    });
  }
});

describe('M/D/1 against Pollaczek-Khinchine', () => {
  for (const rho of [0.5, 0.9]) {
    it(`rho=${rho}: mean wait and time in system covered`, () => {
      const theory = md1(rho, 1);
      const runs = replicate({
        interarrival: new Exponential(1 / rho),
        service: new Deterministic(1),
        servers: 1,
        horizon: rho > 0.8 ? 150_000 : 40_000,
        warmup: 500,
        seed: 77,
      });
      expectCovers(runs.map((r) => r.meanWait), theory.wait, `M/D/1 rho=${rho} Wq`);
      expectCovers(runs.map((r) => r.meanSystem), theory.system, `M/D/1 rho=${rho} W`);
      for (const r of runs) expect(r.littleError).toBeLessThan(0.01);
    });
  }
});

describe('sharpness', () => {
  it('LIFO service is caught by the second moment of the time in system', () => {
    const runs = replicate({
      interarrival: new Exponential(1 / 0.8),
      service: new Exponential(1),
      servers: 1,
      horizon: 100_000,
      warmup: 500,
      seed: 20261123,
      discipline: 'lifo',
    });
    const ci = confidenceInterval(runs.map((r) => r.meanSystemSquared), 0.95);
    const fifo = 2 / (1 - 0.8) ** 2;
    expect(ci.lower).toBeGreaterThan(fifo * 1.5);
  });
});
