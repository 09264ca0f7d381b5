// `stroom ablate`: which of the policy choices that separate two designs moves which
// outcome. Runs `from`, `to`, `from` with each differing policy alone set as in `to`,
// and `to` with each set back alone as in `from`, all on common random numbers, and
// prints per metric each field's paired effect in both settings with its 95% interval.
// The fields are whatever the two designs' resolved policies differ in (see
// sim/experiment/ablation.ts), so the command follows the model as policies change.

import type { CommandModule } from 'yargs';
import type { AblationDesign, AblationPlan, AblationResult, MetricComparison } from '../../experiment/index.js';
import type { Scenario } from '../../scenario/index.js';
import { describeRun, makeContext, scenarioPath } from '../context.js';
import { UsageError } from '../errors.js';
import { plusMinus, table, toJson } from '../format.js';
import { type CommonArgs, withCommon } from '../options.js';
import { emit } from '../output.js';
import { listArg } from './compare.js';

interface AblateArgs extends CommonArgs {
  from?: string;
  to?: string;
  metrics?: string;
}

/** Shown unless --metrics says otherwise: flow, escalation, the compensation loop and its result. */
const HEADLINE = [
  'lead_time_mean', 'lead_time_p90', 'wip_mean', 'escalations_per_100', 'improvisations_per_100',
  'manager_design_share', 'manager_compensation_share', 'coverage_final',
];

function metricsArg(v: string | undefined, METRIC_IDS: readonly string[]): string[] {
  if (v?.trim() === 'all') return [...METRIC_IDS];
  // Metrics come and go with the model: the default keeps only those it still reports.
  return listArg('metrics', v, METRIC_IDS) ?? HEADLINE.filter((m) => (METRIC_IDS as readonly string[]).includes(m));
}

function designArg(flag: 'from' | 'to', id: string, scenario: Scenario, name: string): string {
  if (scenario.designs[id]) return id;
  throw new UsageError(`--${flag}: "${id}" is not a design of ${name}; designs: ${scenario.designOrder.join(', ')}`);
}

/** A policy value as text: strings bare, everything else as JSON. */
export function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? '';
}

/**
 * Loads every variant the way a worker will (its design point applied to the scenario
 * document) and checks that its starting policies are its base design's with exactly
 * the one field changed. A policy whose document form differs from its resolved value
 * would otherwise be ablated with a wrong value without anyone noticing. (Only the
 * policies are compared: other parts of a spec may legitimately follow from them.)
 */
function checkVariants(
  plan: AblationPlan,
  file: string,
  base: Scenario,
  load: (file: string, point?: Record<string, unknown>) => Scenario,
  deepEqual: (a: unknown, b: unknown) => boolean,
): void {
  for (const v of plan.variants) {
    if (!v.point) continue;
    const f = plan.fields.find((x) => x.field === v.field)!;
    const want = { ...base.designs[v.design]!.policies, [f.field]: v.direction === 'add' ? f.toValue : f.fromValue };
    const got = load(file, v.point).designs[v.design]?.policies;
    if (!deepEqual(got, want)) {
      throw new Error(`ablate: setting ${Object.keys(v.point)[0]} to ${valueText(Object.values(v.point)[0])} does not give ${v.design} with only ${f.field} changed; this policy cannot be ablated through the scenario file`);
    }
  }
}

function effectCell(c: MetricComparison | undefined): string {
  if (!c) return 'n/a';
  // Exactly no difference in any replication: the field cannot have acted on this metric here.
  if (c.mean === 0 && c.halfWidth === 0) return '0  ';
  let text = plusMinus(c.mean, c.halfWidth);
  if (/^-0(\.0+)?( |$)/.test(text)) text = text.slice(1); // rounds to zero: a sign would claim a direction
  return `${text.startsWith('-') ? '' : '+'}${text}${c.significant ? ' *' : '  '}`;
}

function tableText(res: AblationResult, metrics: readonly string[]): string {
  const { from, to, fields } = res.plan;
  const header = ['metric / field', from, to, `added to ${from}`, `removed from ${to}`];
  const rows: string[][] = [];
  for (const m of metrics) {
    rows.push([m, '', '', '', '']);
    for (const f of fields) {
      const get = (d: string) => res.effects.find((e) => e.metric === m && e.field === f.field && e.direction === d);
      rows.push([`  ${f.field}`, valueText(f.fromValue), valueText(f.toValue), effectCell(get('add')), effectCell(get('remove'))]);
    }
    rows.push([`  all fields: ${to} − ${from}`, '', '', effectCell(res.total[m]), '']);
  }
  return table(rows, header).split('\n').map((l) => l.trimEnd()).join('\n');
}

const csvCell = (v: unknown): string => {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : 'NA') : v === undefined ? '' : valueText(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const CSV_HEADER = ['metric', 'field', 'direction', 'from_value', 'to_value', 'mean', 'half_width', 'lower', 'upper', 'n', 'significant'];

/** One tidy row per metric, field and direction; the whole difference as direction "total", field "(all)". */
function tidyRows(res: AblationResult, metrics: readonly string[]): Record<string, unknown>[] {
  const stats = (c: MetricComparison) => ({ mean: c.mean, half_width: c.halfWidth, lower: c.lower, upper: c.upper, n: c.n, significant: c.significant });
  const rows: Record<string, unknown>[] = [];
  for (const m of metrics) {
    for (const e of res.effects) {
      if (e.metric === m) rows.push({ metric: m, field: e.field, direction: e.direction, from_value: e.fromValue, to_value: e.toValue, ...stats(e) });
    }
    const t = res.total[m];
    if (t) rows.push({ metric: m, field: '(all)', direction: 'total', from_value: res.plan.from, to_value: res.plan.to, ...stats(t) });
  }
  return rows;
}

export function ablateCommand(_setExit: (code: number) => void): CommandModule<object, AblateArgs> {
  return {
    command: 'ablate <scenario>',
    describe: 'which design choice moves which outcome: each differing policy of two designs changed alone, paired on common random numbers',
    builder: (y) =>
      withCommon(y)
        .option('from', { type: 'string', describe: 'design the fields are added to (default: the scenario\'s baseline)' })
        .option('to', { type: 'string', describe: 'design the fields are taken from and removed from (default: the first design whose starting policies differ)' })
        .option('metrics', { alias: 'm', type: 'string', describe: `metrics to show, comma-separated, or "all" (default: ${HEADLINE.join(', ')})` })
        .example('$0 ablate dpv --from island --to usm --reps 10', 'which of the policies that separate island and USM matters for which metric')
        .example('$0 ablate dpv --from island --to half-coordinator --metrics all', 'the few fields of a half measure, every metric')
        .example('$0 ablate scenarios/middenstad.yaml --from island --to usm -f csv -o out/ablation.csv', 'tidy CSV: metric, field, direction, values, interval')
        .epilogue(
          'The fields are the keys of the two designs\' resolved policies (preset plus overrides) whose values differ. ' +
            '"added to FROM" is (FROM with the field set as in TO) − FROM; "removed from TO" is TO − (TO with the field set back as in FROM): ' +
            'both measure the field moving from its FROM value to its TO value, alone, in two settings; unequal effects mean it interacts with other fields. ' +
            'Every variant runs the same seeds and replications (2k + 2 variants for k fields). Only starting policies are changed: ' +
            'a timeline entry that sets the field later still applies from its time, and added persons, meetings and timelines stay with their design (a note says so).',
        ) as never,
    handler: async (args) => {
      // The model and the experiment code load when the command runs, not at CLI start.
      const { ablationPlan, deepEqual, runAblation } = await import('../../experiment/index.js');
      const { METRIC_IDS } = await import('../../model/index.js');
      const metrics = metricsArg(args.metrics, METRIC_IDS);
      if (args.from !== undefined && args.from === args.to) throw new UsageError(`--from and --to: both name "${args.from}"; an ablation needs two different designs`);
      // Designs are checked before the experiment starts (and before a warm-up estimate runs pilots).
      const file = await scenarioPath(args.scenario);
      const { scenarioFor } = await import('../../node/run-model.js');
      const scenario = scenarioFor(file);
      const from = designArg('from', args.from ?? scenario.experiment.baseline, scenario, args.scenario);
      const differs = (d: string) => d !== from && !deepEqual(scenario.designs[d]!.policies, scenario.designs[from]!.policies);
      const to = designArg('to', args.to ?? scenario.designOrder.find(differs) ?? from, scenario, args.scenario);
      if (from === to) throw new UsageError(`--from and --to: both are "${from}"; name two different designs (${scenario.designOrder.join(', ')})`);
      const plan = ablationPlan(from, to, scenario.designs[from] as unknown as AblationDesign, scenario.designs[to] as unknown as AblationDesign);
      if (plan.fields.length === 0) {
        throw new UsageError(`--from ${from} --to ${to}: the two designs start with the same policies, so there is nothing to ablate${plan.notes.length ? `; ${plan.notes.join(' ')}` : ''}`);
      }
      checkVariants(plan, file, scenario, scenarioFor, deepEqual);
      const ctx = await makeContext(args, { designs: [from, to] });
      try {
        const base = { scenarioId: ctx.file, seed: ctx.seed, horizon: ctx.horizon, warmup: ctx.warmup };
        const res = await runAblation(ctx.executor, base, plan, ctx.reps, metrics, ctx.progress('replicating'));
        let text: string;
        if (args.format === 'csv') {
          text = [CSV_HEADER.join(','), ...tidyRows(res, metrics).map((r) => CSV_HEADER.map((k) => csvCell(r[k])).join(','))].join('\n') + '\n';
        } else if (args.format === 'json') {
          text = toJson({
            scenario: ctx.scenario.name, file: args.scenario, from, to, replications: ctx.reps, seed: ctx.seed,
            horizon_hours: ctx.horizon, warmup_hours: ctx.warmup,
            fields: plan.fields.map((f) => ({ field: f.field, from_value: f.fromValue, to_value: f.toValue })),
            variants: plan.variants.map((v) => ({ label: v.label, design: v.design, field: v.field ?? null, direction: v.direction ?? null, point: v.point ?? null })),
            notes: plan.notes,
            effects: tidyRows(res, metrics),
          });
        } else {
          const k = plan.fields.length;
          text = [
            `${ctx.scenario.name}: ablation ${from} → ${to}, ${k} policy field${k === 1 ? '' : 's'} (${plan.variants.length} variants)`,
            describeRun(ctx),
            '',
            tableText(res, metrics),
            '',
            `added to ${from}: (${from} with the field set as in ${to}) − ${from}; removed from ${to}: ${to} − (${to} with the field set back as in ${from}).`,
            `Both are the effect of that field alone moving from its ${from} value to its ${to} value; unequal effects mean it interacts with other fields.`,
            'Paired per replication; mean ± half-width of the 95% t-interval; * the interval excludes zero; 0: identical in every replication.',
            'Only starting policies are changed: a timeline entry that sets a field still applies from its time.',
            ...plan.notes.map((n) => `note: ${n}`),
          ].join('\n');
        }
        emit(text, args.output);
      } finally {
        await ctx.close();
      }
    },
  };
}
