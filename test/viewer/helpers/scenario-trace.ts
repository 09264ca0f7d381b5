// Trace from a scenario file through sim/scenario's loader, the way `stroom trace` will
// make one: the design's spec, the experiment's horizon and warm-up (unless the
// options override them), seed and replication 0.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { simulate, toTraceFile } from '../../../sim/model/index.js';
import { loadScenario } from '../../../sim/scenario/index.js';

export interface ScenarioTraceOptions {
  design: string;
  seed: number;
  /** Observed weeks; default the scenario's horizon. */
  weeks?: number;
  /** Warm-up weeks; default the scenario's warm-up. */
  warmupWeeks?: number;
}

export function scenarioTrace(file: string, o: ScenarioTraceOptions): string {
  const scenario = loadScenario(readFileSync(file, 'utf8'), basename(file));
  const spec = scenario.designs[o.design];
  if (!spec) throw new Error(`design "${o.design}" not in ${file}; designs: ${scenario.designOrder.join(', ')}`);
  const horizon = o.weeks !== undefined ? o.weeks * 40 : scenario.experiment.horizon;
  const warm = scenario.experiment.warmup;
  const warmup = o.warmupWeeks !== undefined ? o.warmupWeeks * 40 : warm === 'auto' ? 0 : warm;
  const run = { scenario: scenario.name, design: o.design, seed: o.seed, replication: 0, horizon, warmup };
  const result = simulate(spec, { seed: o.seed, replication: 0, horizon, warmup, trace: true });
  return JSON.stringify(toTraceFile(spec, result, run));
}
