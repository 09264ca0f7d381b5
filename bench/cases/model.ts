// The organisation model at DPV size: events per second of a year of the built-in DPV
// agency (152 persons, 52 weeks after an 8-week warm-up). Two untimed runs warm the JIT
// first (as in any experiment of more than a couple of replications); then island and
// USM replications alternate and the total of fired engine events is divided by the
// total wall time of the simulate() calls. The cold first run is reported beside it.
// The model is the compiled one in dist/, as users run it (bench/lib/dist.ts).

import { importDist } from '../lib/dist.js';
import type { CaseContext, CaseOutput } from '../lib/types.js';

type Model = typeof import('../../sim/model/index.js');
type ScenarioFiles = typeof import('../../sim/node/scenario-files.js');

export async function run(ctx: CaseContext): Promise<CaseOutput> {
  const { simulate } = await importDist<Model>('sim/model/index.js');
  const { loadScenarioFile } = await importDist<ScenarioFiles>('sim/node/scenario-files.js');
  const scenario = loadScenarioFile('scenarios/dpv.yaml');
  const horizon = Math.max(1, Math.round(52 * ctx.scale)) * 40;
  const warmup = 8 * 40;
  const designs = ['island', 'usm'] as const;
  const timed = (design: string, replication: number) => {
    const t0 = performance.now();
    const r = simulate(scenario.designs[design]!, { seed: 2026, replication, horizon, warmup });
    return { events: r.events, ms: performance.now() - t0 };
  };
  const cold = timed('island', 100);
  timed('usm', 101);
  let events = 0;
  let ms = 0;
  const reps = 6;
  for (let i = 0; i < reps; i++) {
    const r = timed(designs[i % 2]!, i);
    events += r.events;
    ms += r.ms;
  }
  return {
    figures: {
      model_events_per_sec: (events / ms) * 1000,
      model_events_per_sec_cold: (cold.events / cold.ms) * 1000,
      model_year_ms: ms / reps,
    },
    info: { persons: String(scenario.designs.island!.persons.length), events_per_year: String(Math.round(events / reps)) },
  };
}
