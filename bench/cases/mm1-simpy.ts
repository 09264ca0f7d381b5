// M/M/1 in SimPy 3 (Python), run as a child process of this case: bench/simpy_mm1.py
// does the simulating and timing, this module turns its JSON into figures.
//
// The Python script times only env.run, so interpreter start-up and imports are not
// charged to SimPy. Its generators are Python's own (seeded Mersenne Twister), so its
// mean wait differs from the JavaScript cases by sampling noise; it is held to the same
// check against theory.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TARGET_EVENTS, WARMUP_HOURS, SEED, mm1Output } from '../lib/mm1.js';
import { type CaseContext, type CaseOutput, Unavailable } from '../lib/types.js';

/** Debian's interpreter, where python3-simpy3 installs; overridable for other machines. */
const PYTHON = process.env.STROOM_BENCH_PYTHON ?? '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('../simpy_mm1.py', import.meta.url));
const MISSING = 'SimPy 3 not installed: apt-get install python3-simpy3';

interface SimpyReport {
  error?: string;
  events: number;
  seconds: number;
  mean_wait: number | null;
  customers: number;
  simpy_version: string;
  python_version: string;
}

export function run(ctx: CaseContext): CaseOutput {
  const events = Math.round(TARGET_EVENTS * ctx.scale);
  const res = spawnSync(PYTHON, [SCRIPT, String(events), '--warmup', String(WARMUP_HOURS), '--seed', String(SEED)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (res.error) {
    if ((res.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Unavailable(`${MISSING} (${PYTHON} not found)`);
    throw res.error;
  }
  const line = res.stdout.trim().split('\n').pop() ?? '';
  let report: SimpyReport;
  try {
    report = JSON.parse(line) as SimpyReport;
  } catch {
    throw new Error(`simpy_mm1.py exited ${res.status} without a JSON line: ${res.stdout.slice(-500)}`);
  }
  if (report.error === 'missing') throw new Unavailable(MISSING);
  if (res.status !== 0) throw new Error(`simpy_mm1.py exited ${res.status}`);
  const out = mm1Output(
    'simpy',
    { events: report.events, seconds: report.seconds, meanWait: report.mean_wait ?? NaN, customers: report.customers },
    { simpy_version: report.simpy_version, python_version: report.python_version },
  );
  if (!report.simpy_version.startsWith('3.')) {
    out.problems!.simpy_events_per_sec = `SimPy ${report.simpy_version} measured, not SimPy 3`;
  }
  return out;
}
