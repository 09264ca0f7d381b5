// The contract between the experiment layer and a model: what one replication is
// given (RunTask), what it returns (RunResult), and how batches of replications
// are executed (Executor). Nothing here depends on Node, so the same contract
// drives runs in a CLI thread pool, in tests and in a browser Web Worker.

/** Metrics of one group within a replication (a value stream, a team): id → metric → value. */
export type GroupMetrics = Record<string, Record<string, number>>;

/** One replication's outcome: flat metrics plus optional weekly series (columnar) and
 *  optional breakdowns per value stream and per team. */
export interface RunResult {
  metrics: Record<string, number>;
  series?: { week: number[] | Float64Array; [name: string]: ArrayLike<number> };
  byStream?: GroupMetrics;
  byTeam?: GroupMetrics;
  /** Weekly series per kind (stream, team, role, person), id and metric, when the task asked for them. */
  weekly?: WeeklySeries;
  /** Mean lead time split into its parts (queue, work, key_person, ...) [h]; they add up to
   *  metrics.lead_time_mean. Absent from results stored before RESULT_FORMAT 3. */
  parts?: Record<string, number>;
  /** What became of the window's problems, flat (problems_per_100, one key per fate per 100
   *  requests, visible_share, designed_share, time_to_design_mean). */
  anatomy?: Record<string, number>;
}

/** kind → id → metric → one value per week (week 1 first). */
export type WeeklySeries = Record<string, Record<string, Record<string, ArrayLike<number>>>>;

/** What a replication needs: which design point, which seed, which replication index. */
export interface RunTask {
  scenarioId: string;
  design: string;
  point?: Record<string, unknown>;
  seed: number | string;
  replication: number;
  horizon: number;
  warmup: number;
  /** Also record weekly series per stream, team, role and person (RunResult.weekly). */
  series?: boolean;
  /** The resolved model, attached by the caller so workers need not load the scenario
   *  (opaque here: the experiment layer never reads it). */
  model?: unknown;
}

/** Runs one replication synchronously; pure and deterministic given the task. */
export type RunFn = (task: RunTask) => RunResult;

/** Runs many tasks (in-process, on threads, on a queue); results in task order. */
export interface Executor {
  run(tasks: RunTask[], onProgress?: (done: number, total: number) => void): Promise<RunResult[]>;
  close(): Promise<void>;
}

/** The part of a task shared by every replication of an experiment. */
export type TaskBase = Omit<RunTask, 'design' | 'replication'>;
