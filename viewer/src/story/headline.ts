// Three headline figures per run, "so far" at the clock's time (so-far.ts): escalations
// per 100 requests, managers' time compensating, mean lead time. With two runs side by
// side the right one also shows its difference from the left (e.g. usm − island), so the
// room reads the comparison instead of subtracting. Text is rewritten only when the
// rounded figure changes.

import { h } from '../dom.js';
import { formatNumber } from '../format.js';
import { soFarAt, type SoFar, type SoFarFigures } from './so-far.js';

interface Figure {
  key: keyof SoFarFigures;
  label: string;
  unit: string;
  /** Shown value from the raw figure (shares as percent). */
  show: (v: number) => number;
  title: string;
}

const FIGURES: Figure[] = [
  { key: 'escalationsPer100', label: 'escalations per 100 requests', unit: '', show: (v) => v, title: 'Escalations raised per 100 requests that arrived, from the end of warm-up to now' },
  { key: 'compensationShare', label: 'managers compensating', unit: '%', show: (v) => 100 * v, title: "Share of managers' on-duty time spent compensating, over the observed weeks completed so far" },
  { key: 'leadMean', label: 'mean lead time', unit: 'h', show: (v) => v, title: 'Mean lead time of requests finished from the end of warm-up to now, working hours' },
];

export class Headline {
  readonly el: HTMLElement;
  values: SoFarFigures = { escalationsPer100: null, compensationShare: null, leadMean: null };
  private readonly valueEls: HTMLElement[] = [];
  private readonly diffEls: HTMLElement[] = [];
  private readonly shown: string[] = [];
  private readonly shownDiff: string[] = [];

  constructor(private readonly soFar: SoFar) {
    this.el = h('dl', { class: 'headline', attrs: { 'aria-label': 'Headline figures so far' } });
    for (const f of FIGURES) {
      const value = h('dd', { class: 'headline-value', data: { figure: f.key } }, '—');
      const diff = h('span', { class: 'headline-diff' });
      this.valueEls.push(value);
      this.diffEls.push(diff);
      this.shown.push('');
      this.shownDiff.push('');
      this.el.appendChild(h('div', { class: 'headline-item', title: f.title }, h('dt', {}, f.label, ' ', h('span', { class: 'so-far' }, 'so far')), value, diff));
    }
  }

  private lastT = Number.NaN;
  private lastWall = -Infinity;

  /** Updates at most 4 times a second while playing (figures changing every frame cannot
   *  be read, and each text change costs a page layout); at once when paused. True if it did. */
  maybeUpdate(t: number, wallMs: number, playing: boolean): boolean {
    if (t === this.lastT || (playing && wallMs - this.lastWall < 250)) return false;
    this.lastT = t;
    this.lastWall = wallMs;
    this.update(t);
    return true;
  }

  update(t: number): void {
    this.values = soFarAt(this.soFar, t);
    FIGURES.forEach((f, i) => {
      const v = this.values[f.key];
      const text = v === null ? '—' : `${formatNumber(f.show(v))}${f.unit ? ` ${f.unit}` : ''}`;
      if (text === this.shown[i]) return;
      this.shown[i] = text;
      const el = this.valueEls[i]!;
      el.textContent = text;
      el.dataset.value = v === null ? 'null' : String(v);
    });
  }

  /** Shows this run's figures minus `other`'s (null: no comparison). */
  showDiff(other: SoFarFigures | null, label: string): void {
    FIGURES.forEach((f, i) => {
      const a = this.values[f.key];
      const b = other?.[f.key] ?? null;
      const d = other === null || a === null || b === null ? null : f.show(a) - f.show(b);
      const text = d === null ? '' : `${label}: ${d > 0 ? '+' : d < 0 ? '−' : '±'}${formatNumber(Math.abs(d))}${f.unit ? ` ${f.unit === '%' ? 'pp' : f.unit}` : ''}`;
      if (text === this.shownDiff[i]) return;
      this.shownDiff[i] = text;
      const el = this.diffEls[i]!;
      el.textContent = text;
      el.dataset.value = d === null ? 'null' : String(d);
    });
  }
}
