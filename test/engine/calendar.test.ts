// The calendar fires events in (time, priority, insertion) order and cancels exactly.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/index.js';
import { RandomStreams } from '../../sim/random/index.js';

describe('event order', () => {
  it('fires by time, then priority, then insertion order', () => {
    const sim = new Simulation();
    const log: string[] = [];
    const K = sim.on((arg) => log.push(`${sim.now}:${arg}`));
    sim.schedule(2, K, 1);
    sim.schedule(1, K, 2);
    sim.schedule(2, K, 3, -1); // same time, lower priority value fires first
    sim.schedule(2, K, 4);
    sim.schedule(1, K, 5);
    sim.run();
    expect(log).toEqual(['1:2', '1:5', '2:3', '2:1', '2:4']);
  });

  it('keeps insertion order among many equal keys after heap churn', () => {
    const sim = new Simulation({ initialCapacity: 16 });
    const fired: number[] = [];
    const K = sim.on((arg) => fired.push(arg));
    for (let i = 0; i < 500; i++) sim.schedule(5, K, i);
    sim.run();
    expect(fired).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('matches a sorted reference under random pushes, pops and cancels', () => {
    const rng = new RandomStreams(7).stream('calendar-test');
    const sim = new Simulation({ initialCapacity: 16 });
    const fired: number[] = [];
    const K = sim.on((arg) => fired.push(arg));
    const ref: { t: number; p: number; seq: number; id: number; arg: number; live: boolean }[] = [];
    for (let i = 0; i < 3000; i++) {
      const t = Math.floor(rng.next() * 50); // many ties on purpose
      const p = Math.floor(rng.next() * 3) - 1;
      const id = sim.schedule(t, K, i, p);
      ref.push({ t, p, seq: i, id, arg: i, live: true });
      if (rng.next() < 0.3) {
        const victim = ref[Math.floor(rng.next() * ref.length)]!;
        expect(sim.cancel(victim.id)).toBe(victim.live);
        victim.live = false;
      }
    }
    sim.run();
    const expected = ref
      .filter((e) => e.live)
      .sort((a, b) => a.t - b.t || a.p - b.p || a.seq - b.seq)
      .map((e) => e.arg);
    expect(fired).toEqual(expected);
  });
});

describe('cancel and run control', () => {
  it('keeps order and pending counts when most events are cancelled (heap rebuilds)', () => {
    const rng = new RandomStreams(9).stream('cancel-heavy');
    const sim = new Simulation({ initialCapacity: 16 });
    const fired: number[] = [];
    const K = sim.on((arg) => fired.push(arg));
    const live = new Map<number, { t: number; id: number }>();
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng.next() * 100);
      live.set(i, { t, id: sim.schedule(t, K, i) });
      if (rng.next() < 0.8) {
        const keys = [...live.keys()];
        const victim = keys[Math.floor(rng.next() * keys.length)]!;
        expect(sim.cancel(live.get(victim)!.id)).toBe(true);
        expect(sim.isPending(live.get(victim)!.id)).toBe(false);
        live.delete(victim);
      }
      expect(sim.pending).toBe(live.size);
    }
    sim.run();
    const expected = [...live.entries()].sort((a, b) => a[1].t - b[1].t || a[0] - b[0]).map(([i]) => i);
    expect(fired).toEqual(expected);
    expect(sim.pending).toBe(0);
  });

  it('a cancelled event never fires and a stale id cancels nothing', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    const K = sim.on((a) => fired.push(a));
    const a = sim.schedule(1, K, 1);
    sim.cancel(a);
    const b = sim.schedule(1, K, 2); // may reuse a's slot
    expect(sim.cancel(a)).toBe(false);
    expect(sim.isPending(b)).toBe(true);
    sim.run();
    expect(fired).toEqual([2]);
    expect(sim.cancel(b)).toBe(false);
  });

  it('run(until) fires events up to and including until, then sets the clock', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    const K = sim.on((a) => fired.push(a));
    sim.schedule(1, K, 1);
    sim.schedule(2, K, 2);
    sim.schedule(3, K, 3);
    sim.run(2);
    expect(fired).toEqual([1, 2]);
    expect(sim.now).toBe(2);
    expect(sim.pending).toBe(1);
    sim.run(2.5);
    expect(sim.now).toBe(2.5);
    sim.run();
    expect(fired).toEqual([1, 2, 3]);
  });

  it('runWhile stops when the condition fails and stop() ends run', () => {
    const sim = new Simulation();
    let n = 0;
    const K = sim.on(() => {
      n++;
      sim.schedule(1, K);
      if (n === 50) sim.stop();
    });
    sim.schedule(0, K);
    sim.runWhile(() => n < 10);
    expect(n).toBe(10);
    sim.run();
    expect(n).toBe(50);
  });

  it('rejects bad input loudly', () => {
    const sim = new Simulation();
    const K = sim.on(() => {});
    expect(() => sim.schedule(-1, K)).toThrow(/delay/);
    expect(() => sim.schedule(Number.NaN, K)).toThrow(/delay/);
    expect(() => sim.schedule(1, 99)).toThrow(/unknown event kind/);
    expect(() => sim.schedule(1, K, 0, 1.5)).toThrow(/priority/);
    sim.run(5);
    expect(() => sim.scheduleAt(4, K)).toThrow(/before now/);
  });
});
