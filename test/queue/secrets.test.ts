// Secrets stay secret: a --queue URL's password appears in no message, whatever is
// wrong with the URL (a bad port, a path, a query, another scheme, a bracket typo,
// unencoded special characters), for sweeps and workers alike, and in nothing they
// write. The well-formed URLs at the end reach a Redis that is not there (exit 1),
// which prints the server's address: without the password too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stroom, tempDir } from '../cli/helpers.js';
import { redactUrl } from '../../sim/node/queue/redis-url.js';
import { freePort } from './helpers/redis.js';

const PW = 's3cr3tpw';
const SWEEP = ['sweep', 'dpv', '--set', 'designs.usm.policies.protectedDesignShare=0,0.2', '--designs', 'usm', '--horizon', '8', '--warmup', '1', '--reps', '2', '-f', 'csv'];

const MALFORMED = [
  `redis://:${PW}@127.0.0.1:99999`,
  `redis://:${PW}@127.0.0.1:6379/x`,
  `redis://:${PW}@127.0.0.1:6379/0?tls=1`,
  `redis://:${PW}@127.0.0.1:6379#frag`,
  `http://user:${PW}@host`,
  `redis://:${PW}@[127.0.0.1:6379`,
  `redis://user:${PW}@127.0.0.1:0`,
  `redis://user:${PW}@:6379`,
  `redis//:${PW}@127.0.0.1:6379`,
  `:${PW}@127.0.0.1:6379`,
  `redis://:${PW}/@#?:x@127.0.0.1:6379`,
  `redis://u:${PW}%zz@127.0.0.1:6379`,
  `redis://:${PW}@127.0.0.1:63 79`,
];

function expectNoSecret(where: string, text: string): void {
  expect(text.includes(PW), `${where} shows the password:\n${text}`).toBe(false);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('redactUrl', () => {
  it('hides everything up to the last @, before any parsing', () => {
    for (const url of MALFORMED) expect(redactUrl(url)).not.toContain(PW);
    expect(redactUrl(`redis://me:${PW}@host:1`)).toBe('redis://me:***@host:1');
    expect(redactUrl(`redis://${PW}@host`)).toBe('redis://***@host');
    expect(redactUrl('redis://host:6379')).toBe('redis://host:6379');
  });
});

describe('a malformed --queue URL', () => {
  it.each(MALFORMED)('%s: exit 2, and the password is nowhere', { timeout: 120_000 }, async (url) => {
    const dir = tempDir('stroom-secret-');
    const out = join(dir, 'out.csv');
    const runs = [[...SWEEP, '-o', out, '--queue', url], ['worker', '--queue', url, '--log-level', 'trace']];
    const results = await Promise.all(runs.map((args) => stroom(args, { env: { STROOM_DEBUG: '1' } })));
    for (const [i, r] of results.entries()) {
      const args = runs[i]!;
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/--queue/);
      expectNoSecret(`${args[0]} stderr`, r.stderr);
      expectNoSecret(`${args[0]} stdout`, r.stdout);
    }
    for (const f of filesUnder(dir)) expectNoSecret(f, readFileSync(f, 'utf8'));
    expect(existsSync(out)).toBe(false);
  });
});

describe('--queue given twice', () => {
  it('is refused without echoing either value', { timeout: 120_000 }, async () => {
    const [a, b] = [`:${PW}@127.0.0.1:6379`, `redis://u:${PW}"\\@[h:1`];
    const results = await Promise.all([[...SWEEP, '--queue', a, '--queue', b], ['worker', '--queue', a, `--queue=${b}`]].map((args) => stroom(args)));
    for (const r of results) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/--queue given/);
      expectNoSecret('stderr', r.stderr);
    }
  });
});

describe('a URL the command line itself rejects', () => {
  it('is not echoed with its password by the argument parser', { timeout: 120_000 }, async () => {
    const runs = [
      [...SWEEP, `redis://user:${PW}@localhost:1`], // --queue forgotten: an unknown argument
      ['worker', '--queue', 'redis://localhost:1', `redis://user:${PW}@localhost:6379`],
      ['worker', '--queue', `redis://u:${PW}@h:1`, '--log-level', `redis://u:${PW}@x`],
      [...SWEEP, '--queue', `redis://u:${PW}`, 'x@localhost:1'], // a password split at an unquoted space
    ];
    const results = await Promise.all(runs.map((args) => stroom(args)));
    results.forEach((r, i) => {
      expect(r.code, `run ${i}: ${r.stderr}`).toBe(2);
      expectNoSecret(`run ${i} stderr`, r.stderr);
      expectNoSecret(`run ${i} stdout`, r.stdout);
    });
    expect(results[3]!.stderr).not.toContain('x@localhost');
  });
});

describe('a well-formed URL with a password and no server', () => {
  it('names the server without its password (sweep and worker, exit 1)', { timeout: 300_000 }, async () => {
    const port = await freePort();
    const dir = tempDir('stroom-secret-');
    for (const url of [`redis://:${PW}@127.0.0.1:${port}`, `redis://me:${PW}@127.0.0.1:${port}`, `redis://:${encodeURIComponent('p@ss:w/rd#' + PW)}@127.0.0.1:${port}`]) {
      for (const args of [[...SWEEP, '-o', join(dir, 'out.csv'), '--queue', url], ['worker', '--queue', url, '--redis-timeout', '1', '--log-level', 'trace']]) {
        const r = await stroom(args, { env: { STROOM_DEBUG: '1' } });
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toMatch(new RegExp(`cannot reach Redis at redis://(me)?:\\*\\*\\*@127\\.0\\.0\\.1:${port}`));
        expectNoSecret('stderr', r.stderr);
        expectNoSecret('stdout', r.stdout);
      }
    }
    for (const f of filesUnder(dir)) expectNoSecret(f, readFileSync(f, 'utf8'));
  });
});
