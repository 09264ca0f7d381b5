// Replications per second of DPV years (52 weeks after 8 weeks of warm-up; all island
// replications, then all usm) through the CLI's executors: in-process for one worker,
// the piscina thread pool (with models resolved in the main thread) for two;
// `parallel_speedup` is the ratio of the two steady-state rates. Both are measured as the
// CLI runs them: compiled dist/ in a plain `node` process (bench/lib/reps-plain.mjs,
// which also says how the workers are warmed first), on the number of tasks `npm start`
// runs: 30 replications of each design (its replications are longer: 92 weeks).
// Paired runs on 2026-12-06 (plain process, fixed chunks): 1.75-1.80 with 12 tasks,
// 1.83-1.93 with 24, 1.88-1.90 with 60; two independent processes reached 1.85-1.94.
// Why the ratio rises with the batch is not established: with 12 one-task chunks the end
// of the batch idles a thread for at most part of one replication. Leftover JIT work in
// each thread's first timed replications, spread over a longer batch, is the likelier
// cause.
//
// History: until 2026-12-06 the warm-up was two island replications in all. Both
// executors met usm cold inside the timed batch, but the pool paid for it once per
// thread; and both ran inside the bench's tsx process, where the in-process executor is
// 6-10% slower than in a plain one.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureDist } from '../lib/dist.js';
import type { CaseContext, CaseOutput } from '../lib/types.js';

const RUNNER = fileURLToPath(new URL('../lib/reps-plain.mjs', import.meta.url));
/** As in `npm start` (experiment.replications of scenarios/dpv.yaml). */
const REPS_PER_DESIGN = 30;

export function run(ctx: CaseContext): CaseOutput {
  ensureDist();
  const workers = Number(ctx.params.workers ?? 1);
  const horizon = Math.max(1, Math.round(52 * ctx.scale)) * 40;
  const r = spawnSync(process.execPath, [RUNNER, String(workers), String(horizon), String(REPS_PER_DESIGN)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 280_000 });
  if (r.status !== 0) throw new Error(`reps-plain.mjs exited ${r.status ?? r.signal}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  const { perSec } = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { perSec: number };
  return { figures: { [workers === 1 ? 'reps_per_sec_1_worker' : `reps_per_sec_${workers}_workers`]: perSec } };
}
