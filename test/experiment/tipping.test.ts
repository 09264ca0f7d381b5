// The tipping search on an M/M/c organisation (test/cli/fixtures/mmc.yaml): one team of
// c = 10 operators, exponential service of 15 min, 30 arrivals an hour at 1x, so the
// utilisation rho = 0.75 x the arrival scale reaches 1 at 4/3 (Erlang: the queue is
// stable exactly when rho < 1). The search must bracket 4/3. The bracket it reaches
// (grid 1, 1.2, 1.4, 1.6; then 1.3 and 1.35) puts its lower end at rho = 0.975, where
// the M/M/10 queue relaxes within weeks (relaxation time about 1/(c mu (1 - sqrt rho)^2)
// = 155 h), so an 8-week warm-up leaves no trend to mistake for tipping.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInlineExecutor } from '../../sim/experiment/index.js';
import { assessLevel, bracket, gridLoads, searchTipping, type TippingLevel } from '../../sim/experiment/tipping.js';
import { hysteresisPlan, recoveryWeek } from '../../sim/experiment/hysteresis.js';
import { factorAt } from '../../sim/model/index.js';
import { run } from '../../sim/node/run-model.js';

const MMC = join(import.meta.dirname, '..', 'cli', 'fixtures', 'mmc.yaml');

describe('tipping search', () => {
  it('brackets the load where an M/M/c team reaches utilisation 1', async () => {
    const base = { scenarioId: MMC, seed: 7, horizon: 26 * 40, warmup: 8 * 40 };
    const [d] = await searchTipping(createInlineExecutor(run), base, ['island'], { factor: 'arrivals', lo: 1, hi: 1.6, grid: 4, refine: 2, replications: 3, warmupWeeks: 8 });
    expect(d!.status).toBe('tipped');
    expect(d!.lower!).toBeLessThan(4 / 3);
    expect(d!.upper!).toBeGreaterThanOrEqual(4 / 3);
    expect(d!.upper! - d!.lower!).toBeLessThanOrEqual(0.6 / 3 / 4 + 1e-9); // two halvings of a 0.2 grid step
    // Every load below the bracket is judged untipped, every one above tipped.
    for (const l of d!.levels) expect(l.tipped, `load ${l.load}`).toBe(l.load >= d!.upper!);
    const top = d!.levels[d!.levels.length - 1]!;
    expect(top.reasons).toContain('overload');
    expect(top.reasons).toContain('falls_behind');
  }, 240_000);

  it('brackets, grids and the firefighting rule follow their definitions', () => {
    const lvl = (load: number, tipped: boolean) => ({ load, tipped }) as TippingLevel;
    expect(bracket([lvl(1, false), lvl(2, true), lvl(1.5, false)])).toEqual({ status: 'tipped', lower: 1.5, upper: 2, point: 1.75 });
    expect(bracket([lvl(1, true), lvl(2, true)])).toEqual({ status: 'below', upper: 1 });
    expect(bracket([lvl(1, false)])).toEqual({ status: 'above', lower: 1 });
    expect(gridLoads(0.8, 2, 7)).toEqual([0.8, 1, 1.2, 1.4, 1.6, 1.8, 2]);
    const rec = (share: number, esc: number) => ({ design: 'd', replication: 0, seed: 1, metrics: { manager_design_share: share, escalations_per_100: esc, arrivals: 100, completions: 100 } });
    const ref = { load: 1, records: [rec(0.2, 10), rec(0.2, 10)] };
    // Design share halved and escalations per request up 2.5x at 2x the load: firefighting.
    expect(assessLevel('d', 2, [rec(0.05, 25), rec(0.07, 25)], ref, { warmupWeeks: 0 }).reasons).toEqual(['firefighting']);
    // Escalations grew only as fast as the load: not firefighting.
    expect(assessLevel('d', 2, [rec(0.05, 20), rec(0.05, 20)], ref, { warmupWeeks: 0 }).tipped).toBe(false);
  });
});

describe('hysteresis plan', () => {
  it('ramps from lo to hi and back in four phases, and recognises recovery', () => {
    const p = hysteresisPlan(1, 1.5, 8 * 40, 40 * 40);
    expect([p.observed, p.rampUp, p.rampDown, p.recovery, p.end]).toEqual([8, 18, 28, 38, 48]);
    expect(factorAt(p.schedule, 0)).toBe(1);
    expect(factorAt(p.schedule, 27 * 40)).toBe(1.5);
    expect(factorAt(p.schedule, 37 * 40)).toBe(1);
    expect(factorAt(p.schedule, 30 * 40)).toBeGreaterThan(1);
    const weeks = 48;
    const flat = Array.from({ length: weeks }, () => 0.2);
    const wip = Array.from({ length: weeks }, () => 10);
    expect(recoveryWeek(flat, wip, p)).toBe(0);
    const trapped = flat.map((v, i) => (i >= p.rampUp ? 0.05 : v));
    expect(recoveryWeek(trapped, wip, p)).toBeUndefined();
    const late = flat.map((v, i) => (i >= p.rampUp && i < p.recovery + 5 ? 0.05 : v));
    expect(recoveryWeek(late, wip, p)).toBe(5 + 3);
  });
});
