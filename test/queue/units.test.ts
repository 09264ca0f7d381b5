// The pure parts of the queue layer: the exact result codec, the state file's
// handling of torn writes, content keys, and --queue parsing. No processes, no Redis.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeResult, encodeResult } from '../../sim/node/queue/codec.js';
import { jobIdFor, sweepHash, taskKey } from '../../sim/node/queue/keys.js';
import { parseRedisUrl, QueueUrlError } from '../../sim/node/queue/redis-url.js';
import { openStateFile } from '../../sim/node/queue/state-file.js';
import { tempDir } from '../cli/helpers.js';
import { smallOrg } from '../../sim/model/examples/small-org.js';
import { RunBudgetError, simulate } from '../../sim/model/simulate.js';
import { JobRefusedError, runBudget } from '../../sim/node/queue/job-check.js';

describe('result codec', () => {
  it('round-trips NaN, infinities, -0 and shortest-form doubles exactly', () => {
    const r = { metrics: { a: NaN, b: Infinity, c: -Infinity, d: -0, e: 0.1 + 0.2, f: 1e-300 }, series: { week: new Float64Array([1, 2]), wip: [NaN, -0] } };
    const back = decodeResult(encodeResult(r));
    for (const [k, v] of Object.entries(r.metrics)) expect(Object.is(back.metrics[k], v)).toBe(true);
    expect(back.series!.week).toEqual([1, 2]);
    expect(Object.is(back.series!['wip']![1], -0)).toBe(true);
    expect(() => decodeResult('{"metrics":{"a":"oops"}}')).toThrow(/not a number/);
    const groups = { metrics: { a: 1 }, byStream: { permits: { lead: NaN, n: 2 } }, byTeam: { intake: { busy: -0 } } } as never;
    const g = decodeResult(encodeResult(groups));
    expect(Number.isNaN(g.byStream!['permits']!['lead'])).toBe(true);
    expect(Object.is(g.byTeam!['intake']!['busy'], -0)).toBe(true);
    expect(() => decodeResult('{"metrics":{},"byTeam":{"t":{"busy":null}}}')).toThrow(/byTeam t busy: null is not a number/);
  });
});

// State file keys are content keys: 16 hex digits.
const [K1, K2, K3] = ['00000000000000a1', '00000000000000a2', '00000000000000a3'];

describe('state file', () => {
  it('keeps complete lines, drops a torn last line, and appends after it cleanly', () => {
    const path = join(tempDir('stroom-state-'), 's.jsonl');
    const a = openStateFile(path, { resume: false, sweepId: 'x' });
    a.add(K1, { metrics: { m: 1 } });
    a.add(K2, { metrics: { m: NaN } });
    a.close();
    appendFileSync(path, `{"k":"${K3}","r":{"metr`);
    const b = openStateFile(path, { resume: true, sweepId: 'x' });
    expect(b.loaded).toBe(2);
    expect(Number.isNaN(b.get(K2)!.metrics['m'])).toBe(true);
    expect(b.get(K3)).toBeUndefined();
    b.add(K3, { metrics: { m: 3 } });
    b.close();
    const c = openStateFile(path, { resume: true, sweepId: 'x' });
    expect(c.loaded).toBe(3);
    c.close();
    expect(readFileSync(path, 'utf8').split('\n').filter(Boolean).every((l) => JSON.parse(l) !== undefined)).toBe(true);
    // Without --resume the file starts over.
    openStateFile(path, { resume: false, sweepId: 'x' }).close();
    const d = openStateFile(path, { resume: true, sweepId: 'x' });
    expect(d.loaded).toBe(0);
    d.close();
  });

  it('refuses a damaged line before the last, and a file that is not a state file', () => {
    const dir = tempDir('stroom-state-');
    writeFileSync(join(dir, 'bad.jsonl'), '{"stroom":"stroom-sweep-state","version":1,"sweep":"x"}\n{"k":"a",\n{"k":"b","r":{"metrics":{}}}\n');
    expect(() => openStateFile(join(dir, 'bad.jsonl'), { resume: true, sweepId: 'x' })).toThrow(/damaged/);
    writeFileSync(join(dir, 'other.jsonl'), '{"hello":1}\n');
    expect(() => openStateFile(join(dir, 'other.jsonl'), { resume: true, sweepId: 'x' })).toThrow(/not a stroom sweep state file/);
    // One line that is not JSON is a foreign file, not a torn header: kept, not replaced.
    writeFileSync(join(dir, 'note.jsonl'), 'my notes\n');
    expect(() => openStateFile(join(dir, 'note.jsonl'), { resume: true, sweepId: 'x' })).toThrow(/not a stroom sweep state file/);
    expect(readFileSync(join(dir, 'note.jsonl'), 'utf8')).toBe('my notes\n');
    // A torn header is still a torn write of ours.
    writeFileSync(join(dir, 'torn.jsonl'), '{"stroom":"stroom-sw\n');
    const torn = openStateFile(join(dir, 'torn.jsonl'), { resume: true, sweepId: 'x' });
    expect(torn.loaded).toBe(0);
    torn.close();
  });

  it("refuses another sweep's file and any record that is incomplete or not finite, naming the line", () => {
    const dir = tempDir('stroom-state-');
    const path = join(dir, 's.jsonl');
    const shape = { metrics: ['a', 'b'], series: ['week'] };
    const s = openStateFile(path, { resume: false, sweepId: 'x', shape });
    s.add(K1, { metrics: { a: 1, b: NaN }, series: { week: [1, 2] } });
    s.close();
    const good = readFileSync(path, 'utf8');
    expect(openStateFile(path, { resume: true, sweepId: 'x', shape }).loaded).toBe(1);
    expect(() => openStateFile(path, { resume: true, sweepId: 'y', shape })).toThrow(/s\.jsonl belongs to sweep x, not to this one \(y\).*add --sweep-id x/);
    const edits: [string, RegExp][] = [
      [good.replace('"a":1', '"a":1e999'), /line 2: incomplete or invalid result \(metric a: a number too large to be finite\)/],
      [good.replace('"a":1,', ''), /line 2: incomplete or invalid result \(metric a missing\)/],
      [good.replace('"a":1', '"a":null'), /line 2: incomplete or invalid result \(metric a: null is not a number\)/],
      [good.replace('"a":1', '"a":1,"c":2'), /line 2: .*unknown metric c/],
      [good.replace('"week":[1,2]', '"week":[1,"x"]'), /line 2: .*series week\[1\]: "x" is not a number/],
      [good.replace(/,"series":\{[^}]*\}/, ''), /line 2: .*no series/],
      [good.replace(`"k":"${K1}"`, '"k":"k1"'), /line 2: no replication key/],
    ];
    for (const [text, message] of edits) {
      // The edited record followed by a good line: it is not the (tolerated) torn last line.
      writeFileSync(path, `${text}${text.split('\n')[1]!.replace(K1, K2)}\n`);
      expect(() => openStateFile(path, { resume: true, sweepId: 'x', shape }), text).toThrow(message);
    }
  });
});

describe('content keys', () => {
  const model = { teams: [{ id: 't', size: 3 }], policies: { share: 0.1 } };
  const task = { scenarioId: '/here/dpv.yaml', design: 'usm', seed: 7, replication: 2, horizon: 400, warmup: 80, model };
  it('depend on the model and the run, not on where the scenario file is', () => {
    const k = taskKey(task);
    expect(taskKey({ ...task, scenarioId: '/elsewhere/dpv.yaml', model: JSON.parse(JSON.stringify(model)) as unknown })).toBe(k);
    for (const change of [{ seed: 8 }, { seed: '7' }, { replication: 3 }, { horizon: 440 }, { warmup: 0 }, { design: 'island' }, { model: { ...model, policies: { share: 0.2 } } }]) {
      expect(taskKey({ ...task, ...change })).not.toBe(k);
    }
    expect(jobIdFor(k)).toMatch(/^r-[0-9a-f]{16}$/);
    expect(sweepHash([k, 'b'])).not.toBe(sweepHash(['b', k]));
  });
});

describe('--queue parsing', () => {
  it('reads host, port, database and credentials, and hides the password', () => {
    expect(parseRedisUrl('redis://10.0.0.5:6380/2')).toMatchObject({ host: '10.0.0.5', port: 6380, db: 2, tls: false });
    expect(parseRedisUrl('redis://localhost')).toMatchObject({ port: 6379, db: 0 });
    const t = parseRedisUrl('rediss://me:s3cret@host:7000');
    expect(t).toMatchObject({ username: 'me', password: 's3cret', tls: true });
    expect(t.display).toBe('rediss://me:***@host:7000');
    for (const bad of ['', 'http://x', 'redis://', 'redis://h:70000', 'redis://h:0', 'redis://h/x', 'redis://h?x=1', 'h:6379']) {
      expect(() => parseRedisUrl(bad)).toThrow(QueueUrlError);
    }
  });

  it('takes the password from STROOM_REDIS_PASSWORD (not shown in ps) unless the URL has one', async () => {
    const { queueArg } = await import('../../sim/cli/commands/sweep.js');
    const before = process.env['STROOM_REDIS_PASSWORD'];
    process.env['STROOM_REDIS_PASSWORD'] = 'from-env';
    try {
      const t = await queueArg('redis://10.0.0.5:6380');
      expect(t.password).toBe('from-env');
      expect(t.display).not.toContain('from-env');
      expect((await queueArg('redis://:inurl@10.0.0.5')).password).toBe('inurl');
    } finally {
      if (before === undefined) delete process.env['STROOM_REDIS_PASSWORD'];
      else process.env['STROOM_REDIS_PASSWORD'] = before;
    }
  });
});

describe('run budget', () => {
  it('refuses a run estimated too big, and stops one that fires more events than its budget', () => {
    const m = smallOrg();
    const budget = runBudget(m, 400, 0);
    expect(budget).toBeGreaterThan(1_000_000);
    expect(() => runBudget({ ...m, streams: m.streams.map((s) => ({ ...s, arrivalRate: 1e300 })) }, 400, 0)).toThrow(JobRefusedError);
    const free = simulate(m, { seed: 1, horizon: 400 });
    const within = simulate(m, { seed: 1, horizon: 400, maxEvents: budget });
    expect(within.metrics).toEqual(free.metrics); // the budget changes nothing below it
    expect(() => simulate(m, { seed: 1, horizon: 400, maxEvents: 100 })).toThrow(RunBudgetError);
    expect(() => simulate(m, { seed: 1, horizon: 400, maxEvents: 100 })).toThrow(/run budget exceeded: 100 events by hour/);
  });
});
