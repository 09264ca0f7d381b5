import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../../sim/experiment/design-points.js';
import { analyseMetric, defaultRange } from '../../sim/experiment/sensitivity.js';

describe('defaultRange', () => {
  it('is ±50% clamped, probabilities in [0,1], integers integral', () => {
    expect(defaultRange(0.8, { probability: true })).toEqual({ min: 0.4, max: 1 });
    expect(defaultRange(5, { integer: true })).toEqual({ min: 3, max: 7, integer: true });
  });
});

describe('analyseMetric', () => {
  it('names the deciding parameter and bounds the flipped region near 0.3', () => {
    const design = latinHypercube({ 'behaviour.p': { min: 0, max: 1 }, 'behaviour.q': { min: 0, max: 1 } }, 200, 11);
    let k = 0;
    const points = design.map((d) => {
      const values = { p: d['behaviour.p'] as number, q: d['behaviour.q'] as number };
      // Stub metric difference (b − a): p decides the sign; deterministic small noise.
      const noise = 0.01 * Math.sin(++k * 12.9898);
      return { values, diff: values.p - 0.3 + noise };
    });
    // Scenario's own value p = 0.6 gives a positive reference sign.
    const r = analyseMetric(points, ['p', 'q'], { baselineDiff: 0.3 });
    expect(r.referenceSign).toBe(1);
    expect(r.influence[0]!.parameter).toBe('p');
    expect(Math.abs(r.signHolds - 0.7)).toBeLessThan(0.05);
    const box = r.flipBox!;
    // Noise ±0.01 plus one 5% peel step of a uniform [0,1] range: 0.3 ± 0.06.
    expect(Math.abs(box.ranges.p![1] - 0.3)).toBeLessThan(0.06);
    expect(box.ranges.q![1] - box.ranges.q![0]).toBeGreaterThan(0.8);
  });
});
