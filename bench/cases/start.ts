// Start-up: how long `npm start` takes with the sources unchanged (so the build step
// only confirms that dist/ is up to date), how long that confirmation takes alone, and
// how long `stroom validate` of a small scenario takes from process start to exit (the
// CLI's own start-up: loading, schema check, unit parsing). Each is the wall time of
// a fresh child process, as a user meets it. One untimed run of each first makes sure
// dist/ is built and the files are in the OS cache.
//
// npm start runs 30 replications of two designs of a DPV year, so start_wall_s is
// mostly model run time. The goals (README "Start-up") are held against the medians of
// the repetitions (cases/index.ts: cli_start, build_check, start_wall), never altered.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { CaseContext, CaseOutput } from '../lib/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SMALL = join('test', 'scenario', 'fixtures', 'small.yaml');

type StartFigure = 'start_wall_s' | 'build_check_s' | 'cli_start_s';

function timed(cmd: string, args: string[]): { seconds: number; error?: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) return { seconds, error: `${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' | ')}` };
  return { seconds };
}

function figure(out: CaseOutput, name: StartFigure, r: { seconds: number; error?: string }): void {
  if (r.error !== undefined) {
    out.figures[name] = Number.NaN;
    out.problems![name] = r.error;
    return;
  }
  out.figures[name] = r.seconds;
}

export function run(ctx: CaseContext): CaseOutput {
  const out: CaseOutput = { figures: {}, problems: {} };
  const build = [join(ROOT, 'scripts', 'build.mjs')];
  const warm = timed(process.execPath, build); // untimed: dist/ up to date from here on
  if (warm.error !== undefined) throw new Error(warm.error);
  if (ctx.name === 'cli-start') {
    const validate = [join(ROOT, 'bin', 'stroom.js'), 'validate', SMALL];
    timed(process.execPath, validate); // untimed: warms the file cache
    figure(out, 'cli_start_s', timed(process.execPath, validate));
    return out;
  }
  figure(out, 'build_check_s', timed(process.execPath, build));
  // A smoke run (--scale below 1) keeps the command and shortens the experiment.
  const extra = ctx.scale < 1 ? ['--', '--reps', '2'] : [];
  figure(out, 'start_wall_s', timed('npm', ['start', '--silent', ...extra]));
  return out;
}
