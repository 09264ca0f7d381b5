// Public API of the experiment layer: replications on common random numbers,
// summaries and paired comparisons, sequential precision control, warm-up
// estimation and sweeps. Free of Node-only imports so it also runs in a browser
// Web Worker; the Node thread pool lives in sim/node/pool.ts.

export type { RunResult, RunTask, RunFn, Executor, TaskBase, GroupMetrics, WeeklySeries } from './types.js';
export { describeTask, taskErrorMessage, TaskError } from './task-error.js';
export { createInlineExecutor, type InlineExecutorOptions } from './executor-inline.js';
export {
  runReplications,
  replicationTasks,
  toRecords,
  tidyMetrics,
  type ReplicationRecord,
  type TidyMetricRow,
} from './replications.js';
export { summarise, summariseMetric, metricValues, type MetricSummary, type DesignSummary, type Summary } from './summary.js';
export { compareDesigns, type MetricComparison, type Comparison } from './compare.js';
export { facetRecords, summariseFacet, compareFacet, hasFacet, type Facet } from './facets.js';
export { summariseGroups, compareGroups, groupIds, groupRecords, type GroupKind, type GroupSummary, type GroupComparison } from './breakdown.js';
export {
  diagnose,
  diagnoseDesign,
  problems,
  problemCodes,
  slope,
  OVERLOAD_LIMIT,
  COMPLETION_RATIO_LIMIT,
  TREND_LIMIT_PCT,
  TREND_MIN_ITEMS,
  LITTLE_LIMIT,
  type Diagnostic,
  type DiagnosticName,
  type Diagnostics,
  type DiagnosticOptions,
} from './diagnostics.js';
export { runSequential, type SequentialOptions, type SequentialResult } from './sequential.js';
export { estimateWarmup, estimateWarmupMulti, WARMUP_SERIES, type WarmupOptions, type WarmupEstimate, type MultiWarmupEstimate } from './warmup.js';
export { grid, latinHypercube, type DesignPoint, type FactorRange } from './design-points.js';
export { setPath, getPath, applyPoint, parsePath, formatPath, type PathSegment } from './paths.js';
export { runSweep, type SweepOptions, type SweepPointResult } from './sweep.js';
export {
  ablationPlan,
  ablationTasks,
  analyseAblation,
  runAblation,
  differingPolicies,
  scenarioPolicyPath,
  ablationNotes,
  deepEqual,
  type AblationDesign,
  type AblationPlan,
  type AblationVariant,
  type AblationField,
  type AblationEffect,
  type AblationResult,
} from './ablation.js';
export { observedWeeks, splitWindows, weeksBetween, windowMean, windowRecords, changeRecords, seriesNames, type WeekRange } from './windows.js';
