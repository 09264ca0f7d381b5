// The RunFn for Node: one replication of a scenario's design, given a RunTask. The
// thread pool's workers and the in-process executor both use it, so a replication is
// computed by the same code whatever runs it. Scenarios are loaded once per worker
// and per design point, then reused.

import type { RunResult, RunTask } from '../experiment/index.js';
import { simulate } from '../model/index.js';
import { loadScenarioFile, type LoadedScenario } from './scenario-files.js';

const cache = new Map<string, LoadedScenario>();

export function scenarioFor(file: string, point?: Record<string, unknown>): LoadedScenario {
  const key = point && Object.keys(point).length > 0 ? `${file}\u0000${JSON.stringify(point)}` : file;
  let s = cache.get(key);
  if (s === undefined) {
    s = loadScenarioFile(file, point);
    cache.set(key, s);
  }
  return s;
}

export function run(task: RunTask): RunResult {
  const scenario = scenarioFor(task.scenarioId, task.point);
  const spec = scenario.designs[task.design];
  if (spec === undefined) throw new Error(`design "${task.design}" not in ${task.scenarioId}; designs: ${Object.keys(scenario.designs).join(', ')}`);
  const r = simulate(spec, { seed: task.seed, replication: task.replication, horizon: task.horizon, warmup: task.warmup });
  return { metrics: r.metrics, series: r.series };
}

export default run;
