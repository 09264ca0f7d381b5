// The legend under the transport bar: what each person mark and each escalation mark
// means (colour, shape and name together), how the queue cells are shaded, and how
// many persons are doing what right now in the first run. Counts refresh a few times a
// second at most, never every frame.

import { h, svg } from './dom.js';
import { ACTIVITY_MARKS, OUTCOME_MARKS, queueColor, shapeSvg } from './palette.js';
import type { Replay } from './replay.js';

const ACTIVITY_ORDER = ['operating', 'coordinating', 'compensating', 'designing', 'meeting', 'overtime', 'absent', 'idle', 'off'];
const OUTCOME_ORDER = ['open', 'compensated', 'referred', 'signalled', 'meeting', 'resolved', 'withdrawn'];

export class Legend {
  private readonly el: HTMLElement;
  private counts: HTMLElement[] = [];
  private names: string[] = [];
  private tally = new Int32Array(0);
  private lastUpdate = 0;
  private lastVersion = -1;

  constructor() {
    this.el = document.getElementById('legend')!;
    const ramp = Array.from({ length: 6 }, (_, i) => {
      const swatch = h('span', { class: 'ramp' });
      swatch.style.background = queueColor(i, 5);
      return swatch;
    });
    const openDot = svg('svg', { width: 14, height: 14, 'aria-hidden': 'true' }, svg('circle', { cx: 7, cy: 7, r: 3.5, fill: '#000', stroke: '#fff' }));
    this.el.replaceChildren(
      h(
        'div',
        { class: 'legend-group' },
        h('span', { class: 'legend-title', attrs: { id: 'legend-persons' } }, 'Person marks (now):'),
        ...ACTIVITY_ORDER.map((a) => {
          const m = ACTIVITY_MARKS[a]!;
          return h('span', { class: 'legend-item', data: { activity: a } }, shapeSvg(m), ` ${m.label} `, h('b', { class: 'count' }));
        }),
      ),
      h(
        'div',
        { class: 'legend-group' },
        h('span', { class: 'legend-title' }, 'Escalations:'),
        ...OUTCOME_ORDER.map((o) => {
          const m = OUTCOME_MARKS[o]!;
          return h('span', { class: 'legend-item' }, o === 'open' ? openDot : shapeSvg(m), ` ${m.label}`);
        }),
        h('span', { class: 'legend-item', data: { mark: 'pile' } }, openDot.cloneNode(true), openDot.cloneNode(true), ' a pile: escalations waiting for that person or meeting, four high'),
        h('span', { class: 'legend-item', data: { mark: 'more' } }, h('b', {}, '+N'), ' N more waiting than the pile has room for'),
        h('span', { class: 'legend-item', data: { mark: 'trail' } }, '— grey line: the way a dot is travelling (from its case’s cell to who receives it)'),
      ),
      h(
        'div',
        { class: 'legend-group' },
        h('span', { class: 'legend-title' }, 'Figures:'),
        h('span', { class: 'legend-item' }, 'under each run: from the end of warm-up up to the clock (“so far”); with two runs, the right one’s difference from the left'),
        h('span', { class: 'legend-item' }, 'dashed lines in the charts: the timeline’s phases; black line: now'),
      ),
      h(
        'div',
        { class: 'legend-group' },
        h('span', { class: 'legend-title' }, 'Cells:'),
        h('span', { class: 'legend-item' }, 'weekly mean queue ', ...ramp, ' low → high, with an orange bar of the same length and the number'),
        h('span', { class: 'legend-item' }, 'hatched: the stream has no step in that team'),
        h('span', { class: 'legend-item' }, 'a ring or dashed outline: the person, cell or escalation being followed'),
      ),
    );
  }

  /** Binds the tallies to the activity names of the run they count (`label` names it when two are shown). */
  bind(activityNames: string[], label: string | null): void {
    this.names = activityNames;
    this.el.querySelector('#legend-persons')!.textContent = label ? `Person marks (now; counts for ${label}):` : 'Person marks (now):';
    this.tally = new Int32Array(activityNames.length);
    this.counts = ACTIVITY_ORDER.map((a) => this.el.querySelector<HTMLElement>(`[data-activity="${a}"] .count`)!);
    this.lastVersion = -1;
  }

  update(replay: Replay | null, now: number): void {
    if (!replay || replay.version === this.lastVersion || now - this.lastUpdate < 250) return;
    this.lastUpdate = now;
    this.lastVersion = replay.version;
    replay.tally(this.tally);
    ACTIVITY_ORDER.forEach((a, i) => {
      const k = this.names.indexOf(a);
      const text = k >= 0 ? String(this.tally[k]) : '';
      const el = this.counts[i];
      if (el && el.textContent !== text) el.textContent = text;
    });
  }
}
