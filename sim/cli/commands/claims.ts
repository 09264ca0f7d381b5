// `stroom claims`: runs the claims of DOMAIN.md §8 (scenarios/claims/claims.yaml, or a
// file of one's own) and writes claims-report.html, .md and .json: per claim its
// setup, the numbers with 95% intervals, the weekly series where time matters, a
// verdict computed from those numbers, and its robustness over a Latin hypercube of
// the assumption parameters; then an audit of the designs and an ablation showing
// which design field moves which metric. All runs go out as one batch on the worker
// pool; finished replications are kept in a state file, so --resume continues.

import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { ablationPlan, type AblationDesign } from '../../experiment/ablation.js';
import { toRecords, type ReplicationRecord, type RunTask } from '../../experiment/index.js';
import type { ClaimResult } from '../../experiment/claims/types.js';
import { assessClaim } from '../claims/assess.js';
import { builtinClaims, loadClaims } from '../claims/load.js';
import { buildPlan, designsOf, planTasks } from '../claims/plan.js';
import { ablationSummary, toHtml, toMarkdown, type ClaimsReport, type DesignAudit } from '../claims/report.js';
import { makeContext } from '../context.js';
import { UsageError } from '../errors.js';
import { positiveInt, workersArg } from '../options.js';
import { checkOutputFolder } from '../output.js';

interface ClaimsArgs {
  claims?: string;
  quick?: boolean;
  only?: string;
  'out-dir': string;
  reps?: number;
  points?: number;
  workers?: number;
  resume?: boolean;
  progress?: boolean;
  'log-level': string;
}

const ABLATION_METRICS = ['escalations_per_100', 'collision_escalations_per_100', 'lead_time_mean', 'lead_time_cv', 'manager_design_share', 'manager_compensation_share', 'handover_mismatches_per_100', 'rework_per_100', 'coverage_final', 'signal_visibility'];

export function claimsCommand(setExit: (code: number) => void): CommandModule<object, ClaimsArgs> {
  return {
    command: 'claims',
    describe: "test the books' claims (DOMAIN.md §8): verdicts with intervals, series and robustness, as HTML, Markdown and JSON",
    builder: (y) =>
      y
        .option('claims', { type: 'string', describe: 'claims file (default: the built-in scenarios/claims/claims.yaml)' })
        .option('quick', { type: 'boolean', describe: 'a reduced run (few replications and hypercube points) that checks the machinery in minutes' })
        .option('only', { type: 'string', describe: 'claim ids to run, comma-separated (default: all)' })
        .option('out-dir', { type: 'string', default: '.', describe: 'folder for claims-report.html, .md, .json and the state file' })
        .option('reps', { alias: 'r', type: 'number', describe: 'replications per design (default: the claims file\'s)' })
        .option('points', { type: 'number', describe: 'Latin hypercube points for robustness (default: the claims file\'s; 0 for none)' })
        .option('workers', { alias: 'w', type: 'number', describe: 'worker threads (results are identical for any count)' })
        .option('resume', { type: 'boolean', describe: 'reuse the replications a previous (interrupted) run left in the state file' })
        .option('progress', { type: 'boolean', describe: 'progress bar on stderr (default: when stderr is a terminal)' })
        .option('log-level', { choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'warn', describe: 'structured log level (pino, on stderr)' })
        .example('$0 claims --quick --out-dir out/claims', 'a reduced run of every claim in a few minutes')
        .example('$0 claims --workers 2 --out-dir out/claims', 'the full report (about half an hour on two cores)')
        .example('$0 claims --only c03-dominance,c05-usm --reps 10 --points 0', 'two claims, ten replications, no robustness') as never,
    handler: async (args) => {
      const started = Date.now();
      const reps = positiveInt('reps', args.reps, 1000);
      if (reps !== undefined && reps < 2) throw new UsageError('--reps: at least 2 (an interval needs two replications)');
      const points = args.points === undefined ? undefined : Number(args.points);
      if (points !== undefined && !(Number.isInteger(points) && points >= 0 && points <= 10_000)) throw new UsageError(`--points: expected a whole number from 0 to 10000, got ${args.points}`);
      workersArg(args.workers);
      checkOutputFolder(args['out-dir'], '--out-dir');
      const only = args.only === undefined ? undefined : args.only.split(',').map((s) => s.trim()).filter(Boolean);
      const loaded = await loadClaims(args.claims ?? builtinClaims(), only);
      const st = loaded.file.settings;
      const quick = args.quick === true;
      const settings = {
        replications: reps ?? (quick ? st.quickReplications : st.replications),
        robustnessPoints: points ?? (quick ? st.quickRobustnessPoints : st.robustnessPoints),
        robustnessReplications: st.robustnessReplications,
        robustGridLoads: quick ? 2 : 3,
      };
      const plan = buildPlan(loaded.file, loaded.scenarioDocs, settings, st.seed);
      const firstScenario = loaded.file.claims[0]!.scenario;
      const experiment = (s: string) => loaded.scenarios.get(s)!.experiment;
      const warmupOf = (s: string) => (typeof experiment(s).warmup === 'number' ? (experiment(s).warmup as number) : 0);
      const { tasks, offsets } = planTasks(plan, { scenarioFile: (s) => loaded.scenarioFiles.get(s)!, seed: st.seed, horizon: 0, warmup: 0 });
      // Each scenario's own run length.
      plan.requests.forEach((r, i) => {
        const end = offsets[i + 1] ?? tasks.length;
        for (let k = offsets[i]!; k < end; k++) Object.assign(tasks[k]!, { horizon: experiment(r.scenario).horizon, warmup: warmupOf(r.scenario) });
      });
      // The ablation of the first scenario's baseline against USM (when it has both).
      const mainScenario = loaded.scenarios.get(firstScenario)!;
      const ablation = mainScenario.designs['island'] && mainScenario.designs['usm']
        ? ablationPlan('island', 'usm', mainScenario.designs['island'] as unknown as AblationDesign, mainScenario.designs['usm'] as unknown as AblationDesign)
        : undefined;
      const ablationStart = tasks.length;
      const x = experiment(firstScenario);
      for (const v of ablation?.variants ?? []) {
        for (let rep = 0; rep < settings.replications; rep++) {
          tasks.push({ scenarioId: loaded.scenarioFiles.get(firstScenario)!, design: v.design, seed: st.seed, replication: rep, horizon: x.horizon, warmup: warmupOf(firstScenario), ...(v.point ? { point: v.point } : {}) });
        }
      }

      const ctx = await makeContext({ scenario: loaded.scenarioFiles.get(firstScenario)!, workers: args.workers, progress: args.progress, 'log-level': args['log-level'], format: 'table' });
      try {
        const { scenarioFor } = await import('../../node/run-model.js');
        const { taskKey, sweepHash } = await import('../../node/queue/keys.js');
        const { openStateFile } = await import('../../node/queue/state-file.js');
        const { withStateFile } = await import('../../node/queue/resumable.js');
        const resolved: RunTask[] = tasks.map((t) => ({ ...t, model: scenarioFor(t.scenarioId, t.point).designs[t.design] }));
        const sweepId = `claims-${sweepHash(resolved.map(taskKey))}`;
        const statePath = join(args['out-dir'], 'claims-report.state.jsonl');
        const state = openStateFile(statePath, { resume: args.resume === true, sweepId });
        const executor = withStateFile(ctx.executor, state, {
          parallelism: ctx.workers,
          onStart: (found, distinct) => {
            if (found > 0) process.stderr.write(`stroom claims: ${found} of ${distinct} replications found in ${statePath}\n`);
          },
        });
        ctx.setInterruptHint(`finished replications are kept in ${statePath}; run again with --resume to continue`);
        const results = await executor.run(resolved, ctx.progress('claims'));
        state.close();
        const records = toRecords(tasks, results);
        const recordsOf = (i: number): ReplicationRecord[] => records.slice(offsets[i]!, offsets[i + 1] ?? ablationStart);
        const assessCtx = { settings: st, records: recordsOf, warmupWeeks: (s: string) => warmupOf(s) / 40 };
        const claims: ClaimResult[] = loaded.file.claims.map((c) => assessClaim(c, plan, assessCtx, settings.replications, settings.robustnessReplications));
        let ablationOut: ClaimsReport['ablation'];
        if (ablation) {
          const { analyseAblation } = await import('../../experiment/ablation.js');
          const per = settings.replications;
          const abRecords = records.slice(ablationStart).map((r, i) => ({ ...r, point: undefined, design: ablation.variants[Math.floor(i / per)]!.label }));
          ablationOut = ablationSummary(analyseAblation(ablation, abRecords, ABLATION_METRICS), ABLATION_METRICS);
        }
        const report: ClaimsReport = {
          title: 'stroom: what the model says about the claims of the books',
          settings: { quick, replications: settings.replications, robustnessPoints: settings.robustnessPoints, robustnessReplications: settings.robustnessReplications, seed: st.seed, relevant: st.relevant },
          seconds: (Date.now() - started) / 1000,
          claims,
          audit: audit(loaded, scenarioFor),
          ...(ablationOut ? { ablation: ablationOut } : {}),
        };
        const { writeFileAtomic } = await import('../../node/atomic.js');
        writeFileAtomic(join(args['out-dir'], 'claims-report.json'), `${JSON.stringify(report, jsonNumbers, 1)}\n`);
        writeFileAtomic(join(args['out-dir'], 'claims-report.md'), toMarkdown(report));
        writeFileAtomic(join(args['out-dir'], 'claims-report.html'), toHtml(report));
        process.stdout.write(claims.map((c) => `${String(c.claim.number).padStart(2)}. ${c.claim.title}: ${c.line}`).join('\n') + `\nreports in ${join(args['out-dir'], 'claims-report.{html,md,json}')} (${Math.round(report.seconds)} s)\n`);
        setExit(0);
      } finally {
        await ctx.close();
      }
    },
  };
}

/** NaN and infinities as strings in JSON (JSON has no numbers for them). */
function jsonNumbers(_key: string, v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (v instanceof Map) return Object.fromEntries(v);
  return v;
}

function audit(loaded: Awaited<ReturnType<typeof loadClaims>>, scenarioFor: (file: string, point?: Record<string, unknown>) => { designs: Readonly<Record<string, { policies: object; timeline?: readonly { at: number; label?: string; policies: object }[] }>> }): DesignAudit[] {
  const out: DesignAudit[] = [];
  const seen = new Set<string>();
  for (const claim of loaded.file.claims) {
    const designs = scenarioFor(loaded.scenarioFiles.get(claim.scenario)!, claim.set).designs;
    const doc = loaded.scenarioDocs.get(claim.scenario) as { designs?: Record<string, { source?: string; assumption?: string }> };
    for (const design of designsOf(claim)) {
      const key = `${claim.scenario}/${design}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const own = doc.designs?.[design] ?? (claim.set?.[`designs.${design}`] as { source?: string; assumption?: string } | undefined);
      const spec = designs[design]!;
      out.push({
        scenario: claim.scenario,
        design,
        policies: { ...spec.policies } as Record<string, unknown>,
        timeline: (spec.timeline ?? []).map((t) => ({ week: t.at / 40, label: t.label ?? '', policies: t.policies as Record<string, unknown> })),
        source: [own?.source, own?.assumption ? `assumption: ${own.assumption}` : undefined].filter(Boolean).join('; ') || `added by claim ${claim.id}`,
      });
    }
  }
  return out;
}
