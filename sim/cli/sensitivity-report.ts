// The output of `stroom sensitivity` in each format: per paired difference (b - a) the
// share of design points where its sign holds, the most influential behaviour
// assumptions, and the region (PRIM box) where the sign flips.

import type { SensitivityParam } from '../experiment/sensitivity-design.js';
import type { MetricResult, SensitivityResult } from '../experiment/sensitivity-run.js';
import { METRICS } from '../model/index.js';
import { COUNT_FIELDS, PROBABILITY_FIELDS } from '../scenario/assumptions.js';
import { describeRun, type Context } from './context.js';
import { sig, table, toJson, withUnit } from './format.js';
import { renderHtmlReport, type ReportSection } from './html-report.js';

const PER_YEAR = new Set(['turnoverPerYear', 'absenceRatePerYear']);
const FRACTION = new Set(['improvisationEffort', 'recognitionGain']);

/** The unit a parameter's values are in (the model's: hours for times). */
export function paramUnit(name: string): string {
  if (PROBABILITY_FIELDS.has(name) || FRACTION.has(name)) return '-';
  if (COUNT_FIELDS.has(name)) return 'count';
  if (PER_YEAR.has(name)) return '/year';
  return 'h';
}

const label = (p: string) => `${p} [${paramUnit(p)}]`;
const n = (v: number) => (Number.isFinite(v) ? sig(v, 3) : 'NA');

export interface SensitivityOutputInput {
  designs: readonly [string, string];
  result: SensitivityResult;
  points: number;
}

/** The box's restricted parameters: those whose range is narrower than the data's. */
function restricted(m: MetricResult, params: readonly SensitivityParam[], r: SensitivityResult): string[] {
  if (m.flipBox === null) return [];
  const out: string[] = [];
  for (const p of params) {
    const vs = r.points.map((x) => x.values[p.name]!);
    const [lo, hi] = m.flipBox.ranges[p.name] ?? [Math.min(...vs), Math.max(...vs)];
    const dlo = Math.min(...vs);
    const dhi = Math.max(...vs);
    if (lo > dlo || hi < dhi) out.push(`${p.name} ${lo > dlo ? `>= ${sig(lo, 3)}` : ''}${lo > dlo && hi < dhi ? ' and ' : ''}${hi < dhi ? `<= ${sig(hi, 3)}` : ''} ${paramUnit(p.name) === '-' ? '' : paramUnit(p.name)}`.trim());
  }
  return out;
}

function flipText(m: MetricResult, r: SensitivityResult): string {
  if (m.flipBox === null) return 'never flips';
  const parts = restricted(m, r.params, r);
  return `${parts.length > 0 ? parts.join('; ') : 'no box (flips spread out)'} (holds ${m.flipBox.count} points, ${Math.round(100 * m.flipBox.density)}% of them flipped, ${Math.round(100 * m.flipBox.coverage)}% of all flips)`;
}

function influenceText(m: MetricResult, top = 3): string {
  if (m.morris) return m.morris.slice(0, top).map((x) => `${x.parameter} (mu* ${n(x.muStar)}, sigma ${n(x.sigma)})`).join(', ');
  return m.influence.slice(0, top).map((x) => `${x.parameter} (rho ${x.rho.toFixed(2)})`).join(', ');
}

export function sensitivityOutput(format: 'table' | 'csv' | 'json' | 'html', ctx: Context, x: SensitivityOutputInput): string {
  const r = x.result;
  const [a, b] = x.designs;
  const methodText = r.method === 'morris' ? `Morris elementary effects, ${x.points} trajectories of ${r.params.length + 1} points` : `Latin hypercube of ${x.points} points`;
  if (format === 'json') {
    return toJson({
      scenario: ctx.scenario.name, designs: x.designs, difference: `${b} - ${a}`, method: r.method, points: x.points, replications: ctx.reps, seed: ctx.seed,
      horizon_hours: ctx.horizon, warmup_hours: ctx.warmup,
      parameters: r.params.map((p) => ({ name: p.name, path: p.path, unit: paramUnit(p.name), value: p.value, range: p.range })),
      metrics: r.metrics, design_points: r.points,
    });
  }
  if (format === 'csv') {
    const names = r.params.map((p) => p.name);
    const head = ['point', ...names.map(label), 'metric', `difference (${b} - ${a})`, 'sign_holds'];
    const lines = [head.map((h) => (/[",]/.test(h) ? JSON.stringify(h) : h)).join(',')];
    r.points.forEach((p, i) => {
      for (const m of r.metrics) {
        const d = p.diffs[m.metric]!;
        lines.push([i + 1, ...names.map((k) => p.values[k]), m.metric, Number.isFinite(d) ? d : 'NA', Number.isFinite(d) ? Math.sign(d) === m.referenceSign : 'NA'].join(','));
      }
    });
    return `${lines.join('\n')}\n`;
  }
  if (format === 'html') return renderHtmlReport(htmlDocument(ctx, x, methodText));
  const parts = [
    `${ctx.scenario.name}: sensitivity of ${b} - ${a} to ${r.params.length} behaviour assumptions (${methodText}; the same values for both designs)`,
    describeRun(ctx),
    '',
    'parameters varied (model units: times in hours):',
    table(r.params.map((p) => [p.name, paramUnit(p.name), n(p.value), `${n(p.range.min)} to ${n(p.range.max)}`]), ['parameter', 'unit', 'scenario value', 'range']),
    '',
    table(r.metrics.map((m) => [withUnit(m.metric, METRICS), n(m.baselineDiff), `${Math.round(100 * m.signHolds)}%`, influenceText(m)]), [`difference ${b} - ${a}`, 'at scenario values', 'sign holds', r.method === 'morris' ? 'most influential (Morris mu*, sigma)' : 'most influential (Spearman rho)']),
    '',
    'where the sign flips (PRIM box over the points whose difference has the other sign):',
    ...r.metrics.map((m) => `  ${m.metric}: ${flipText(m, r)}`),
    '',
    `sign holds: share of points where the difference has the sign it has at the scenario's own values; each point's difference is the mean over ${ctx.reps} paired replications.`,
    ...(weak(x) ? [weakNote(x)] : []),
  ];
  return parts.join('\n');
}

/** PRIM and rank correlations need many more points than parameters to say anything firm. */
const weak = (x: SensitivityOutputInput) => x.result.points.length < 4 * x.result.params.length;
const weakNote = (x: SensitivityOutputInput) =>
  `caution: ${x.result.points.length} points for ${x.result.params.length} parameters; with fewer than 4 points a parameter the flip boxes mostly cut along whichever parameter comes first and the rankings are rough: name fewer --params or raise --points.`;

function htmlDocument(ctx: Context, x: SensitivityOutputInput, methodText: string) {
  const r = x.result;
  const [a, b] = x.designs;
  const sections: ReportSection[] = [
    {
      heading: `${b} - ${a}: does the sign hold?`,
      paragraphs: [`${methodText} over ${r.params.length} behaviour assumptions, ${ctx.reps} replications per point on common random numbers.`, ...(weak(x) ? [weakNote(x)] : [])],
      tables: [
        { columns: ['difference', 'at scenario values', 'sign holds', 'most influential', 'sign flips where'], rows: r.metrics.map((m) => [withUnit(m.metric, METRICS), n(m.baselineDiff), `${Math.round(100 * m.signHolds)}%`, influenceText(m), flipText(m, r)]) },
        { caption: 'parameters varied', columns: ['parameter', 'unit', 'scenario value', 'range'], rows: r.params.map((p) => [p.name, paramUnit(p.name), n(p.value), `${n(p.range.min)} to ${n(p.range.max)}`]) },
      ],
    },
  ];
  // Per metric, the difference against its most influential parameter (points sorted by it).
  for (const m of r.metrics) {
    const top = m.morris?.[0]?.parameter ?? m.influence[0]?.parameter;
    if (top === undefined) continue;
    const pts = [...r.points].filter((p) => Number.isFinite(p.diffs[m.metric]!)).sort((p, q) => p.values[top]! - q.values[top]!);
    const box = m.flipBox?.ranges[top];
    sections.push({
      heading: `${m.metric} against ${top}`,
      charts: [{
        title: `${b} - ${a}: ${m.metric} at each point, by ${top}`, xLabel: label(top), yLabel: withUnit(m.metric, METRICS), x: pts.map((p) => p.values[top]!),
        series: [{ label: 'difference', y: pts.map((p) => p.diffs[m.metric]!) }, { label: 'zero', y: pts.map(() => 0) }],
        ...(box ? { marks: [{ x: box[0], label: 'flip box from' }, { x: box[1], label: 'flip box to' }] } : {}),
      }],
    });
  }
  return { title: `${ctx.scenario.name}: sensitivity of ${b} - ${a}`, subtitle: [describeRun(ctx)], sections };
}
