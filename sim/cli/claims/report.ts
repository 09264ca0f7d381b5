// The claims report in three forms: claims-report.json (everything, for scripts),
// claims-report.md (readable in a repository) and claims-report.html (self-contained,
// with the weekly series of time-shaped claims as charts with 95% bands).

import type { CheckResult, ClaimResult } from '../../experiment/claims/types.js';
import { formatNumber } from '../../experiment/claims/verdict.js';
import type { AblationResult } from '../../experiment/ablation.js';
import { renderHtmlReport, type ReportChart, type ReportDocument, type ReportSection, type ReportTable } from '../html-report.js';

export interface DesignAudit {
  scenario: string;
  design: string;
  /** Policy field → value at the start. */
  policies: Record<string, unknown>;
  /** Timeline entries: week, label, policies set. */
  timeline: { week: number; label: string; policies: Record<string, unknown> }[];
  source: string;
}

export interface ClaimsReport {
  title: string;
  settings: { quick: boolean; replications: number; robustnessPoints: number; robustnessReplications: number; seed: number; relevant: number };
  /** Wall time of the whole run [s]. */
  seconds: number;
  claims: ClaimResult[];
  audit: DesignAudit[];
  ablation?: { from: string; to: string; metrics: string[]; rows: { field: string; metric: string; add: CheckLike; remove: CheckLike }[]; total: Record<string, CheckLike> };
}

interface CheckLike {
  mean: number;
  lower: number;
  upper: number;
  significant: boolean;
}

export function ablationSummary(a: AblationResult, metrics: string[]): NonNullable<ClaimsReport['ablation']> {
  const like = (c: { mean: number; lower: number; upper: number; significant: boolean }): CheckLike => ({ mean: c.mean, lower: c.lower, upper: c.upper, significant: c.significant });
  const rows: NonNullable<ClaimsReport['ablation']>['rows'] = [];
  for (const metric of metrics) {
    for (const f of a.plan.fields) {
      const add = a.effects.find((e) => e.metric === metric && e.field === f.field && e.direction === 'add');
      const remove = a.effects.find((e) => e.metric === metric && e.field === f.field && e.direction === 'remove');
      if (add && remove) rows.push({ field: f.field, metric, add: like(add), remove: like(remove) });
    }
  }
  return { from: a.plan.from, to: a.plan.to, metrics, rows, total: Object.fromEntries(metrics.filter((m) => a.total[m]).map((m) => [m, like(a.total[m]!)])) };
}

const interval = (c: { mean?: number; lower?: number; upper?: number }) =>
  c.mean === undefined ? 'n/a' : `${formatNumber(c.mean)} [${formatNumber(c.lower ?? Number.NaN)}, ${formatNumber(c.upper ?? Number.NaN)}]`;

function checkRows(checks: CheckResult[]): string[][] {
  return checks.map((c) => [c.label, c.kind, interval(c), c.verdict, c.why ?? '']);
}

function robustnessText(r: ClaimResult['robustness']): string[] {
  if (r === undefined) return ['Robustness: not computed (the claim cannot be tested, or no hypercube was run).'];
  const out = [`Robustness: the predicted direction of every check holds at ${r.holds} of ${r.points} points (${Math.round(r.share * 100)}%) of a Latin hypercube over ${r.params.length} assumption parameters (each ±50% of its value).`];
  // PRIM needs several points per parameter before a box says where a claim fails.
  if (r.holds < r.points && r.points < 4 * r.params.length) out.push(`Caution: ${r.points} points for ${r.params.length} parameters (fewer than 4 a parameter); the region below is a rough pointer, not a finding.`);
  if (r.failRegion !== undefined && r.failRegion.length > 0) {
    out.push(`Where it fails (PRIM box holding ${Math.round((r.failRegionCoverage ?? 0) * 100)}% of the failing points): ${r.failRegion.map((f) => `${f.param} in [${formatNumber(f.min)}, ${formatNumber(f.max)}]`).join('; ')}.`);
  } else if (r.holds < r.points) out.push('The failing points form no box narrower than the whole range: failures are scattered (noise at few replications per point, or many parameters together).');
  return out;
}

export function toMarkdown(rep: ClaimsReport): string {
  const lines: string[] = [`# ${rep.title}`, ''];
  const s = rep.settings;
  lines.push(`${s.quick ? 'Quick run (reduced; for checking the machinery, not for conclusions). ' : ''}${s.replications} replications per design on common random numbers (seed ${s.seed}); robustness over ${s.robustnessPoints} hypercube points × ${s.robustnessReplications} replication(s); practical threshold ${s.relevant * 100}% of the reference level unless a check says otherwise; ${Math.round(rep.seconds)} s wall time.`, '');
  lines.push('| # | claim | verdict |', '|---|---|---|');
  for (const r of rep.claims) lines.push(`| ${r.claim.number} | ${r.claim.title} | ${r.line} |`);
  lines.push('');
  for (const r of rep.claims) {
    const c = r.claim;
    lines.push(`## ${c.number}. ${c.title}`, '', c.statement, '', `Source: ${c.source}. Scenario: ${c.scenario}${c.set ? `, with ${Object.keys(c.set).join(', ')} set for this claim` : ''}.`, '');
    lines.push(`**Verdict: ${r.line}.**`, '');
    lines.push('| check | kind | statistic [95% interval] | verdict | judged against |', '|---|---|---|---|---|');
    for (const row of checkRows(r.checks)) lines.push(`| ${row.map((x) => x.replace(/\|/g, '/')).join(' | ')} |`);
    lines.push('', ...robustnessText(r.robustness), '');
    if (c.note) lines.push(`Operationalisation: ${c.note}`, '');
    if (r.verdict !== 'supported' && c.mechanism) lines.push(`Why the model may disagree: ${c.mechanism}`, '');
  }
  lines.push('## Audit of the designs', '', 'Every policy field each design sets at the start, and its timeline. Behaviour is shared by all designs of a scenario.', '');
  for (const a of rep.audit) {
    lines.push(`- **${a.scenario} / ${a.design}** (${a.source}): ${Object.entries(a.policies).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`);
    for (const t of a.timeline) lines.push(`  - week ${t.week}: ${t.label} ${JSON.stringify(t.policies)}`);
  }
  if (rep.ablation) {
    const ab = rep.ablation;
    lines.push('', `## Ablation: ${ab.from} → ${ab.to}, one policy field at a time`, '', 'Effect of changing only this field (add: from ' + ab.from + '; remove: back from ' + ab.to + '), paired, 95% interval; * excludes zero.', '');
    lines.push('| metric | field | add | remove |', '|---|---|---|---|');
    for (const row of ab.rows) lines.push(`| ${row.metric} | ${row.field} | ${interval(row.add)}${row.add.significant ? ' *' : ''} | ${interval(row.remove)}${row.remove.significant ? ' *' : ''} |`);
  }
  return `${lines.join('\n')}\n`;
}

function seriesCharts(r: ClaimResult): ReportChart[] {
  const byMetric = new Map<string, NonNullable<ClaimResult['series']>>();
  for (const s of r.series ?? []) byMetric.set(s.metric, [...(byMetric.get(s.metric) ?? []), s]);
  const charts: ReportChart[] = [];
  for (const [metric, list] of byMetric) {
    const marks: { x: number; label: string }[] = [];
    for (const c of r.claim.checks) {
      if ((c.kind === 'change' || c.kind === 'diff-in-diff') && c.metric === metric) {
        c.windows.forEach((w, i) => marks.push({ x: w.from, label: `window ${i + 1}` }, { x: w.to, label: '' }));
      }
    }
    charts.push({
      title: `${metric}: weekly mean per design with 95% band (claim ${r.claim.number})`,
      xLabel: 'week of the run',
      yLabel: metric,
      x: list[0]!.week,
      series: list.map((s) => ({ label: s.design, y: s.mean, lo: s.lower, hi: s.upper })),
      marks,
    });
  }
  return charts;
}

export function toHtml(rep: ClaimsReport): string {
  const sections: ReportSection[] = [];
  const verdictTable: ReportTable = { columns: ['#', 'claim', 'verdict'], rows: rep.claims.map((r) => [r.claim.number, r.claim.title, r.line]) };
  sections.push({ heading: 'Verdicts', tables: [verdictTable] });
  for (const r of rep.claims) {
    const c = r.claim;
    const paragraphs = [c.statement, `Source: ${c.source}. Scenario: ${c.scenario}.`, `Verdict: ${r.line}.`, ...robustnessText(r.robustness)];
    if (c.note) paragraphs.push(`Operationalisation: ${c.note}`);
    if (r.verdict !== 'supported' && c.mechanism) paragraphs.push(`Why the model may disagree: ${c.mechanism}`);
    sections.push({
      heading: `${c.number}. ${c.title}`,
      paragraphs,
      tables: [{ columns: ['check', 'kind', 'statistic [95% interval]', 'verdict', 'judged against'], rows: checkRows(r.checks) }],
      charts: seriesCharts(r),
    });
  }
  sections.push({
    heading: 'Audit of the designs',
    paragraphs: ['Every policy field each design sets at the start, and its timeline; behaviour is shared by all designs of a scenario.'],
    tables: [{ columns: ['scenario', 'design', 'field', 'value', 'source'], rows: rep.audit.flatMap((a) => [
      ...Object.entries(a.policies).map(([k, v]) => [a.scenario, a.design, k, JSON.stringify(v), a.source]),
      ...a.timeline.map((t) => [a.scenario, a.design, `week ${t.week}`, JSON.stringify(t.policies), t.label]),
    ]) }],
  });
  if (rep.ablation) {
    const ab = rep.ablation;
    sections.push({
      heading: `Ablation: ${ab.from} → ${ab.to}`,
      paragraphs: ['The effect of changing one policy field alone, in both directions, paired on common random numbers (95% interval; * excludes zero). It shows which design field moves which claim\'s metric.'],
      tables: [{ columns: ['metric', 'field', 'add', 'remove'], rows: ab.rows.map((r) => [r.metric, r.field, `${interval(r.add)}${r.add.significant ? ' *' : ''}`, `${interval(r.remove)}${r.remove.significant ? ' *' : ''}`]) }],
    });
  }
  const s = rep.settings;
  const doc: ReportDocument = {
    title: rep.title,
    subtitle: [`${s.quick ? 'QUICK run: reduced, for checking the machinery. ' : ''}${s.replications} replications per design, seed ${s.seed}; robustness ${s.robustnessPoints} points × ${s.robustnessReplications}; ${Math.round(rep.seconds)} s.`],
    sections,
  };
  return renderHtmlReport(doc);
}
