// The sensitivity pipeline on a model whose answer is known: design b beats design a by
// x - 0.3, so parameter x alone decides the sign, and it flips below x = 0.3; parameter
// y does nothing. The run must name x as most influential and put the flip box's upper
// bound on x near 0.3. Noise of sd 0.02 per replication keeps it from being trivial.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInlineExecutor, type RunTask } from '../../sim/experiment/index.js';
import { runSensitivity } from '../../sim/experiment/sensitivity-run.js';
import { morrisTrajectories, unitHypercube, MORRIS_DELTA } from '../../sim/experiment/sensitivity-design.js';
import { RandomStreams } from '../../sim/random/index.js';
import { behaviourParameters } from '../../sim/scenario/assumptions.js';
import { scenarioFor } from '../../sim/node/run-model.js';
import { readScenarioText } from '../../sim/node/scenario-files.js';
import { parse } from 'yaml';

const THRESHOLD = 0.3;
function fake(task: RunTask) {
  const x = (task.point?.['behaviour.x'] as number | undefined) ?? 0.6;
  const noise = new RandomStreams(task.seed, task.replication).stream('noise').normal() * 0.02;
  return { metrics: { gain: task.design === 'b' ? x - THRESHOLD + noise : noise } };
}
const params = [
  { name: 'x', path: 'behaviour.x', value: 0.6, range: { min: 0, max: 1 } },
  { name: 'y', path: 'behaviour.y', value: 0.5, range: { min: 0, max: 1 } },
];
const base = { scenarioId: 'fake', seed: 42, horizon: 1, warmup: 0 };

describe('sensitivity run', () => {
  it('Latin hypercube: names the deciding parameter and its threshold', async () => {
    const r = await runSensitivity(createInlineExecutor(fake), base, { designs: ['a', 'b'], params, method: 'lhs', points: 64, replications: 3, metrics: ['gain'], seed: 42 });
    const m = r.metrics[0]!;
    expect(m.baselineDiff).toBeGreaterThan(0);
    expect(m.referenceSign).toBe(1);
    expect(m.influence[0]!.parameter).toBe('x');
    expect(Math.abs(m.influence[0]!.rho)).toBeGreaterThan(0.9);
    expect(Math.abs(m.influence[1]!.rho)).toBeLessThan(0.3);
    // About 70% of x's range keeps the sign.
    expect(m.signHolds).toBeGreaterThan(0.6);
    expect(m.signHolds).toBeLessThan(0.8);
    const box = m.flipBox!;
    expect(box.ranges['x']![1]).toBeGreaterThan(THRESHOLD - 0.05);
    expect(box.ranges['x']![1]).toBeLessThan(THRESHOLD + 0.05);
    expect(box.density).toBeGreaterThan(0.9);
  });

  it('Morris: mu* ranks the deciding parameter first, the idle one near zero', async () => {
    const r = await runSensitivity(createInlineExecutor(fake), base, { designs: ['a', 'b'], params, method: 'morris', points: 6, replications: 2, metrics: ['gain'], seed: 7 });
    const mo = r.metrics[0]!.morris!;
    expect(mo[0]!.parameter).toBe('x');
    expect(mo[0]!.muStar).toBeCloseTo(1, 1); // d(gain)/dx = 1 per unit of x's range (0 to 1)
    expect(mo[1]!.muStar).toBeLessThan(0.1);
  });

  it('designs are seeded, stratified and move one parameter at a time', () => {
    const u = unitHypercube(3, 10, 5);
    expect(unitHypercube(3, 10, 5)).toEqual(u);
    for (let j = 0; j < 3; j++) expect(u.map((p) => Math.floor(p[j]! * 10)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const t of morrisTrajectories(4, 3, 1)) {
      for (let i = 0; i < 4; i++) {
        const moved = t.points[i]!.map((v, j) => Math.abs(t.points[i + 1]![j]! - v)).filter((d) => d > 1e-12);
        expect(moved).toHaveLength(1);
        expect(moved[0]).toBeCloseTo(MORRIS_DELTA, 12);
      }
    }
  });
});

describe('behaviour assumptions of dpv', () => {
  it('lists assumed parameters, and setting their own values as a point changes nothing', () => {
    const file = join(import.meta.dirname, '..', '..', 'scenarios', 'dpv.yaml');
    const s = scenarioFor(file);
    const all = behaviourParameters(parse(readScenarioText(file)), s.designs['island']!.behaviour);
    const assumed = all.filter((p) => p.assumed);
    expect(assumed.length).toBeGreaterThan(10);
    expect(assumed.map((p) => p.name)).toContain('improviseTendency');
    expect(all.find((p) => p.name === 'designEffort')!.path).toBe('behaviour.designEffort.mean');
    const same = scenarioFor(file, Object.fromEntries(all.map((p) => [p.path, p.value])));
    expect(same.designs['island']!.behaviour).toEqual(s.designs['island']!.behaviour);
  });
});
