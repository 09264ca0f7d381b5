// An executor decorator that resolves each task's model (scenario file, design, design
// point -> ModelSpec) once in the calling thread and ships it with the task. Worker
// threads (or remote workers) then simulate at once instead of each parsing YAML,
// evaluating units and compiling the schema again. Results are unchanged: the spec is
// exactly what the worker would have loaded.

import type { Executor, RunTask } from '../experiment/index.js';
import { scenarioFor } from './run-model.js';

export function withResolvedModels(inner: Executor): Executor {
  return {
    run(tasks: RunTask[], onProgress?: (done: number, total: number) => void) {
      const resolved = tasks.map((t) => {
        if (t.model !== undefined) return t;
        const spec = scenarioFor(t.scenarioId, t.point).designs[t.design];
        if (spec === undefined) throw new Error(`design "${t.design}" not in ${t.scenarioId}`);
        return { ...t, model: spec };
      });
      return inner.run(resolved, onProgress);
    },
    close: () => inner.close(),
  };
}
