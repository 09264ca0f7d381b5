import { describe, expect, it } from 'vitest';
import { primPeel, type PrimPoint } from '../../sim/experiment/prim.js';

// Deterministic pseudo-random numbers so the test never flakes.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('primPeel', () => {
  it('finds the box where one parameter alone decides the outcome', () => {
    const rand = lcg(7);
    const points: PrimPoint[] = [];
    for (let i = 0; i < 200; i++) {
      const p = rand();
      const q = rand();
      points.push({ values: { p, q }, hit: p < 0.3 });
    }
    const box = primPeel(points, ['p', 'q'], { alpha: 0.05, minSupport: 0.05 });
    expect(box).not.toBeNull();
    // Peeling steps of 5% of a uniform box overshoot 0.3 by at most one step.
    const p = box!.ranges.p!;
    const q = box!.ranges.q!;
    expect(Math.abs(p[1] - 0.3)).toBeLessThan(0.05);
    expect(box!.density).toBeGreaterThan(0.95);
    expect(box!.coverage).toBeGreaterThan(0.8);
    // q carries no signal, so it stays nearly unrestricted.
    expect(q[1] - q[0]).toBeGreaterThan(0.8);
  });

  it('returns null without hits and respects minimum support', () => {
    const pts: PrimPoint[] = [0.1, 0.2, 0.3].map((v) => ({ values: { p: v }, hit: false }));
    expect(primPeel(pts, ['p'])).toBeNull();
    const one: PrimPoint[] = Array.from({ length: 20 }, (_, i) => ({ values: { p: i }, hit: i === 0 }));
    const box = primPeel(one, ['p'], { minSupport: 0.25 })!;
    expect(box.count).toBeGreaterThanOrEqual(5);
  });
});
