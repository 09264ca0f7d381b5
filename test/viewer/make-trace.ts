// Writes a trace file for viewer development and tests, exactly as the CLI's
// `stroom trace` will (JSON.stringify(toTraceFile(spec, result, run))), until that
// command exists. Source: the smallOrg fixture, scaled, or a scenario file once
// sim/scenario/ exports a loader.
//
//   npx tsx test/viewer/make-trace.ts [--design island|usm|transition|…] [--seed 1]
//       [--weeks 12] [--warmup 2] [--persons 20] [--scenario scenarios/dpv.yaml] -o out.json

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PRESETS, simulate, toTraceFile, type ModelSpec, type TimelineEntry } from '../../sim/model/index.js';
import { smallOrg } from '../model/fixtures.js';

export interface TraceOptions {
  design: string;
  seed: number;
  weeks: number;
  warmupWeeks: number;
  /** Roughly this many persons (smallOrg only): operators per team scale with it. */
  persons: number;
}

/** A DPV-like transition over smallOrg: the five phases as policy changes. */
function smallTransition(weeks: number): TimelineEntry[] {
  const step = Math.max(1, Math.floor(weeks / 6));
  const at = (k: number) => k * step * 40;
  return [
    { at: at(1), label: 'phase 1: confusion', policies: {} },
    { at: at(2), label: 'phase 2: reflection', policies: { signalVisibility: 0.3 } },
    { at: at(3), label: 'phase 3: naming coordination', policies: { processCoordinator: 'explicit', managerIsLineCoordinator: false } },
    { at: at(4), label: 'phase 4: operator perspective', policies: { operatorsSignal: true, signalVisibility: 1 } },
    {
      at: at(5),
      label: 'phase 5: roles right',
      policies: { managerIntervention: 'refer-or-signal', dominance: 'process', protectedDesignShare: 0.3, mtAgenda: 'design-first', sharedDefinitions: true },
    },
  ];
}

/** The smallOrg fixture for one design, scaled to about `persons` persons; `totalWeeks`
 *  places the transition's phases. viewer/src/builtin-small.ts must build the same. */
export function fixtureSpec(design: string, persons: number, totalWeeks: number): ModelSpec {
  // smallOrg has 3 teams of (ops + manager + line coordinator) plus 2 process coordinators.
  const ops = Math.max(2, Math.round((persons - 2) / 3 - 2));
  const preset = PRESETS[design === 'transition' ? 'island' : design];
  if (!preset) throw new Error(`unknown design ${design}; known: ${Object.keys(PRESETS).join(', ')}, transition`);
  // 4 operators per team carry 40 requests per stream per week at 75% of the fixture's load.
  const spec = smallOrg({ operatorsPerTeam: ops, arrivalPerStreamPerWeek: 40 * (ops / 4) * 0.75, policies: preset });
  if (design === 'transition') spec.timeline = smallTransition(totalWeeks);
  return spec;
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
