// `stroom sensitivity`: does a comparison of two designs survive other values of the
// behaviour assumptions? A Latin hypercube (or Morris trajectories) over the behaviour
// parameters whose provenance is an assumption, both designs at every point with
// replications on common random numbers; per paired difference the share of points
// where its sign holds, the most influential parameters and the region where it flips.

import type { CommandModule } from 'yargs';
import type { SensitivityParam } from '../../experiment/sensitivity-design.js';
import type { SensitivityMethod } from '../../experiment/sensitivity-run.js';
import { makeContext } from '../context.js';
import { UsageError } from '../errors.js';
import { type CommonArgs, positiveInt, withCommon } from '../options.js';
import { emit } from '../output.js';
import { listArg } from './compare.js';

interface SensitivityArgs extends Omit<CommonArgs, 'format'> {
  format: 'table' | 'csv' | 'json' | 'html';
  designs?: string;
  params?: string;
  method?: string;
  points?: number;
  metrics?: string;
}

/** Most replications one sensitivity command may run ((points + 1) x reps x 2 designs). */
export const SENSITIVITY_MAX_RUNS = 20_000;
const DEFAULT_METRICS = ['lead_time_mean', 'escalations_per_100', 'manager_design_share', 'due_date_attainment'];
const note = (line: string) => process.stderr.write(`stroom: ${line}\n`);

export function sensitivityCommand(_setExit: (code: number) => void): CommandModule<object, SensitivityArgs> {
  return {
    command: 'sensitivity <scenario>',
    describe: 'does a design comparison hold across the behaviour assumptions? (Latin hypercube or Morris, PRIM flip regions)',
    builder: (y) =>
      withCommon(y)
        // yargs appends to the choices withCommon gave: name only the added one.
        .option('format', { choices: ['html'] as const, describe: 'output format (html: a self-contained report with charts)' })
        .option('designs', { alias: 'd', type: 'string', describe: 'two designs a,b: differences are b - a (default: the scenario\'s baseline and the next design)' })
        .option('params', { type: 'string', describe: 'behaviour parameters to vary, comma-separated (default: every one whose provenance says "assumption:"); each over ±50% of its value, probabilities within [0,1], counts whole' })
        .option('method', { choices: ['lhs', 'morris'], describe: 'lhs: Latin hypercube, influence by Spearman rank; morris: elementary effects, influence by mu* and sigma (default lhs)' })
        .option('points', { type: 'number', describe: 'Latin hypercube points (default 64), or Morris trajectories of (parameters + 1) points each (default 8)' })
        .option('metrics', { alias: 'm', type: 'string', describe: `metrics whose difference is analysed (default: ${DEFAULT_METRICS.join(',')})` })
        .epilogue('Every point runs both designs with the same replications (common random numbers); the scenario\'s own values run too and give the reference sign. "Sign holds" is the share of points where the mean paired difference has that sign; the flip region is a PRIM box (Friedman & Fisher 1999) over the points where it has the other sign. The design is drawn from its own random stream, so it does not change with --reps.')
        .example('$0 sensitivity dpv --designs island,usm --points 32 --reps 3 --horizon 26', 'does usm beat island across the behaviour assumptions?')
        .example('$0 sensitivity dpv --designs island,usm --method morris --points 6 --params improviseTendency,compensationPropensity,designCoverageGain', 'Morris screening of three assumptions')
        .example('$0 sensitivity dpv --designs island,usm --points 32 -f html -o out/sensitivity.html', 'as a self-contained HTML report') as never,
    handler: async (args) => {
      const method: SensitivityMethod = args.method === 'morris' ? 'morris' : 'lhs';
      const points = positiveInt('points', args.points, 10_000) ?? (method === 'morris' ? 8 : 64);
      if (method === 'lhs' && points < 4) throw new UsageError(`--points: a Latin hypercube needs at least 4 points to rank influence, got ${points}`);
      if (method === 'morris' && points < 2) throw new UsageError(`--points: Morris needs at least 2 trajectories for sigma, got ${points}`);
      // The model and the experiment code load when the command runs, not at CLI start.
      const { METRIC_IDS } = await import('../../model/index.js');
      const { defaultRange } = await import('../../experiment/sensitivity.js');
      const { sensitivityRuns } = await import('../../experiment/sensitivity-run.js');
      const { behaviourParameters } = await import('../../scenario/assumptions.js');
      const { sensitivityOutput } = await import('../sensitivity-report.js');
      const metrics = listArg('metrics', args.metrics, METRIC_IDS) ?? DEFAULT_METRICS;
      const ctx = await makeContext(args as unknown as CommonArgs);
      try {
        const order = ctx.scenario.designOrder;
        const designs = listArg('designs', args.designs, order) ?? [ctx.scenario.experiment.baseline, ...order.filter((d) => d !== ctx.scenario.experiment.baseline)].slice(0, 2);
        if (designs.length !== 2 || designs[0] === designs[1]) throw new UsageError(`--designs: name two different designs a,b (differences are b - a); designs: ${order.join(', ')}`);
        const { readScenarioText, extendsAccess } = await import('../../node/scenario-files.js');
        const { loadLayers, mergeLayers } = await import('../../scenario/extends.js');
        const doc = mergeLayers(loadLayers(readScenarioText(ctx.file), ctx.file, extendsAccess()));
        const all = behaviourParameters(doc, ctx.scenario.designs[designs[0]!]!.behaviour);
        const wanted = args.params?.split(',').map((s) => s.trim().replace(/^behaviour\./, '')).filter(Boolean);
        if (wanted !== undefined) {
          if (wanted.length === 0) throw new UsageError('--params: expected a comma-separated list of behaviour parameters');
          for (const w of wanted) if (!all.some((p) => p.name === w)) throw new UsageError(`--params: unknown behaviour parameter "${w}"; valid: ${all.map((p) => p.name).join(', ')}`);
        }
        const chosen = wanted !== undefined ? all.filter((p) => wanted.includes(p.name)) : all.filter((p) => p.assumed);
        const params: SensitivityParam[] = [];
        for (const p of chosen) {
          const range = defaultRange(p.value, { probability: p.probability, integer: p.integer, min: p.integer ? 1 : 0 });
          if (!(range.max > range.min)) {
            note(`${p.name}: its value ${p.value} leaves no range of ±50% to vary; left at its value`);
            continue;
          }
          params.push({ name: p.name, path: p.path, value: p.value, range });
        }
        if (params.length === 0) throw new UsageError(`sensitivity: no behaviour parameter to vary${wanted === undefined ? ' (none has an "assumption:" provenance; name some with --params)' : ''}`);
        const runs = sensitivityRuns({ params, method, points, replications: ctx.reps });
        if (runs > SENSITIVITY_MAX_RUNS) {
          const pts = method === 'morris' ? `${points} trajectories x ${params.length + 1} points` : `${points} points`;
          throw new UsageError(`sensitivity: (${pts} + the scenario's own) x ${ctx.reps} replications x 2 designs is ${runs} runs, more than the ${SENSITIVITY_MAX_RUNS} allowed; lower --points or --reps${method === 'morris' ? ' or name fewer --params' : ''}`);
        }
        const { runSensitivity, designPoints } = await import('../../experiment/sensitivity-run.js');
        // Every point loads before any run: a value the scenario refuses is reported now.
        const { scenarioFor } = await import('../../node/run-model.js');
        const { fromUnit } = await import('../../experiment/sensitivity-design.js');
        for (const q of designPoints({ params, method, points, seed: ctx.seed }).unit) {
          ctx.checkSize(designs, scenarioFor(ctx.file, Object.fromEntries(params.map((p, j) => [p.path, Number(fromUnit(q[j]!, p.range).toPrecision(6))]))));
        }
        const base = { scenarioId: ctx.file, seed: ctx.seed, horizon: ctx.horizon, warmup: ctx.warmup };
        const result = await runSensitivity(ctx.executor, base, {
          designs: [designs[0]!, designs[1]!], params, method, points, replications: ctx.reps, metrics, seed: ctx.seed, onProgress: ctx.progress('sensitivity'),
        });
        emit(sensitivityOutput(args.format, ctx, { designs: [designs[0]!, designs[1]!], result, points }), args.output);
      } finally {
        await ctx.close();
      }
    },
  };
}
