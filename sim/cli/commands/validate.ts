// `stroom validate`: loads scenario files, reports every problem with its path, and
// lists the parameters that do not say where they come from.

import type { CommandModule } from 'yargs';
import { scenarioPath } from '../context.js';
import { estimateRunSize, sizeProblems } from '../../model/size.js';
import { offeredLoad } from '../../model/stream-metrics.js';
import type { ModelSpec } from '../../model/spec.js';
import { UsageError } from '../errors.js';
import { refuseRepeated } from '../options.js';
import { isBadInput } from '../report-error.js';
import { describeSize } from '../size-check.js';

interface ValidateArgs {
  scenarios: string[];
  strict?: boolean;
}

export function validateCommand(setExit: (code: number) => void): CommandModule<object, ValidateArgs> {
  return {
    command: 'validate <scenarios..>',
    describe: 'check scenario files and report parameters without provenance',
    builder: (y) =>
      y
        .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario files or built-in names' })
        .option('strict', { type: 'boolean', default: false, describe: 'exit 1 when a parameter lacks provenance' })
        .example('$0 validate scenarios/*.yaml', 'check every built-in scenario')
        .example('$0 validate my-org.yaml --strict', 'fail when a parameter has no source or assumption')
        .middleware(refuseRepeated(['scenarios'])) as never,
    handler: async (args) => {
      const { loadScenarioFile } = await import('../../node/scenario-files.js');
      let worst = 0;
      for (const name of args.scenarios) {
        let file: string;
        try {
          file = await scenarioPath(name);
        } catch (e) {
          if (!(e instanceof UsageError)) throw e;
          process.stderr.write(`stroom: ${e.message}\n`);
          worst = 2;
          continue;
        }
        try {
          const s = loadScenarioFile(file);
          const missing = s.provenance.missing;
          const persons = Object.values(s.designs)[0]?.persons.length ?? 0;
          // The run the file's experiment settings ask for, sized as `run` would refuse it (README, "Limits of a run").
          const x = s.experiment;
          const run = { horizon: x.horizon, warmup: x.warmup === 'auto' ? 0 : x.warmup };
          const sizes = s.designOrder.map((d) => ({ d, plain: estimateRunSize(s.designs[d]!, { ...run, trace: false }), traced: estimateRunSize(s.designs[d]!, { ...run, trace: true }) }));
          const over = sizes.map(({ d, plain }) => ({ d, problems: sizeProblems(plain) })).find((o) => o.problems.length > 0);
          if (over) {
            process.stderr.write(`stroom: ${name}: experiment.horizon: one replication of design ${over.d} is too large: ${over.problems.map((p) => p.message).join('; ')}\n`);
            worst = 2;
            continue;
          }
          const largest = sizes.reduce((a, b) => (b.plain.events > a.plain.events ? b : a));
          process.stdout.write(`ok: ${name}: "${s.name}", designs ${s.designOrder.join(', ')}; ${persons} persons\n`);
          process.stdout.write(`  ${describeSize(largest.plain, largest.traced)}${x.warmup === 'auto' ? ' (plus the estimated warm-up)' : ''}\n`);
          const traceOver = sizeProblems(largest.traced).find((p) => p.limit === 'traceEvents');
          if (traceOver) process.stdout.write(`  stroom trace would refuse this length: ${traceOver.message}\n`);
          // A warning, not an error: an overloaded team is a legitimate thing to study, but its
          // averages then depend on the horizon (README, "Metrics", diagnostics).
          for (const w of overloadWarnings(s.designOrder, s.designs)) {
            process.stdout.write(`  warning: ${w}\n`);
            process.stderr.write(`stroom: warning: ${name}: ${w}\n`);
          }
          if (missing.length > 0) {
            process.stdout.write(`  ${missing.length} parameter(s) without provenance (add source: "000:L123" or assumption: "why"):\n`);
            for (const p of missing) process.stdout.write(`    ${p}\n`);
            if (args.strict) worst = Math.max(worst, 1);
          } else {
            process.stdout.write('  every parameter has provenance\n');
          }
        } catch (e) {
          if (!isBadInput(e)) throw e;
          process.stderr.write(`stroom: ${(e as Error).message}\n`);
          worst = 2;
        }
      }
      setExit(worst);
    },
  };
}

/** Teams whose offered load before questions reaches 1, per design, in words. */
export function overloadWarnings(designOrder: readonly string[], designs: Readonly<Record<string, ModelSpec>>): string[] {
  const out: string[] = [];
  for (const d of designOrder) {
    for (const [team, load] of Object.entries(offeredLoad(designs[d]!))) {
      if (load >= 1) out.push(`design ${d}: team ${team} is overloaded: offered load ${load.toFixed(2)} before questions; it cannot keep up even if nothing goes wrong, so results depend on the horizon`);
    }
  }
  return out;
}
