// The transport bar: play/pause, speed, the time readout and the scrubber with the
// run's timeline entries (DPV transition phases, end of warm-up) marked on it. It
// writes to the DOM only when what it shows has changed, so playing costs a few
// property writes per frame, not new elements.

import { Clock, speedLabel } from './clock.js';
import { h } from './dom.js';
import { formatClock } from './format.js';

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
    this.markers.replaceChildren(
      ...this.marks
        .filter((m) => m.at >= 0 && m.at <= end)
        .map((m, i) => {
          const text = m.kind === 'warmup' ? '▾ observation starts' : `${i + 1}`;
          const b = h('button', { class: `marker marker-${m.kind}`, title: `${formatClock(m.at)}: ${m.label}`, data: { at: String(m.at) }, attrs: { type: 'button' } }, text);
          b.style.left = `${(end > 0 ? (100 * m.at) / end : 0).toFixed(3)}%`;
          return b;
        }),
    );
    this.shown.scrub = -1;
    this.render();
  }

  /** The phase in force at time t: the last timeline entry at or before it. */
  private phaseAt(t: number): string {
    let label = '';
    for (const m of this.marks) if (m.kind === 'phase' && m.at <= t) label = m.label;
    return label;
  }

  render(): void {
    const c = this.clock;
    const text = formatClock(c.time);
    if (text !== this.shown.clock) {
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
      this.speed.textContent = speedLabel(c.speed);
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
