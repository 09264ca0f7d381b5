// Scale factors and load schedules: pure transforms of a resolved model that must
// multiply exactly what they name and nothing else.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaleSpec, scaleDistribution, withLoadSchedule, splitPoint } from '../../sim/experiment/scale.js';
import { factorAt, scaledDelay, simulate } from '../../sim/model/index.js';
import { makeDistribution, type DistributionSpec } from '../../sim/random/index.js';
import { smallOrg } from '../model/fixtures.js';
import { scenarioFor } from '../../sim/node/run-model.js';
import { parseScales, renameCsvHeader } from '../../sim/cli/scale-args.js';

const SMALL = join(import.meta.dirname, '..', 'scenario', 'fixtures', 'small.yaml');

describe('scaleSpec', () => {
  const spec = smallOrg();
  it('multiplies every arrival rate, service mean, question rate and external wait exactly', () => {
    const f = { arrivals: 1.3, service: 0.7, questions: 2, external: 1.5 };
    const out = scaleSpec(spec, f);
    spec.streams.forEach((s, i) => {
      const o = out.streams[i]!;
      expect(o.arrivalRate).toBe(s.arrivalRate * 1.3);
      s.steps.forEach((st, k) => {
        expect(makeDistribution(o.steps[k]!.service).mean).toBeCloseTo(makeDistribution(st.service).mean * 0.7, 12);
        expect(o.steps[k]!.questionsPerCase).toBe(st.questionsPerCase * 2);
        (st.externalWaits ?? []).forEach((x, j) => {
          expect(makeDistribution(o.steps[k]!.externalWaits![j]!.duration).mean).toBeCloseTo(makeDistribution(x.duration).mean * 1.5, 12);
          expect(o.steps[k]!.externalWaits![j]!.probability).toBe(x.probability);
        });
      });
    });
    // Nothing else moves, and the input is left alone.
    expect(out.persons).toBe(spec.persons);
    expect(out.behaviour).toBe(spec.behaviour);
    expect(scaleSpec(spec, {}).streams).toEqual(spec.streams);
  });

  it('scales every kind of time distribution by its mean', () => {
    const ds = [
      { type: 'exponential', mean: 2 }, { type: 'deterministic', value: 3 }, { type: 'uniform', min: 1, max: 2 },
      { type: 'triangular', min: 1, mode: 2, max: 4 }, { type: 'gamma', shape: 2, mean: 5 }, { type: 'erlang', k: 3, mean: 4 },
      { type: 'lognormal', mean: 2, cv: 0.5 }, { type: 'empirical', values: [1, 2, 3], weights: [1, 2, 1] },
    ] as DistributionSpec[];
    for (const d of ds) expect(makeDistribution(scaleDistribution(d, 2.5)).mean).toBeCloseTo(makeDistribution(d).mean * 2.5, 10);
  });

  it('refuses unknown names and non-positive factors', () => {
    expect(() => scaleSpec(spec, { arrivals: 0 })).toThrow(/arrivals must be a finite number > 0/);
    expect(() => scaleSpec(spec, { speed: 2 } as never)).toThrow(/unknown scale factor "speed"; valid: arrivals, service, questions, external/);
  });

  it('reaches the model through a design point, next to ordinary paths', () => {
    const base = scenarioFor(SMALL);
    const s = scenarioFor(SMALL, { 'scale:arrivals': 1.25, 'designs.usm.policies.protectedDesignShare': 0.1 });
    for (const d of base.designOrder) {
      base.designs[d]!.streams.forEach((st, i) => expect(s.designs[d]!.streams[i]!.arrivalRate).toBe(st.arrivalRate * 1.25));
    }
    expect(s.designs['usm']!.policies.protectedDesignShare).toBe(0.1);
    expect(splitPoint({ a: 1, 'scale:service': 2, 'load:schedule': [] })).toEqual({ paths: { a: 1 }, scale: { service: 2 }, schedule: [] });
  });
});

describe('load schedule', () => {
  const sched = [{ at: 10, factor: 2 }, { at: 20, factor: 0.5 }];
  it('stretches a gap through the factors in force', () => {
    expect(factorAt(sched, 5)).toBe(1);
    expect(factorAt(sched, 15)).toBe(2);
    expect(scaledDelay(sched, 0, 4)).toBe(4); // before the first change
    expect(scaledDelay(sched, 8, 4)).toBe(2 + 2 / 2); // 2 h at 1, then 2 base-hours at 2
    expect(scaledDelay(sched, 12, 30)).toBe(8 + (30 - 16) / 0.5); // 8 h at 2 use 16
  });

  it('a schedule of 1s leaves a run unchanged; a higher factor brings more arrivals', () => {
    const spec = smallOrg();
    const o = { seed: 5, horizon: 8 * 40, warmup: 0 };
    const plain = simulate(spec, o).metrics;
    const ones = simulate(withLoadSchedule(spec, [{ at: 40, factor: 1 }]), o).metrics;
    expect(ones).toEqual(plain);
    const busy = simulate(withLoadSchedule(spec, [{ at: 0, factor: 1.5 }]), o).metrics;
    expect(busy['arrivals']!).toBeGreaterThan(plain['arrivals']! * 1.3);
    expect(() => simulate(withLoadSchedule(spec, [{ at: 0, factor: -1 }]), o)).toThrow(/arrivalScale\[0\]\.factor/);
  });
});

describe('--scale', () => {
  it('reads ranges, levels and units x and %', () => {
    expect(parseScales(['arrivals=0.8:1.3', 'service=90%,1.1x'])).toEqual({ ranges: { 'scale:arrivals': { min: 0.8, max: 1.3 } }, grid: { 'scale:service': [0.9, 1.1] } });
    expect(() => parseScales(['speed=1:2'])).toThrow(/unknown factor "speed"; valid: arrivals, service, questions, external/);
    expect(() => parseScales(['arrivals=1.3:0.8'])).toThrow(/min < max/);
    expect(() => parseScales(['arrivals=-1:2'])).toThrow(/number > 0/);
    expect(renameCsvHeader('scale:arrivals,design\n1.2,usm\n', ['scale:arrivals'])).toBe('scale_arrivals [x],design\n1.2,usm\n');
  });
});
