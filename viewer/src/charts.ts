// The charts of one run: how managers' weeks split into design, compensation and
// meetings; agreement coverage against the design backlog; the teams' visible KPI
// against end-to-end due-date attainment (the watermelon gap); and the distribution
// of lead times of requests finished so far. Every axis says what it counts and in
// which unit.

import uPlot from 'uplot';
import { WEEK_HOURS } from '../../sim/model/spec.js';
import { addExport } from './explain/export.js';
import { formatNumber } from './format.js';
import { LINE, WEEK_LAYERS } from './palette.js';
import type { RunData } from './run-data.js';
import { TimeChart } from './time-chart.js';
import { histogramAt, type LeadHistogram, type WeekSplit } from './weekly.js';

/** Type size of chart axes, px: the page sets it per mode (larger in trainer mode) before building charts. */
let chartFontPx = 12;
export function setChartFont(px: number): void {
  chartFontPx = Math.round(Math.max(10, Math.min(22, px)));
}
const axisFont = () => `${chartFontPx}px system-ui, sans-serif`;
const labelFont = () => `600 ${chartFontPx}px system-ui, sans-serif`;

function weekAxis(): uPlot.Axis {
  // Whole weeks only: "week 2.5" means nothing to a reader.
  return { label: 'week', labelFont: labelFont(), font: axisFont(), labelSize: chartFontPx + 6, size: chartFontPx * 2.2, incrs: [1, 2, 5, 10, 20, 50, 100] };
}

function yAxis(label: string, scale = 'y', side: 0 | 1 | 2 | 3 = 3): uPlot.Axis {
  return { label, scale, side, labelFont: labelFont(), font: axisFont(), labelSize: chartFontPx + 6, size: chartFontPx * 4.2, ...(side === 1 ? { grid: { show: false } } : {}) };
}

const fmt = (v: number | null | undefined) => formatNumber(v ?? null);

function xRange(weeks: number): uPlot.Scale {
  return { time: false, range: [0.5, weeks + 0.5] };
}

function finiteMax(cols: (number | null)[][], floor: number): number {
  let m = floor;
  for (const c of cols) for (const v of c) if (v !== null && Number.isFinite(v) && v > m) m = v;
  return m;
}

/** Stacked area of a week split; series are cumulative, drawn top layer first so each
 *  opaque fill covers the one above it, and the legend shows each layer's own hours. */
export function managerWeekChart(parent: HTMLElement, split: WeekSplit, title: string, phases: number[], yMax: number, height: number): TimeChart {
  const layers = WEEK_LAYERS.map((l) => ({ ...l, own: split[l.key] }));
  const cum: number[][] = [];
  let acc = split.week.map(() => 0);
  for (const l of layers) {
    acc = acc.map((v, i) => v + l.own[i]!);
    cum.push(acc);
  }
  const order = layers.map((_, i) => i).reverse();
  const data = [split.week, ...order.map((i) => cum[i]!)];
  const series: uPlot.Series[] = [
    { label: 'week' },
    ...order.map((i) => {
      const l = layers[i]!;
      return {
        label: l.label,
        stroke: l.color,
        fill: l.color + 'cc',
        dash: l.dash,
        width: 1.5,
        points: { show: false },
        value: (_u: uPlot, _v: number | null, _s: number, idx: number | null) => (idx === null ? '—' : `${fmt(l.own[idx])} h`),
      } satisfies uPlot.Series;
    }),
  ];
  return new TimeChart(parent, {
    title,
    height,
    phases,
    data,
    opts: {
      scales: { x: xRange(split.week.length), y: { range: [0, yMax] } },
      axes: [weekAxis(), yAxis('hours per week')],
      series,
    },
  });
}

export function coverageChart(parent: HTMLElement, run: RunData, phases: number[], backlogMax: number, height: number): TimeChart {
  const s = run.trace.series;
  const week = (s.week ?? []) as number[];
  const coverage = s.coverage ?? week.map(() => null);
  const backlog = s.design_backlog ?? week.map(() => null);
  return new TimeChart(parent, {
    title: 'Agreements: explicit coverage and design backlog',
    height,
    phases,
    data: [week, coverage, backlog],
    opts: {
      scales: { x: xRange(week.length), y: { range: [0, 1] }, n: { range: [0, Math.max(1, backlogMax)] } },
      axes: [weekAxis(), yAxis('coverage [share]'), yAxis('backlog [signals]', 'n', 1)],
      series: [
        { label: 'week' },
        { label: 'explicit coverage', stroke: LINE.coverage.color, dash: LINE.coverage.dash, width: 2, value: (_u, v) => fmt(v) },
        { label: 'design backlog', scale: 'n', stroke: LINE.backlog.color, dash: LINE.backlog.dash, width: 2, value: (_u, v) => `${fmt(v)} signals` },
      ],
    },
  });
}

export function kpiGapChart(parent: HTMLElement, run: RunData, phases: number[], height: number): TimeChart {
  const s = run.trace.series;
  const week = (s.week ?? []) as number[];
  const team = s.team_kpi_attainment ?? week.map(() => null);
  const due = s.due_date_attainment ?? week.map(() => null);
  const lo = Math.min(0.5, ...[...team, ...due].filter((v): v is number => v !== null && Number.isFinite(v)));
  return new TimeChart(parent, {
    title: 'Visible KPI vs end-to-end: the watermelon gap',
    height,
    phases,
    data: [week, team, due],
    opts: {
      scales: { x: xRange(week.length), y: { range: [Math.max(0, Math.floor(lo * 10) / 10), 1] } },
      axes: [weekAxis(), yAxis('attainment [share]')],
      // The shaded band between the lines is the gap a department's own KPI hides.
      bands: [{ series: [1, 2], fill: 'rgba(230,159,0,0.22)' }],
      series: [
        { label: 'week' },
        { label: "teams' own KPI (steps on time)", stroke: LINE.teamKpi.color, dash: LINE.teamKpi.dash, width: 2, value: (_u, v) => fmt(v) },
        { label: 'end-to-end due date met', stroke: LINE.dueDate.color, dash: LINE.dueDate.dash, width: 2, value: (_u, v) => fmt(v) },
      ],
    },
  });
}

/** Lead times of requests finished so far: redrawn only when a week completes. */
export class LeadTimeChart {
  readonly el: HTMLElement;
  private readonly plot: uPlot;
  private readonly hist: LeadHistogram;
  private readonly x: number[];
  private shownWeek = Number.NaN;

  constructor(parent: HTMLElement, hist: LeadHistogram, yMax: number, height: number) {
    this.hist = hist;
    this.el = document.createElement('figure');
    this.el.className = 'chart';
    parent.appendChild(this.el);
    this.x = hist.edges.map((e) => e + hist.width / 2);
    const last = hist.edges[hist.edges.length - 1] ?? 0;
    this.plot = new uPlot(
      {
        title: 'Lead time of requests finished so far',
        legend: { live: false },
        width: Math.max(240, this.el.clientWidth || parent.clientWidth || 400),
        height,
        scales: { x: { time: false, range: [0, last + hist.width] }, y: { range: [0, Math.max(1, yMax)] } },
        axes: [
          { label: `lead time [working hours; last bar ≥ ${formatNumber(last)} h]`, labelFont: labelFont(), font: axisFont(), labelSize: chartFontPx + 6, size: chartFontPx * 2.2 },
          yAxis('requests finished'),
        ],
        series: [
          { label: 'lead time', value: (_u, v) => (v === null ? '—' : `${formatNumber(v - hist.width / 2)}–${formatNumber(v + hist.width / 2)} h`) },
          {
            label: 'requests',
            stroke: LINE.histogram.color,
            fill: LINE.histogram.color + 'aa',
            width: 1,
            paths: uPlot.paths.bars!({ size: [0.92, Infinity] }),
            points: { show: false },
            value: (_u, v) => fmt(v),
          },
        ],
      },
      [this.x, histogramAt(hist, -1)],
      this.el,
    );
    addExport(this.el, this.plot, 'lead time of requests finished so far', () => [this.x, histogramAt(this.hist, Number.isNaN(this.shownWeek) ? -1 : this.shownWeek)]);
  }

  update(t: number): void {
    const w = Math.floor(t / WEEK_HOURS + 1e-9) - 1;
    if (w === this.shownWeek) return;
    this.shownWeek = w;
    this.plot.setData([this.x, histogramAt(this.hist, w)]);
  }

  resize(): void {
    this.plot.setSize({ width: Math.max(240, this.el.clientWidth), height: this.plot.height });
  }

  destroy(): void {
    this.plot.destroy();
    this.el.remove();
  }
}

/** Highest stacked weekly hours of a split, for a y range shared between runs. */
export function splitMax(split: WeekSplit): number {
  let m = 1;
  for (let i = 0; i < split.week.length; i++) {
    const s = split.design[i]! + split.compensation[i]! + split.meeting[i]! + split.other[i]! + split.overtime[i]!;
    if (s > m) m = s;
  }
  return m;
}

export function seriesMax(run: RunData, name: string): number {
  return finiteMax([run.trace.series[name] ?? []], 0);
}

/** Tallest bar of the final histogram, for a y range shared between runs. */
export function histMax(h: LeadHistogram): number {
  return finiteMax([histogramAt(h, h.weeks - 1)], 1);
}
