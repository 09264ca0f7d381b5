// The work of `stroom claims` (see commands/claims.ts): load and check the claims
// file, plan every run as one batch (main runs, low levels, tipping grids, the
// hypercube, the ablation), run it on the pool through a state file (so --resume
// continues), assess each claim and write the three reports atomically.

import { join } from 'node:path';
import { ablationPlan, analyseAblation, type AblationDesign } from '../../experiment/ablation.js';
import { toRecords, type ReplicationRecord, type RunTask } from '../../experiment/index.js';
import type { ClaimResult } from '../../experiment/claims/types.js';
import { writeFileAtomic } from '../../node/atomic.js';
import { taskKey, sweepHash } from '../../node/queue/keys.js';
import { withStateFile } from '../../node/queue/resumable.js';
import { openStateFile } from '../../node/queue/state-file.js';
import { scenarioFor } from '../../node/run-model.js';
import { makeContext } from '../context.js';
import { UsageError } from '../errors.js';
import { positiveInt, workersArg } from '../options.js';
import { checkOutputFolder } from '../output.js';
import type { ClaimsArgs } from '../commands/claims.js';
import { assessClaim } from './assess.js';
import { builtinClaims, loadClaims } from './load.js';
import { assumptionParams, buildPlan, designsOf, planTasks } from './plan.js';
import { ablationSummary, toHtml, toMarkdown, type ClaimsReport, type DesignAudit } from './report.js';

const ABLATION_METRICS = ['escalations_per_100', 'collision_escalations_per_100', 'lead_time_mean', 'lead_time_cv', 'manager_design_share', 'manager_compensation_share', 'handover_mismatches_per_100', 'rework_per_100', 'coverage_final', 'signal_visibility'];

export async function runClaims(args: ClaimsArgs, setExit: (code: number) => void): Promise<void> {
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
    robustnessReplications: quick ? 1 : st.robustnessReplications,
    robustGridLoads: quick ? 2 : 3,
    ...(quick ? { maxGridLoads: 2 } : {}),
  };
  const params = new Map([...loaded.scenarioDocs].map(([name, doc]) => {
    const sc = loaded.scenarios.get(name)!;
    return [name, assumptionParams(doc, sc.designs[sc.designOrder[0]!]!.behaviour)] as const;
  }));
  const plan = buildPlan(loaded.file, params, settings, st.seed);
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
  // The ablation only audits the designs: a quick run gives it the fewest replications an interval needs.
  const ablationReps = quick ? 2 : settings.replications;
  const x = experiment(firstScenario);
  for (const v of ablation?.variants ?? []) {
    for (let rep = 0; rep < ablationReps; rep++) {
      tasks.push({ scenarioId: loaded.scenarioFiles.get(firstScenario)!, design: v.design, seed: st.seed, replication: rep, horizon: x.horizon, warmup: warmupOf(firstScenario), ...(v.point ? { point: v.point } : {}) });
    }
  }

  const ctx = await makeContext({ scenario: loaded.scenarioFiles.get(firstScenario)!, workers: args.workers, progress: args.progress, 'log-level': args['log-level'], format: 'table' });
  try {
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
    const assessCtx = { settings: st, records: recordsOf, point: (i: number) => plan.requests[i]!.point, warmupWeeks: (s: string) => warmupOf(s) / 40 };
    const claims: ClaimResult[] = loaded.file.claims.map((c) => assessClaim(c, plan, assessCtx, settings.replications, settings.robustnessReplications));
    let ablationOut: ClaimsReport['ablation'];
    if (ablation) {
      const per = ablationReps;
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
    writeFileAtomic(join(args['out-dir'], 'claims-report.json'), `${JSON.stringify(report, jsonNumbers, 1)}\n`);
    writeFileAtomic(join(args['out-dir'], 'claims-report.md'), toMarkdown(report));
    writeFileAtomic(join(args['out-dir'], 'claims-report.html'), toHtml(report));
    process.stdout.write(claims.map((c) => `${String(c.claim.number).padStart(2)}. ${c.claim.title}: ${c.line}`).join('\n') + `\nreports in ${join(args['out-dir'], 'claims-report.{html,md,json}')} (${Math.round(report.seconds)} s)\n`);
    setExit(0);
  } finally {
    await ctx.close();
  }
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
