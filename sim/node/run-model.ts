// The RunFn for Node: one replication of a scenario's design, given a RunTask. The
// thread pool's workers and the in-process executor both use it, so a replication is
// computed by the same code whatever runs it. Scenarios are loaded once per worker
// and per design point, then reused.
//
// A design point sets values at paths of the scenario document (e.g.
// `designs.usm.policies.protectedDesignShare`). It is applied to the parsed YAML
// before loading, so units, provenance and every check apply to swept values too; a
// misspelt key is caught by the schema like any unknown key. Keys `scale:<name>` and
// `load:schedule` are not paths: they transform the loaded models (experiment/scale.ts).

import { stringify } from 'yaml';
import type { RunResult, RunTask } from '../experiment/index.js';
import { parsePath, formatPath } from '../experiment/index.js';
import { simulate, toRunResult, type ModelSpec } from '../model/index.js';
import { scaleIssues, scaleSpec, splitPoint, withLoadSchedule, type ScaleFactors } from '../experiment/scale.js';
import { loadScenario, RESERVED_KEYS, ScenarioError, type Scenario } from '../scenario/index.js';
import { parseSource } from '../scenario/source-text.js';
import { extendsAccess, loadScenarioFile, readScenarioText } from './scenario-files.js';

const cache = new Map<string, Scenario>();

export function scenarioFor(file: string, point?: Record<string, unknown>): Scenario {
  const key = point && Object.keys(point).length > 0 ? `${file}\u0000${JSON.stringify(point)}` : file;
  let s = cache.get(key);
  if (s === undefined) {
    s = point && Object.keys(point).length > 0 ? loadScaled(file, point) : loadScenarioFile(file);
    cache.set(key, s);
  }
  return s;
}

/** A point's scenario paths applied to the file, then its scale factors and load schedule to every design's model (scale.ts). */
function loadScaled(file: string, point: Record<string, unknown>): Scenario {
  const { paths, scale, schedule } = splitPoint(point);
  const issues = scaleIssues(scale);
  if (issues.length > 0) throw new ScenarioError(file, issues.map((message) => ({ path: 'scale', message })));
  // The paths' scenario is cached on its own, so the scale levels of one point share one load.
  const base = Object.keys(paths).length > 0 ? (Object.keys(scale).length === 0 && schedule === undefined ? loadWithPoint(file, paths) : scenarioFor(file, paths)) : scenarioFor(file);
  if (Object.keys(scale).length === 0 && schedule === undefined) return base;
  const designs: Record<string, ModelSpec> = {};
  for (const [id, spec] of Object.entries(base.designs)) {
    const scaled = scaleSpec(spec, scale as ScaleFactors);
    designs[id] = schedule !== undefined ? withLoadSchedule(scaled, schedule) : scaled;
  }
  return { ...base, designs };
}

function loadWithPoint(file: string, point: Record<string, unknown>): Scenario {
  // parseSource applies the same YAML checks as loading (depth, tags, reserved keys).
  const doc = parseSource(readScenarioText(file), file).data as unknown;
  for (const [path, value] of Object.entries(point)) {
    let segments;
    try {
      segments = parsePath(path);
    } catch (e) {
      throw new ScenarioError(file, [{ path, message: (e as Error).message }]);
    }
    // A point path such as __proto__.x would otherwise reach Object.prototype itself.
    const reserved = segments.find((s) => typeof s === 'string' && RESERVED_KEYS.has(s));
    if (reserved !== undefined) {
      throw new ScenarioError(file, [{ path, message: `unknown key "${String(reserved)}": the names __proto__, constructor and prototype are not allowed as keys anywhere in a scenario` }]);
    }
    let node = doc as Record<string | number, unknown>;
    for (let i = 0; i < segments.length - 1; i++) {
      const seg = segments[i]!;
      let next = node[seg];
      if (next === undefined && typeof seg === 'string' && !Array.isArray(node)) {
        next = {};
        node[seg] = next; // a map the file leaves out (e.g. a design without policy overrides)
      }
      if (typeof next !== 'object' || next === null) {
        throw new ScenarioError(file, [{ path, message: `cannot set a value here: ${formatPath(segments.slice(0, i + 1))} is ${next === undefined ? 'missing' : 'not a map or list'}` }]);
      }
      node = next as Record<string | number, unknown>;
    }
    const last = segments[segments.length - 1]!;
    if (Array.isArray(node) && (typeof last !== 'number' || last >= node.length)) {
      throw new ScenarioError(file, [{ path, message: `index ${String(last)} is outside the list (length ${node.length})` }]);
    }
    node[last] = value;
  }
  return loadScenario(stringify(doc), file, extendsAccess());
}

export function run(task: RunTask): RunResult {
  // A model shipped with the task (see resolved-executor.ts) saves loading the scenario here.
  const spec = (task.model as ModelSpec | undefined) ?? scenarioFor(task.scenarioId, task.point).designs[task.design];
  if (spec === undefined) throw new Error(`design "${task.design}" not in ${task.scenarioId}`);
  const r = simulate(spec, { seed: task.seed, replication: task.replication, horizon: task.horizon, warmup: task.warmup, weekly: task.series === true });
  return toRunResult(r);
}

export default run;
