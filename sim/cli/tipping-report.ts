// The output of `stroom tipping` in each format: per design the tipping point with its
// bracket, the verdict and figures at every load run, and (with --hysteresis) whether
// and when each design recovered after the load came back down.

import type { HysteresisDesign, HysteresisPlan } from '../experiment/hysteresis.js';
import { TIPPING_METRICS, type TippingDesign, type TippingLevel } from '../experiment/tipping.js';
import { describeRun, type Context } from './context.js';
import { sig, table, toJson } from './format.js';
import { renderHtmlReport, type ReportChart, type ReportSection } from './html-report.js';
import { TIPPING_CRITERION } from './tipping-criterion.js';

export interface TippingOutputInput {
  factor: string;
  lo: number;
  hi: number;
  grid: number;
  refine: number;
  results: TippingDesign[];
  hysteresis?: { plan: HysteresisPlan; designs: HysteresisDesign[] };
}

const LABELS: Record<string, string> = {
  manager_design_share: 'design share [-]',
  escalations_per_100: 'escalations per 100 [-]',
  wip_mean: 'WIP [requests]',
  lead_time_mean: 'lead time [h]',
  completion_ratio: 'completed/arrived [-]',
  max_offered_load: 'max offered load [-]',
};

const x = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'NA' : sig(v, 4));

function pointText(d: TippingDesign, lo: number, hi: number): [string, string] {
  if (d.status === 'below') return [`below ${x(lo)}`, `< ${x(lo)}`];
  if (d.status === 'above') return [`above ${x(hi)}`, `> ${x(hi)}`];
  return [x(d.point), `${x(d.lower)} to ${x(d.upper)}`];
}

function firstTipped(d: TippingDesign): TippingLevel | undefined {
  return d.levels.find((l) => l.tipped);
}

function reasonText(l: TippingLevel | undefined): string {
  if (l === undefined) return '';
  return l.reasons.map((r) => (r === 'overload' ? `overload (${l.diagnostics.filter((g) => g.name === 'overload' && g.flagged).map((g) => g.subject).join(', ')})` : r.replace('_', ' '))).join(', ');
}

const cell = (s: { mean: number; lower: number; upper: number; n: number } | undefined) =>
  s === undefined || !Number.isFinite(s.mean) ? 'NA' : s.n > 1 && Number.isFinite(s.upper) ? `${sig(s.mean, 3)} ± ${sig((s.upper - s.lower) / 2, 2)}` : sig(s.mean, 3);

export function tippingOutput(format: 'table' | 'csv' | 'json' | 'html', ctx: Context, t: TippingOutputInput): string {
  const col = `scale_${t.factor} [x]`;
  if (format === 'json') {
    return toJson({
      scenario: ctx.scenario.name, factor: t.factor, range: [t.lo, t.hi], grid: t.grid, refine: t.refine, replications: ctx.reps, seed: ctx.seed,
      horizon_hours: ctx.horizon, warmup_hours: ctx.warmup, criterion: TIPPING_CRITERION,
      designs: t.results.map((d) => ({
        design: d.design, status: d.status, point: d.point ?? null, lower: d.lower ?? null, upper: d.upper ?? null,
        levels: d.levels.map((l) => ({ load: l.load, tipped: l.tipped, reasons: l.reasons, stats: l.stats, diagnostics: l.diagnostics.filter((g) => g.flagged).map((g) => g.message) })),
      })),
      ...(t.hysteresis ? { hysteresis: { schedule: t.hysteresis.plan.schedule, weeks: { rampUp: t.hysteresis.plan.rampUp, rampDown: t.hysteresis.plan.rampDown, recovery: t.hysteresis.plan.recovery, end: t.hysteresis.plan.end }, designs: t.hysteresis.designs } } : {}),
    });
  }
  if (format === 'csv') {
    const lines = [['design', col, 'tipped', 'reasons', 'metric', 'mean', 'lower', 'upper', 'n', 'tipping_point [x]', 'tipping_lower [x]', 'tipping_upper [x]'].join(',')];
    const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'NA' : String(v));
    for (const d of t.results) {
      for (const l of d.levels) {
        for (const m of TIPPING_METRICS) {
          const s = l.stats[m]!;
          lines.push([JSON.stringify(d.design), l.load, l.tipped, l.reasons.join(';'), m, num(s.mean), num(s.lower), num(s.upper), s.n, num(d.point), num(d.lower), num(d.upper)].join(','));
        }
      }
    }
    return `${lines.join('\n')}\n`;
  }
  if (format === 'html') return renderHtmlReport(htmlDocument(ctx, t));
  const parts = [
    `${ctx.scenario.name}: tipping points over ${t.factor} (x the scenario's values), ${t.lo} to ${t.hi}: a grid of ${t.grid} loads, then ${t.refine} bisection rounds`,
    describeRun(ctx),
    '',
    table(t.results.map((d) => [d.design, ...pointText(d, t.lo, t.hi), reasonText(firstTipped(d))]), ['design', `tipping point ${col.slice(col.indexOf('['))}`, 'interval (bracket) [x]', 'why it tipped at the bracket\'s upper end']),
  ];
  for (const d of t.results) {
    parts.push('', `${d.design}:`);
    parts.push(table(d.levels.map((l) => [x(l.load), l.tipped ? 'yes' : 'no', l.reasons.map((r) => r.replace('_', ' ')).join(', ') || '-', ...TIPPING_METRICS.map((m) => cell(l.stats[m]))]), [col, 'tipped', 'reasons', ...TIPPING_METRICS.map((m) => LABELS[m]!)]));
  }
  if (t.hysteresis) parts.push('', ...hysteresisText(t.hysteresis));
  parts.push('', `criterion: ${TIPPING_CRITERION}.`, 'interval: the final bracket of the search (highest load not tipped, lowest tipped), not a confidence interval; figures: mean ± half-width of the 95% t-interval across replications.');
  return parts.join('\n');
}

function hysteresisText(h: { plan: HysteresisPlan; designs: HysteresisDesign[] }): string[] {
  const p = h.plan;
  const lo = h.plan.schedule[0]!.factor;
  const hi = Math.max(...p.schedule.map((c) => c.factor));
  const out = [`hysteresis: load ${lo}x until week ${p.rampUp}, up to ${hi}x by week ${p.rampDown}, back to ${lo}x by week ${p.recovery}, then ${lo}x to week ${p.end} (weeks from the start of the run, warm-up included)`];
  out.push(table(h.designs.map((d) => [
    d.design, sig(d.before.designShare, 3), sig(d.peak.designShare, 3), sig(d.after.designShare, 3), sig(d.before.wip, 3), sig(d.peak.wip, 3), sig(d.after.wip, 3),
    d.recoveredAfterWeeks !== undefined ? `after ${d.recoveredAfterWeeks} weeks` : `not within ${p.end - p.recovery} weeks`, `${Math.round(100 * d.recoveredShare)}%`,
  ]), ['design', 'design share before [-]', 'at peak', 'at end', 'WIP before [requests]', 'at peak', 'at end', 'recovered (mean series)', 'replications recovered [%]']));
  out.push(`recovered: the trailing ${4}-week mean of the managers' design share back to at least 90% of its pre-ramp mean (unless that was below 1%) and WIP back to at most 110% of its pre-ramp mean + 1 request; not recovered is the capability trap (Repenning & Sterman).`);
  return out;
}

function htmlDocument(ctx: Context, t: TippingOutputInput) {
  const loads = [...new Set(t.results.flatMap((d) => d.levels.map((l) => l.load)))].sort((a, b) => a - b);
  const marks = t.results.filter((d) => d.point !== undefined).map((d) => ({ x: d.point!, label: `${d.design} tips` }));
  const chart = (m: (typeof TIPPING_METRICS)[number]): ReportChart => ({
    title: `${LABELS[m]} against load`, xLabel: `scale_${t.factor} [x]`, yLabel: LABELS[m]!, x: loads, marks,
    series: t.results.map((d) => {
      const at = (l: number) => d.levels.find((v) => v.load === l)?.stats[m];
      const n = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);
      return { label: d.design, y: loads.map((l) => n(at(l)?.mean)), lo: loads.map((l) => n(at(l)?.lower)), hi: loads.map((l) => n(at(l)?.upper)) };
    }),
  });
  const sections: ReportSection[] = [
    {
      heading: 'Tipping points',
      paragraphs: [`Criterion: ${TIPPING_CRITERION}.`, 'Interval: the final bracket of the search, not a confidence interval. Bands: 95% t-intervals across replications.'],
      tables: [{ columns: ['design', 'tipping point [x]', 'interval [x]', 'why'], rows: t.results.map((d) => [d.design, ...pointText(d, t.lo, t.hi), reasonText(firstTipped(d))]) }],
      charts: (['manager_design_share', 'escalations_per_100', 'wip_mean', 'completion_ratio'] as const).map(chart),
    },
  ];
  if (t.hysteresis) {
    const h = t.hysteresis;
    const weeks = (h.designs[0]?.load ?? []).map((_, i) => i);
    const marksH = [{ x: h.plan.rampUp, label: 'ramp up' }, { x: h.plan.rampDown, label: 'ramp down' }, { x: h.plan.recovery, label: 'back at base load' }];
    sections.push({
      heading: 'Hysteresis: load up and back down',
      paragraphs: hysteresisText(h).slice(0, 1).concat(hysteresisText(h).slice(-1)),
      tables: [{ columns: ['design', 'design share before [-]', 'at peak', 'at end', 'WIP before', 'at peak', 'at end', 'recovered', 'replications recovered [%]'], rows: h.designs.map((d) => [d.design, sig(d.before.designShare, 3), sig(d.peak.designShare, 3), sig(d.after.designShare, 3), sig(d.before.wip, 3), sig(d.peak.wip, 3), sig(d.after.wip, 3), d.recoveredAfterWeeks !== undefined ? `after ${d.recoveredAfterWeeks} weeks` : 'no', String(Math.round(100 * d.recoveredShare))]) }],
      charts: [
        { title: 'managers\' design share per week', xLabel: 'week', yLabel: 'design share [-]', x: weeks, marks: marksH, series: h.designs.map((d) => ({ label: d.design, y: d.series['manager_design_share']!.map((v) => (Number.isFinite(v) ? v : null)) })) },
        { title: 'WIP per week', xLabel: 'week', yLabel: 'WIP [requests]', x: weeks, marks: marksH, series: h.designs.map((d) => ({ label: d.design, y: d.series['wip']!.map((v) => (Number.isFinite(v) ? v : null)) })) },
        { title: 'load', xLabel: 'week', yLabel: `scale_${t.factor} [x]`, x: weeks, series: [{ label: 'load', y: h.designs[0]?.load ?? [] }] },
      ],
    });
  }
  return { title: `${ctx.scenario.name}: tipping points`, subtitle: [describeRun(ctx), `factor ${t.factor}, ${t.lo}x to ${t.hi}x`], sections };
}
