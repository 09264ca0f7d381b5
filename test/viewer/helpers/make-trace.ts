// Writes a trace file for viewer development and tests, exactly as the CLI's
// `stroom trace` will (JSON.stringify(toTraceFile(spec, result, run))), until that
// command exists. Source: the smallOrg fixture, scaled, or a scenario file once
// sim/scenario/ exports a loader.
//
//   npx tsx test/viewer/helpers/make-trace.ts [--design island|usm|transition|…] [--seed 1]
//       [--weeks 12] [--warmup 2] [--persons 20] [--scenario scenarios/dpv.yaml] -o out.json

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { simulate, toTraceFile, type ModelSpec } from '../../../sim/model/index.js';
import { smallSpec } from '../../../viewer/src/builtin-small.js';

export interface TraceOptions {
  design: string;
  seed: number;
  weeks: number;
  warmupWeeks: number;
  /** Roughly this many persons (smallOrg only): operators per team scale with it. */
  persons: number;
}

/** The small organisation for one design, scaled to about `persons` persons: the same
 *  spec the viewer's in-browser run builds (viewer/src/builtin-small.ts). */
export function fixtureSpec(design: string, persons: number, totalWeeks: number): ModelSpec {
  return smallSpec(design, persons, totalWeeks);
}

export function makeTrace(o: TraceOptions): string {
  const spec = fixtureSpec(o.design, o.persons, o.weeks + o.warmupWeeks);
  const run = { scenario: 'small', design: o.design, seed: o.seed, replication: 0, horizon: o.weeks * 40, warmup: o.warmupWeeks * 40 };
  const result = simulate(spec, { seed: o.seed, replication: 0, horizon: run.horizon, warmup: run.warmup, trace: true });
  return JSON.stringify(toTraceFile(spec, result, run));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      design: { type: 'string', default: 'island' },
      seed: { type: 'string', default: '1' },
      weeks: { type: 'string', default: '12' },
      warmup: { type: 'string', default: '2' },
      persons: { type: 'string', default: '20' },
      scenario: { type: 'string' },
      out: { type: 'string', short: 'o' },
    },
  });
  const o: TraceOptions = {
    design: values.design!,
    seed: Number(values.seed),
    weeks: Number(values.weeks),
    warmupWeeks: Number(values.warmup),
    persons: Number(values.persons),
  };
  let text: string;
  if (values.scenario) {
    const { scenarioTrace } = await import('./scenario-trace.js');
    text = scenarioTrace(values.scenario, {
      design: o.design,
      seed: o.seed,
      ...(values.weeks !== undefined && process.argv.includes('--weeks') ? { weeks: o.weeks } : {}),
      ...(process.argv.includes('--warmup') ? { warmupWeeks: o.warmupWeeks } : {}),
    });
  } else text = makeTrace(o);
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  process.stderr.write(`trace: ${(text.length / 1e6).toFixed(2)} MB\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
