// CLI start-up (issue 16): `stroom validate` must not load what it does not use. Each
// command module declares its flags from light modules and imports the experiment
// code, the simulation run and the queue/worker packages in its handler, so a command
// pays only for itself. One run of the built CLI with a preload that records every
// module loaded (fixtures/record-loads.mjs), then checks of that list.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript build scripts, without type declarations
import { distLooksFresh } from '../../scripts/build-state.mjs';
import { ROOT } from './helpers.js';

const SMALL = join('test', 'scenario', 'fixtures', 'small.yaml');

/** Modules of dist/sim/ by their path under it ('experiment/index.js'), and package names. */
let own: string[] = [];
let packages: Set<string>;
let result: { status: number | null; stdout: string; stderr: string };
let dir: string;

beforeAll(() => {
  // bin/stroom.js runs the sources through tsx when dist/ is stale; this test is about dist/.
  if (!distLooksFresh(ROOT)) {
    const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
  }
  dir = mkdtempSync(join(tmpdir(), 'stroom-loads-'));
  const list = join(dir, 'loads.txt');
  const preload = join(ROOT, 'test', 'cli', 'fixtures', 'record-loads.mjs');
  result = spawnSync(process.execPath, ['--import', preload, join(ROOT, 'bin', 'stroom.js'), 'validate', SMALL], {
    cwd: ROOT,
    env: { ...process.env, STROOM_RECORD_LOADS: list },
    encoding: 'utf8',
  });
  const urls = readFileSync(list, 'utf8').split('\n').filter(Boolean).map((u) => decodeURIComponent(u).replace(/\\/g, '/'));
  own = [...new Set(urls.map((u) => /\/dist\/sim\/(.+)$/.exec(u)?.[1]).filter((m): m is string => m !== undefined))];
  packages = new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((m): m is string => m !== undefined));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('stroom validate loads only what it uses', () => {
  it('ran the built CLI and recorded its modules', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ok: /);
    // The recording works and the build was what ran: the command's own modules are listed.
    expect(own).toContain('cli/commands/validate.js');
    expect(own).toContain('scenario/load.js');
    expect(packages.has('yargs')).toBe(true);
  });

  it('loads no experiment code (scale.js, a table of factor names and their help, declares flags)', () => {
    expect(own.filter((m) => m.startsWith('experiment/') && m !== 'experiment/scale.js')).toEqual([]);
  });

  it('loads neither the engine nor the run of the model', () => {
    // What runs a replication, and the trace code (report-error.ts tells a TraceFileError
    // apart through model/trace-file-error.js, which imports nothing).
    const run = ['model/index.js', 'model/simulate.js', 'model/world.js', 'model/metrics.js', 'model/anatomy.js', 'model/person.js', 'model/agents.js', 'model/store.js', 'model/trace.js', 'model/trace-file.js'];
    expect(own.filter((m) => m.startsWith('engine/') || m.startsWith('model/mechanisms/') || run.includes(m) || m.startsWith('queueing/'))).toEqual([]);
  });

  it('loads none of the report writers of the commands that run experiments', () => {
    const reports = ['report', 'compare-output', 'compare-html', 'anatomy-report', 'attribution-report', 'sweep-report', 'tipping-report', 'sensitivity-report', 'series-options', 'series-html', 'design-run', 'html-report'];
    expect(own.filter((m) => reports.some((r) => m === `cli/${r}.js`))).toEqual([]);
  });

  it('loads no queue, worker-pool, logging or full mathjs package', () => {
    const heavy = ['bullmq', 'ioredis', 'piscina', 'pino', 'mathjs', 'typed-function', 'cli-progress'];
    expect(heavy.filter((p) => packages.has(p))).toEqual([]);
    expect(own.filter((m) => m.startsWith('node/queue/') && !['node/queue/errors.js', 'node/queue/redis-url.js'].includes(m))).toEqual([]);
  });
});
