// One run on screen: its title, headline metrics, the matrix and its charts, all
// following the shared clock. Side by side is simply two of these in a row, given the
// same y ranges so their charts compare at a glance.

import { WEEK_HOURS } from '../../sim/model/spec.js';
import type { RunBundle } from './bundle.js';
import { LeadTimeChart, coverageChart, kpiGapChart, managerWeekChart, setChartFont } from './charts.js';
import { fillSelect, h } from './dom.js';
import { MatrixView, type Highlight } from './matrix.js';
import { renderMetrics } from './metrics-panel.js';
import { ACTIVITY_MARKS } from './palette.js';
import { Headline } from './story/headline.js';
import { ProblemsView } from './story/recurring.js';
import type { TimeChart } from './time-chart.js';
import { weekSplit, type WeekSubject } from './weekly.js';

export interface SharedRanges {
  managersHours: number;
  mtHours: number;
  backlog: number;
  histogram: number;
}

/** The tabs under the matrix: in trainer mode one of them shows at a time. */
export const TABS = [
  { id: 'week', text: 'Whose week' },
  { id: 'coverage', text: 'Coverage' },
  { id: 'kpi', text: 'KPI gap' },
  { id: 'lead', text: 'Lead time' },
  { id: 'problems', text: 'Problems' },
  { id: 'figures', text: 'All figures' },
] as const;
export type TabId = (typeof TABS)[number]['id'];

export class RunView {
  readonly el: HTMLElement;
  readonly headline: Headline;
  /** Called when the user picks whose week to show (the value of the select). */
  onSubject: ((value: string) => void) | null = null;
  /** Called when the user picks a tab. */
  onTab: ((tab: TabId) => void) | null = null;
  private readonly select: HTMLSelectElement;
  private readonly wrap: HTMLElement;
  private fitHeight = false;
  private readonly problems: ProblemsView;
  private room = 0;
  /** Refits the matrix when the room left to it changes (the header or a tab reflowed). */
  private readonly observer = new ResizeObserver(() => {
    if (this.fitHeight && Math.abs(this.wrap.clientHeight - this.room) > 4) this.fitMatrix();
  });
  readonly bundle: RunBundle;
  readonly matrix: MatrixView;
  private readonly chartsEl: HTMLElement;
  private readonly ranges: SharedRanges;
  private readonly phases: number[];
  private managerChart: TimeChart | null = null;
  private timeCharts: TimeChart[] = [];
  private lead: LeadTimeChart | null = null;
  private subject: WeekSubject = { kind: 'managers' };
  private scale = 1;
  private lastVersion = -1;
  private lastT = Number.NaN;
  private lastHl = '';

  constructor(parent: HTMLElement, bundle: RunBundle, index: number, ranges: SharedRanges) {
    this.bundle = bundle;
    this.ranges = ranges;
    const run = bundle.data;
    const tr = run.trace;
    this.phases = tr.organisation.timeline.map((e) => e.at);
    this.el = document.createElement('article');
    this.el.className = 'run';
    this.el.dataset.run = String(index);
    const events = run.ev.n.toLocaleString('en');
    const save = h('button', { class: 'save-trace', title: 'Download this run as a trace file (the format stroom trace writes)', attrs: { type: 'button' } }, 'Save trace');
    this.el.append(
      h(
        'header',
        { class: 'run-head' },
        h('h2', {}, tr.design, ' ', h('span', { class: 'run-scenario' }, tr.scenario)),
        h(
          'p',
          { class: 'run-meta' },
          `seed ${tr.seed} · replication ${tr.replication} · ${run.persons.length} persons · ` +
            `${Math.round(tr.horizon / WEEK_HOURS)} weeks observed after ${Math.round(tr.warmup / WEEK_HOURS)} weeks warm-up · ${events} events `,
          save,
        ),
      ),
    );
    // A run made in the browser can be kept and reopened later, or given to the CLI's users.
    save.addEventListener('click', () => {
      const url = URL.createObjectURL(new Blob([JSON.stringify(tr)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${tr.scenario}-${tr.design}-seed${tr.seed}.json`.replace(/[^\w.-]+/g, '_');
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
    this.headline = new Headline(bundle.soFar);
    this.el.appendChild(this.headline.el);
    const metrics = renderMetrics(run);
    metrics.dataset.tab = 'figures';
    this.el.appendChild(metrics);
    const wrap = document.createElement('div');
    this.wrap = wrap;
    wrap.className = 'matrix-wrap';
    this.matrix = new MatrixView(run, bundle.tracks);
    this.matrix.describePerson = (p) => {
      const info = run.persons[p]!;
      const act = run.activityNames[bundle.replay.activity[p]!] ?? '?';
      return `${info.name} — ${info.roles.join(', ')} — now ${ACTIVITY_MARKS[act]?.label ?? act}`;
    };
    wrap.appendChild(this.matrix.canvas);
    this.el.appendChild(wrap);
    this.observer.observe(wrap);
    const tabs = h('div', { class: 'run-tabs', attrs: { role: 'tablist' } });
    for (const t of TABS) {
      const b = h('button', { class: 'tab', data: { tab: t.id }, attrs: { type: 'button', role: 'tab' } }, t.text);
      b.addEventListener('click', () => {
        this.setTab(t.id);
        this.onTab?.(t.id);
      });
      tabs.appendChild(b);
    }
    this.el.appendChild(tabs);
    this.el.dataset.tab = 'week';
    this.chartsEl = document.createElement('div');
    this.chartsEl.className = 'charts';
    const controls = document.createElement('div');
    controls.className = 'chart-controls';
    const select = h('select', { class: 'week-subject' });
    this.select = select;
    fillSelect(select, [
      { value: 'managers', text: `all managers (${run.persons.filter((p) => p.isManager).length})` },
      { value: 'mt', text: `MT members (${run.persons.filter((p) => p.isMT).length})` },
      ...run.persons.filter((p) => p.isManager || p.isMT).map((p) => ({ value: `id:${p.id}`, text: p.name })),
    ]);
    controls.append(h('label', {}, 'Whose week: ', select));
    select.addEventListener('change', () => {
      this.setSubject(select.value);
      this.onSubject?.(select.value);
    });
    this.chartsEl.appendChild(controls);
    this.problems = new ProblemsView(run, bundle.problems);
    this.el.appendChild(this.chartsEl);
    parent.appendChild(this.el);
  }

  /** Shows whose week: 'managers', 'mt' or 'id:<person id>'; false if this run has no such person. */
  setSubject(value: string): boolean {
    let subject: WeekSubject;
    if (value === 'managers' || value === 'mt') subject = { kind: value };
    else {
      const p = this.bundle.data.persons.find((x) => `id:${x.id}` === value && (x.isManager || x.isMT));
      if (!p) return false;
      subject = { kind: 'person', person: p.index };
    }
    this.subject = subject;
    this.select.value = value;
    this.buildManagerChart();
    this.managerChart?.resize();
    this.lastT = Number.NaN;
    return true;
  }

  setTab(tab: TabId): void {
    this.el.dataset.tab = tab;
    for (const b of this.el.querySelectorAll<HTMLElement>('.run-tabs .tab')) b.setAttribute('aria-selected', String(b.dataset.tab === tab));
    // A chart that was hidden has no width: size it now that it shows.
    for (const c of this.timeCharts) c.resize();
    this.managerChart?.resize();
    this.lead?.resize();
    this.lastT = Number.NaN;
  }

  private chartHeight(): number {
    if (this.fitHeight) return Math.round(Math.min(300, Math.max(120, window.innerHeight * 0.22)));
    return Math.round(190 * this.scale);
  }

  private buildManagerChart(): void {
    const b = this.bundle;
    const holder = this.chartsEl.querySelector<HTMLElement>('.manager-chart') ?? document.createElement('div');
    holder.className = 'manager-chart';
    holder.dataset.tab = 'week';
    if (!holder.parentElement) this.chartsEl.insertBefore(holder, this.chartsEl.children[1] ?? null);
    this.managerChart?.destroy();
    const split = weekSplit(b.data, b.weeks, this.subject);
    const who = this.subject.kind === 'person' ? b.data.persons[this.subject.person]!.name : this.subject.kind === 'mt' ? 'MT members' : 'all managers';
    const yMax =
      this.subject.kind === 'managers' ? this.ranges.managersHours : this.subject.kind === 'mt' ? this.ranges.mtHours : 48;
    this.managerChart = managerWeekChart(holder, split, `Where the week goes: ${who} (hours, summed)`, this.phases, yMax, this.chartHeight());
  }

  /** (Re)creates the charts and lays out the matrix for the current width and scale. */
  layout(scale: number, fitHeight = false): void {
    this.scale = scale;
    this.fitHeight = fitHeight;
    // Chart type follows the page's type size (larger in trainer mode).
    setChartFont(0.85 * parseFloat(getComputedStyle(document.body).fontSize));
    const width = this.el.clientWidth || 600;
    for (const c of this.timeCharts) c.destroy();
    this.lead?.destroy();
    this.timeCharts = [];
    this.buildManagerChart();
    const run = this.bundle.data;
    const h = this.chartHeight();
    this.timeCharts.push(coverageChart(this.chartsEl, run, this.phases, this.ranges.backlog, h));
    this.timeCharts.push(kpiGapChart(this.chartsEl, run, this.phases, h));
    this.lead = new LeadTimeChart(this.chartsEl, this.bundle.hist, this.ranges.histogram, h);
    this.timeCharts[0]!.el.dataset.tab = 'coverage';
    this.timeCharts[1]!.el.dataset.tab = 'kpi';
    this.lead.el.dataset.tab = 'lead';
    this.chartsEl.appendChild(this.problems.el);
    this.setTab((this.el.dataset.tab as TabId | undefined) ?? 'week');
    // In trainer mode the matrix takes the height left once the charts have theirs.
    this.fitMatrix();
    for (const c of [this.managerChart!, ...this.timeCharts]) c.resize();
    this.lead.resize();
    this.lastT = Number.NaN;
  }

  /** Brings the view to model time t. Cheap when nothing changed. */
  frame(t: number, speed: number, hl: Highlight): void {
    const b = this.bundle;
    const tt = Math.min(t, b.data.totalHours);
    b.replay.seek(tt);
    const key = `${hl.track},${hl.cell},${hl.person}`;
    if (tt === this.lastT && b.replay.version === this.lastVersion && key === this.lastHl) return;
    this.lastT = tt;
    this.lastVersion = b.replay.version;
    this.lastHl = key;
    this.matrix.draw(tt, b.replay, speed, hl);
    this.managerChart?.update(tt);
    for (const c of this.timeCharts) c.update(tt);
    this.lead?.update(tt);
    this.problems.update(tt);
  }

  /** Lays the matrix out for the width, and in trainer mode for the height left to it. */
  private fitMatrix(): void {
    this.room = this.wrap.clientHeight;
    this.matrix.resize((this.el.clientWidth || 600) - 2, this.scale, this.fitHeight ? Math.max(160, this.room - 2) : undefined);
    this.lastT = Number.NaN;
  }

  /** Forces a redraw on the next frame (speed changes alter the dots' animation). */
  invalidate(): void {
    this.lastT = Number.NaN;
  }

  destroy(): void {
    this.observer.disconnect();
    this.managerChart?.destroy();
    for (const c of this.timeCharts) c.destroy();
    this.lead?.destroy();
    this.el.remove();
  }
}
