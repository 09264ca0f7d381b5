// The transport bar: play/pause, speed, the time readout and the scrubber with the
// run's timeline entries (DPV transition phases, end of warm-up) marked on it. It
// writes to the DOM only when what it shows has changed, so playing costs a few
// property writes per frame, not new elements.

import { Clock, speedDetail } from './clock.js';
import { h } from './dom.js';
import { formatClock, formatEnd } from './format.js';

export interface TimelineMark {
  at: number;
  label: string;
  kind: 'phase' | 'warmup';
}

export class Transport {
  private readonly clock: Clock;
  private readonly play: HTMLButtonElement;
  private readonly scrub: HTMLInputElement;
  private readonly time: HTMLElement;
  private readonly speed: HTMLElement;
  private readonly markers: HTMLElement;
  private readonly phase: HTMLElement;
  private marks: TimelineMark[] = [];
  private shown = { clock: '', playing: false, speed: -1, scrub: -1, phase: '' };
  private dragging = false;
  private readonly jumpInput: HTMLInputElement;

  constructor(clock: Clock) {
    this.clock = clock;
    this.play = document.getElementById('play') as HTMLButtonElement;
    this.scrub = document.getElementById('scrub') as HTMLInputElement;
    this.time = document.getElementById('time')!;
    this.speed = document.getElementById('speed')!;
    this.markers = document.getElementById('markers')!;
    this.phase = document.getElementById('phase')!;
    this.play.addEventListener('click', () => clock.toggle());
    document.getElementById('slower')!.addEventListener('click', () => clock.slower());
    document.getElementById('faster')!.addEventListener('click', () => clock.faster());
    document.getElementById('back')!.addEventListener('click', () => clock.stepWeeks(-1));
    document.getElementById('forward')!.addEventListener('click', () => clock.stepWeeks(1));
    document.getElementById('day-back')!.addEventListener('click', () => clock.stepDays(-1));
    document.getElementById('day-forward')!.addEventListener('click', () => clock.stepDays(1));
    document.getElementById('to-start')!.addEventListener('click', () => clock.toStart());
    document.getElementById('to-end')!.addEventListener('click', () => clock.toEnd());
    const jump = document.getElementById('jump') as HTMLFormElement;
    this.jumpInput = document.getElementById('jump-week') as HTMLInputElement;
    jump.addEventListener('submit', (e) => {
      e.preventDefault();
      const w = Number(this.jumpInput.value);
      if (Number.isFinite(w) && w >= 1) clock.jumpToWeek(w);
    });
    this.scrub.addEventListener('pointerdown', () => (this.dragging = true));
    window.addEventListener('pointerup', () => (this.dragging = false));
    this.scrub.addEventListener('input', () => clock.seek(Number(this.scrub.value)));
    this.markers.addEventListener('click', (e) => {
      const at = (e.target as HTMLElement).closest<HTMLElement>('[data-at]')?.dataset.at;
      if (at !== undefined) clock.seek(Number(at));
    });
  }

  /** New runs: the scrubber's range and its marks. */
  setTimeline(end: number, marks: TimelineMark[]): void {
    this.marks = [...marks].sort((a, b) => a.at - b.at);
    this.scrub.max = String(end);
    this.scrub.step = 'any';
    this.scrub.disabled = end <= 0;
    this.jumpInput.max = String(Math.max(1, Math.ceil(end / 40)));
    const pct = (t: number) => `${(end > 0 ? (100 * t) / end : 0).toFixed(3)}%`;
    // Phases are numbered 1, 2, … in time order; the warm-up is a grey band from the
    // start to where observation starts (it has no number, so it cannot overlap one).
    let phase = 0;
    this.markers.replaceChildren(
      ...this.marks
        .filter((m) => m.at >= 0 && m.at <= end)
        .map((m) => {
          if (m.kind === 'warmup') {
            const band = h('button', { class: 'marker marker-warmup', title: `Warm-up until ${formatClock(m.at)} (not measured); click: ${m.label}`, data: { at: String(m.at) }, attrs: { type: 'button', 'aria-label': `observation starts ${formatClock(m.at)}` } });
            band.style.left = '0';
            band.style.width = pct(m.at);
            return band;
          }
          phase++;
          const b = h('button', { class: 'marker marker-phase', title: `Phase ${phase}, ${formatClock(m.at)}: ${m.label}`, data: { at: String(m.at), phase: String(phase) }, attrs: { type: 'button' } }, String(phase));
          b.style.left = pct(m.at);
          return b;
        }),
    );
    this.shown.scrub = -1;
    this.render();
  }

  /** The phase in force at time t: the last timeline entry at or before it, numbered. */
  private phaseAt(t: number): string {
    let label = '';
    let k = 0;
    for (const m of this.marks) {
      if (m.kind !== 'phase') continue;
      k++;
      if (m.at <= t) label = `phase ${k}: ${m.label}`;
    }
    const warm = this.marks.find((m) => m.kind === 'warmup');
    if (warm && t < warm.at) return `${label ? `${label} · ` : ''}warm-up (not measured until ${formatClock(warm.at)})`;
    return label;
  }

  private lastText = -Infinity;

  /** Brings the bar to the clock. While playing the time text changes at most 4 times a
   *  second (each change costs a layout; minutes flicking by at ×64 cannot be read);
   *  data-time always carries the exact time. */
  render(wallMs = performance.now()): void {
    const c = this.clock;
    const text = c.end > 0 && c.time >= c.end ? formatEnd(c.end) : formatClock(c.time);
    if (text !== this.shown.clock && (!c.playing || wallMs - this.lastText >= 250)) {
      this.lastText = wallMs;
      this.time.textContent = text;
      this.shown.clock = text;
    }
    // Tests and scripts read the exact model time here.
    this.time.dataset.time = String(c.time);
    if (c.playing !== this.shown.playing) {
      this.play.textContent = c.playing ? '❚❚ Pause' : '▶ Play';
      this.play.setAttribute('aria-pressed', String(c.playing));
      this.shown.playing = c.playing;
    }
    if (c.speed !== this.shown.speed) {
      this.speed.replaceChildren(`×${c.speed}`, h('span', { class: 'speed-detail' }, ` (${speedDetail(c.speed)})`));
      this.speed.title = speedDetail(c.speed);
      this.shown.speed = c.speed;
    }
    if (!this.dragging && c.time !== this.shown.scrub) {
      this.scrub.value = String(c.time);
      this.shown.scrub = c.time;
    }
    const phase = this.phaseAt(c.time);
    if (phase !== this.shown.phase) {
      this.phase.textContent = phase ? `Now: ${phase}` : '';
      this.shown.phase = phase;
    }
  }
}
