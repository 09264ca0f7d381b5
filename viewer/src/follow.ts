// "Follow this request / this escalation": a panel that narrates one case's story in
// plain English, step by step, in step with the clock. Next/previous jump the clock to
// the step's moment and pause there, so a trainer can talk through each decision; the
// matrix rings the escalation and outlines the cell and person the case is with.

import type { RunBundle } from './bundle.js';
import type { Clock } from './clock.js';
import { activeTracks } from './escalations.js';
import { h } from './dom.js';
import { NO_HIGHLIGHT, type Highlight } from './matrix.js';
import { narrateEscalation, narrateRequest, stepAt, type Narration } from './narrate.js';

export class Follow {
  private readonly clock: Clock;
  private readonly panel: HTMLElement;
  private readonly title: HTMLElement;
  private readonly list: HTMLOListElement;
  private runs: RunBundle[] = [];
  private run = -1;
  private narration: Narration | null = null;
  private shownStep = -2;
  /** The step in focus. Several steps can share a moment, so it is kept, not derived from the time. */
  private current = -1;
  private readonly scratch: number[] = [];
  /** Called when the panel opens or closes (the page reflows around it). */
  onToggle: (() => void) | null = null;

  constructor(clock: Clock) {
    this.clock = clock;
    this.panel = document.getElementById('follow')!;
    this.title = this.panel.querySelector('.follow-title')!;
    this.list = this.panel.querySelector('ol')!;
    this.panel.querySelector('.follow-next')!.addEventListener('click', () => this.step(1));
    this.panel.querySelector('.follow-prev')!.addEventListener('click', () => this.step(-1));
    this.panel.querySelector('.follow-close')!.addEventListener('click', () => this.close());
    this.list.addEventListener('click', (e) => {
      const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-time]');
      if (li) {
        this.clock.pause();
        this.current = Number(li.dataset.step);
        this.clock.seek(Number(li.dataset.time));
        this.update(this.clock.time);
      }
    });
    const form = document.getElementById('follow-form') as HTMLFormElement;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const serial = Number((form.elements.namedItem('serial') as HTMLInputElement).value);
      if (Number.isInteger(serial) && serial >= 0) this.followRequest(this.chosenRun(), serial);
    });
    document.getElementById('follow-pick')!.addEventListener('click', () => this.pickNow(this.chosenRun()));
  }

  setRuns(runs: RunBundle[]): void {
    this.runs = runs;
    this.close();
    // With two runs, "follow" asks which one (left or right); with one it is that one.
    const select = document.getElementById('follow-run') as HTMLSelectElement | null;
    if (select) {
      select.replaceChildren(...runs.map((r, i) => h('option', { attrs: { value: String(i) } }, `${runs.length > 1 ? (i === 0 ? 'left: ' : 'right: ') : ''}${r.data.trace.design}`)));
      select.hidden = runs.length < 2;
    }
  }

  /** The run the follow controls act on (0 = left). */
  chosenRun(): number {
    const select = document.getElementById('follow-run') as HTMLSelectElement | null;
    const k = select ? Number(select.value) : 0;
    return Number.isInteger(k) && k >= 0 && k < this.runs.length ? k : 0;
  }

  get active(): boolean {
    return this.narration !== null;
  }

  followTrack(run: number, track: number): void {
    const b = this.runs[run];
    if (!b) return;
    this.show(run, narrateEscalation(b.data, b.tracks, track));
  }

  followRequest(run: number, serial: number): void {
    const b = this.runs[run];
    if (!b) return;
    const n = narrateRequest(b.data, b.tracks, serial);
    if (n.steps.length === 0) {
      this.show(run, { ...n, title: `Request #${serial} does not occur in this run` });
      return;
    }
    this.show(run, n);
  }

  /** Picks an escalation on screen now (one with a known case first), else the next one to start. */
  pickNow(run = 0): void {
    const b = this.runs[run];
    if (!b) return;
    const t = this.clock.time;
    const tr = b.tracks;
    const act = activeTracks(tr, t, 0, this.scratch);
    let best = -1;
    for (const j of act) if (best < 0 || (tr.serial[j]! >= 0 && tr.serial[best]! < 0) || (tr.serial[j]! >= 0 && tr.start[j]! > tr.start[best]!)) best = j;
    if (best < 0) {
      for (let j = 0; j < tr.count; j++) {
        if (tr.start[j]! >= t && tr.serial[j]! >= 0) {
          best = j;
          break;
        }
      }
    }
    if (best < 0) {
      this.show(run, { title: 'No escalation to follow from here on', serial: -1, track: -1, steps: [] });
      return;
    }
    this.followTrack(run, best);
  }

  private show(run: number, n: Narration): void {
    this.run = run;
    this.narration = n;
    const wasHidden = this.panel.hidden;
    this.panel.hidden = false;
    document.body.classList.add('following');
    if (wasHidden) this.onToggle?.();
    this.title.textContent = n.title;
    this.list.replaceChildren(...n.steps.map((s, i) => h('li', { class: `step-${s.kind}`, data: { step: String(i), time: String(s.time) } }, s.text)));
    this.shownStep = -2;
    this.current = -1;
    this.update(this.clock.time);
  }

  close(): void {
    this.narration = null;
    this.run = -1;
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    document.body.classList.remove('following');
    this.onToggle?.();
  }

  /** Moves to the next (+1) or previous (-1) step: the clock jumps there and pauses. */
  step(dir: 1 | -1): void {
    const n = this.narration;
    if (!n || n.steps.length === 0) return;
    const k = Math.min(n.steps.length - 1, Math.max(0, this.current + dir));
    this.clock.pause();
    this.current = k;
    this.clock.seek(n.steps[k]!.time);
    this.update(this.clock.time);
  }

  /** Marks the step current at time t; touches the DOM only when it changes. */
  update(t: number): void {
    const n = this.narration;
    if (!n) return;
    // Keep a chosen step while the clock stands on its moment; else follow the clock.
    if (!(this.current >= 0 && n.steps[this.current]?.time === t)) this.current = stepAt(n, t);
    const k = this.current;
    if (k === this.shownStep) return;
    this.list.querySelector('li.now')?.classList.remove('now');
    this.list.querySelector('li[aria-current]')?.removeAttribute('aria-current');
    const li = this.list.querySelector<HTMLElement>(`li[data-step="${k}"]`);
    if (li) {
      li.classList.add('now');
      li.setAttribute('aria-current', 'step');
      li.scrollIntoView({ block: 'nearest' });
    }
    this.shownStep = k;
  }

  /** What the matrix of run `run` should mark at time t. */
  highlight(run: number, t: number): Highlight {
    const n = this.narration;
    if (!n || run !== this.run) return NO_HIGHLIGHT;
    const k = this.current >= 0 && n.steps[this.current]?.time === t ? this.current : stepAt(n, t);
    const s = k >= 0 ? n.steps[k]! : null;
    return { track: n.track >= 0 ? n.track : (s?.track ?? -1), cell: s?.cell ?? -1, person: s?.person ?? -1 };
  }
}
