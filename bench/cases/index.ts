// The registry of benchmark cases and of the figures derived from them.
//
// To add a benchmark: write a module exporting `run(ctx): CaseOutput` (see
// ../lib/types.ts), add one entry to `cases` naming the figures it reports, and, if it
// is compared with something, one `ratio(...)` line to `derived`. run.ts needs no change.
//
// Modules load lazily (`load`) so each child process imports only the case it runs:
// the SIM.JS bundle, for instance, never enters the engine's process.
//
// Order matters: it is the order of cases in a run and of keys in the JSON output.

import type { CaseModule } from '../lib/types.js';

export interface CaseSpec {
  name: string;
  about: string;
  /** Every figure the case reports; any it fails to report shows as missing. */
  figures: readonly string[];
  params?: Readonly<Record<string, number | string>>;
  load: () => Promise<CaseModule>;
  /** Kill the child after this long (per repetition). */
  timeoutSeconds?: number;
}

export interface DerivedSpec {
  name: string;
  about: string;
  /** Figures whose medians feed `compute`, in argument order. */
  inputs: readonly string[];
  compute: (...medians: number[]) => number;
  /** Acceptance threshold, shown beside the value; informational, never enforced by altering data. */
  targetMin?: number;
  /** The same for a figure where lower is better (a time). */
  targetMax?: number;
}

/** numerator / denominator of two medians; higher is better for the numerator. */
export function ratio(name: string, numerator: string, denominator: string, targetMin?: number): DerivedSpec {
  return {
    name,
    about: `${numerator} / ${denominator}`,
    inputs: [numerator, denominator],
    compute: (a, b) => a / b,
    ...(targetMin === undefined ? {} : { targetMin }),
  };
}

/** A figure's median held against an absolute goal (a speed the project has promised). */
export function goal(name: string, figure: string, targetMin: number): DerivedSpec {
  return { name, about: `${figure} against its goal`, inputs: [figure], compute: (x) => x, targetMin };
}

/** A time's median held against the most it may take (lower is better). */
export function ceiling(name: string, figure: string, targetMax: number): DerivedSpec {
  return { name, about: `${figure} against its goal`, inputs: [figure], compute: (x) => x, targetMax };
}

/** 1 if two deterministic figures are identical, else 0: cross-implementation sanity checks. */
export function same(name: string, a: string, b: string): DerivedSpec {
  return { name, about: `${a} === ${b}`, inputs: [a, b], compute: (x, y) => (Object.is(x, y) ? 1 : 0), targetMin: 1 };
}

function holdCase(label: string, n: number, impl: 'engine' | 'bare', ops: number): CaseSpec {
  return {
    name: `hold-${label}-${impl}`,
    about: `hold model, ${n} pending events, ${impl === 'engine' ? 'stroom Simulation' : 'bare typed-array heap'}`,
    figures: [`hold_${label}_${impl}_ops_per_sec`, `hold_${label}_${impl}_final_clock`],
    params: { label, n, impl, ops },
    load: () => import('./hold.js'),
  };
}

export const cases: readonly CaseSpec[] = [
  {
    name: 'mm1-engine',
    about: 'M/M/1 (rho 0.9, ~2M events) on stroom Simulation',
    figures: ['engine_events_per_sec', 'engine_mean_wait'],
    load: () => import('./mm1-engine.js'),
  },
  {
    name: 'mm1-bare',
    about: 'the same M/M/1 on a bare typed-array heap loop, same random numbers',
    figures: ['bare_heap_events_per_sec', 'bare_heap_mean_wait', 'bare_heap_same_as_engine'],
    load: () => import('./mm1-bare.js'),
  },
  {
    name: 'mm1-simjs',
    about: 'the same M/M/1 on SIM.JS (npm simjs): Entity timer + FCFS Facility',
    figures: ['simjs_events_per_sec', 'simjs_mean_wait'],
    load: () => import('./mm1-simjs.js'),
  },
  {
    name: 'mm1-simpy',
    about: 'the same M/M/1 on SimPy 3 (python3): source process + Resource',
    figures: ['simpy_events_per_sec', 'simpy_mean_wait'],
    load: () => import('./mm1-simpy.js'),
    timeoutSeconds: 300,
  },
  holdCase('1k', 1_000, 'engine', 4_000_000),
  holdCase('1k', 1_000, 'bare', 4_000_000),
  holdCase('100k', 100_000, 'engine', 3_000_000),
  holdCase('100k', 100_000, 'bare', 3_000_000),
  {
    name: 'model',
    about: 'organisation model: a DPV year (152 persons, 52 weeks after 8 weeks warm-up), island and USM alternating',
    figures: ['model_events_per_sec', 'model_events_per_sec_cold', 'model_year_ms'],
    load: () => import('./model.js'),
    timeoutSeconds: 300,
  },
  {
    name: 'reps-1',
    about: 'DPV-year replications per second, in-process (1 worker)',
    figures: ['reps_per_sec_1_worker'],
    params: { workers: 1 },
    load: () => import('./reps.js'),
    timeoutSeconds: 300,
  },
  {
    name: 'reps-2',
    about: 'DPV-year replications per second on the thread pool (2 workers)',
    figures: ['reps_per_sec_2_workers'],
    params: { workers: 2 },
    load: () => import('./reps.js'),
    timeoutSeconds: 300,
  },
  {
    name: 'distributed',
    about: 'DPV-year replications via Redis queue (2 workers x 1 thread) vs local pool (2 threads); private redis-server',
    figures: ['distributed_local_s_per_rep', 'distributed_queue_s_per_rep', 'distributed_overhead', 'distributed_same_results'],
    params: { reps: 16 },
    load: () => import('./distributed.js'),
    timeoutSeconds: 600,
  },
  {
    name: 'cli-start',
    about: 'CLI start-up: `stroom validate` of a small scenario, process start to exit (goal <= 0.4 s)',
    figures: ['cli_start_s'],
    load: () => import('./start.js'),
    timeoutSeconds: 120,
  },
  {
    name: 'start',
    about: '`npm start` with dist/ up to date (goal <= 8 s; mostly the DPV compare itself), and the build check alone (goal <= 1 s)',
    figures: ['build_check_s', 'start_wall_s'],
    load: () => import('./start.js'),
    timeoutSeconds: 900,
  },
  {
    name: 'viewer-fps',
    about: 'viewer replaying two DPV year traces side by side (island and usm, 152 persons, ~6.3M events together) at x64 in headless Chromium',
    figures: ['viewer_fps', 'viewer_frame_p95_ms'],
    load: () => import('./viewer-fps.js'),
    timeoutSeconds: 300,
  },
];

export const derived: readonly DerivedSpec[] = [
  ratio('engine_vs_bare_heap', 'engine_events_per_sec', 'bare_heap_events_per_sec', 0.7),
  ratio('engine_vs_simjs', 'engine_events_per_sec', 'simjs_events_per_sec', 6),
  ratio('engine_vs_simpy', 'engine_events_per_sec', 'simpy_events_per_sec', 50),
  ratio('hold_1k_vs_bare_heap', 'hold_1k_engine_ops_per_sec', 'hold_1k_bare_ops_per_sec', 0.5),
  ratio('hold_100k_vs_bare_heap', 'hold_100k_engine_ops_per_sec', 'hold_100k_bare_ops_per_sec', 0.5),
  ratio('parallel_speedup', 'reps_per_sec_2_workers', 'reps_per_sec_1_worker', 1.8),
  goal('model_speed', 'model_events_per_sec', 2_000_000),
  goal('viewer_fps_goal', 'viewer_fps', 50),
  ceiling('cli_start', 'cli_start_s', 0.4),
  ceiling('build_check', 'build_check_s', 1),
  ceiling('start_wall', 'start_wall_s', 8),
  same('hold_1k_same_order', 'hold_1k_engine_final_clock', 'hold_1k_bare_final_clock'),
  same('hold_100k_same_order', 'hold_100k_engine_final_clock', 'hold_100k_bare_final_clock'),
];
