// A weekly chart on the shared timeline: a uPlot whose x axis is the run's weeks, that
// reveals its data up to the last finished week as the replay advances (so a room
// watches a line being drawn, not a finished picture), marks the timeline entries
// with dashed lines, and shows the current moment as a thin vertical line.
//
// Cost control: uPlot redraws only when the revealed week changes (setData); the
// moving "now" line is a positioned element whose transform changes only when its
// pixel position does.

import uPlot from 'uplot';
import { WEEK_HOURS } from '../../sim/model/spec.js';
import { addExport } from './explain/export.js';
import { LINE } from './palette.js';

export interface TimeChartOptions {
  title: string;
  /** uPlot options minus width/height/title/data; x values are week numbers (1-based, at mid-week). */
  opts: Omit<uPlot.Options, 'width' | 'height' | 'title'>;
  /** Full columns: [x, ...series]; revealed up to the current week. */
  data: (number | null)[][];
  /** Model hours of timeline entries, drawn as dashed lines. */
  phases: number[];
  height: number;
  /** When false the chart shows everything at once (nothing to reveal). */
  reveal?: boolean;
}

/** x position of model time t: week k's value sits at mid-week, x = k. */
export const weekX = (t: number) => t / WEEK_HOURS + 0.5;

export class TimeChart {
  readonly el: HTMLElement;
  readonly plot: uPlot;
  private readonly full: (number | null)[][];
  private readonly now: HTMLElement;
  private shownWeeks = -1;
  private nowPx = Number.NaN;
  private readonly reveal: boolean;

  constructor(parent: HTMLElement, o: TimeChartOptions) {
    this.el = document.createElement('figure');
    this.el.className = 'chart';
    parent.appendChild(this.el);
    this.full = o.data;
    this.reveal = o.reveal !== false;
    const phases = o.phases;
    const phasePlugin: uPlot.Plugin = {
      hooks: {
        draw: (u) => {
          if (phases.length === 0) return;
          const c = u.ctx;
          c.save();
          c.strokeStyle = LINE.phase;
          c.setLineDash([4, 4]);
          c.lineWidth = 1;
          for (const at of phases) {
            const x = u.valToPos(weekX(at), 'x', true);
            if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
            c.beginPath();
            c.moveTo(x, u.bbox.top);
            c.lineTo(x, u.bbox.top + u.bbox.height);
            c.stroke();
          }
          c.restore();
        },
      },
    };
    const width = Math.max(240, this.el.clientWidth || parent.clientWidth || 400);
    this.plot = new uPlot(
      // The legend names the series; live values under the cursor would read "—" most of the time.
      { legend: { live: false }, ...o.opts, title: o.title, width, height: o.height, plugins: [...(o.opts.plugins ?? []), phasePlugin] },
      this.revealed(this.reveal ? 0 : this.full[0]!.length) as uPlot.AlignedData,
      this.el,
    );
    // Numbers as computed (a stacked chart's columns are the stacked totals, as drawn).
    addExport(this.el, this.plot, o.title.toLowerCase().slice(0, 60), () => this.full);
    this.now = document.createElement('div');
    this.now.className = 'chart-now';
    this.now.style.background = LINE.cursor;
    this.plot.over.appendChild(this.now);
  }

  private revealed(weeks: number): (number | null)[][] {
    const x = this.full[0]!;
    return this.full.map((col, i) => (i === 0 ? x : col.map((v, k) => (k < weeks ? v : null))));
  }

  /** Shows the data of finished weeks at model time t and moves the "now" line. */
  update(t: number): void {
    const weeks = this.reveal ? Math.min(this.full[0]!.length, Math.floor(t / WEEK_HOURS + 1e-9)) : this.full[0]!.length;
    if (weeks !== this.shownWeeks) {
      this.shownWeeks = weeks;
      this.plot.setData(this.revealed(weeks) as uPlot.AlignedData);
    }
    const px = Math.round(this.plot.valToPos(weekX(t), 'x') * 2) / 2;
    if (px !== this.nowPx) {
      this.nowPx = px;
      this.now.style.transform = `translateX(${px}px)`;
    }
  }

  /** Fits the plot to the width its grid cell gives it. */
  resize(): void {
    this.plot.setSize({ width: Math.max(240, this.el.clientWidth), height: this.plot.height });
    this.nowPx = Number.NaN;
  }

  destroy(): void {
    this.plot.destroy();
    this.el.remove();
  }
}
