// A sweep through the Redis queue with two worker processes, one of them killed
// (SIGKILL) in the middle of a replication: the other takes over the dead worker's
// job once its lock expires, and the CSV is byte-identical to a local run. Then the
// same command reattaches (finds everything in Redis, queues nothing) and a clashing
// --sweep-id is refused.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stroom, tempDir } from '../cli/helpers.js';
import { spawnStroom, type Proc } from './helpers/proc.js';
import { MISSING, redisAvailable, startRedis, type RedisServer } from './helpers/redis.js';

const available = redisAvailable();

// 2 points x 2 designs x 3 replications = 12 tasks; island ignores the swept policy,
// so its 3 replications are shared by both points: 9 distinct jobs of ~0.2-1 s.
const SWEEP = ['sweep', 'dpv', '--set', 'designs.usm.policies.protectedDesignShare=0,0.2', '--designs', 'island,usm', '--horizon', '12', '--warmup', '1', '--reps', '3', '-f', 'csv'];

// Skipped only outside CI; under CI=true a missing redis-server fails in beforeAll.
describe.skipIf(!available && process.env.CI !== 'true')('sweeps on the queue', () => {
  let redis: RedisServer;
  const workers: Proc[] = [];
  beforeAll(async () => {
    if (!available) throw new Error(MISSING);
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    await redis?.stop();
  });

  it('survives a worker killed mid-job and matches a local run byte for byte', { timeout: 300_000 }, async () => {
    const dir = tempDir('stroom-queue-');
    const startWorker = () => {
      const w = spawnStroom(['worker', '--queue', redis.url, '--workers', '1', '--lock-ms', '1000', '--log-level', 'info']);
      workers.push(w);
      return w;
    };
    const [victim, survivor] = [startWorker(), startWorker()];
    const local = stroom([...SWEEP, '--workers', '2', '-o', join(dir, 'local.csv')]);
    await Promise.all([victim.waitFor(/taking jobs/), survivor.waitFor(/taking jobs/)]);

    // Kill the victim as its second replication starts: it has finished one, holds one.
    let started = 0;
    let killedJob: string | undefined;
    victim.onLine((line) => {
      if (killedJob !== undefined || !line.includes('"replication started"')) return;
      if (++started < 2) return;
      victim.child.kill('SIGKILL');
      killedJob = (JSON.parse(line) as { job: string }).job;
    });
    const sweep = await stroom([...SWEEP, '--queue', redis.url, '--sweep-id', 'kill-test', '-o', join(dir, 'queue.csv')]);
    expect(sweep.stderr).toMatch(/sweep kill-test on redis:\/\/127\.0\.0\.1:\d+: 12 replications; 9 to collect: 0 already in Redis, 9 queued/);
    expect(sweep.code).toBe(0);
    expect(await victim.exited).toBe('SIGKILL');

    // The kill landed mid-sweep: the survivor ran the killed job after its lock expired.
    expect(killedJob).toBeDefined();
    const survivorLog = survivor.stderr().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { job: string; msg: string });
    // ("already stored" if the victim got as far as storing the result before it died.)
    expect(survivorLog.some((e) => e.job === killedJob && /^replication (done|already stored)$/.test(e.msg))).toBe(true);
    const victimDone = victim.stderr().split('\n').filter((l) => l.includes('"replication done"')).length;
    expect(victimDone).toBeGreaterThanOrEqual(1);
    expect(victimDone).toBeLessThan(9);

    const l = await local;
    expect(l.code).toBe(0);
    const expected = readFileSync(join(dir, 'local.csv'), 'utf8');
    expect(expected.split('\n').length).toBeGreaterThan(12 * 20);
    expect(readFileSync(join(dir, 'queue.csv'), 'utf8')).toBe(expected);

    // A client that died reattaches by running the same command: all stored, nothing queued.
    // The same id for a different sweep is bad input, and nothing is written.
    const [again, clash] = await Promise.all([
      stroom([...SWEEP, '--queue', redis.url, '--sweep-id', 'kill-test', '-o', join(dir, 'again.csv')]),
      stroom([...SWEEP.map((a) => (a === '3' ? '2' : a)), '--queue', redis.url, '--sweep-id', 'kill-test', '-o', join(dir, 'clash.csv')]),
    ]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/kill-test on .* \(reattached\): 12 replications; 9 to collect: 9 already in Redis, 0 queued/);
    expect(readFileSync(join(dir, 'again.csv'), 'utf8')).toBe(expected);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--sweep-id kill-test: already used');
    expect(existsSync(join(dir, 'clash.csv'))).toBe(false);

    // SIGTERM stops a worker cleanly.
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);
    expect(survivor.stderr()).toMatch(/stopped after \d+ replications?/);
  });
});
