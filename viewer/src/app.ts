// The viewer application: the loaded runs, which of them are on screen (one, or two
// side by side), trainer mode, and the frame loop that moves the shared clock and asks
// each view to bring itself to the clock's time. Views decide themselves whether a
// frame needs drawing, so a paused viewer does almost nothing per frame.

import type { TraceFile } from '../../sim/model/trace-file.js';
import { buildBundles, type RunBundle } from './bundle.js';
import { histMax, seriesMax, splitMax } from './charts.js';
import { Clock } from './clock.js';
import { showError } from './errors.js';
import { Inspector } from './explain/inspector.js';
import { Follow } from './follow.js';
import { Legend } from './legend.js';
import { RunView, type SharedRanges } from './run-view.js';
import { Transport, type TimelineMark } from './transport.js';
import { weekSplit } from './weekly.js';

export class App {
  readonly clock = new Clock();
  readonly follow: Follow;
  private readonly transport: Transport;
  private readonly legend = new Legend();
  readonly inspector = new Inspector();
  private readonly runsEl: HTMLElement;
  bundles: RunBundle[] = [];
  views: RunView[] = [];
  sideBySide = false;
  trainer = false;
  private lastClock = -1;
  private lastFrame = 0;
  /** Frames drawn while playing; read by the frame-rate bench. */
  frames = 0;

  constructor() {
    this.runsEl = document.getElementById('runs')!;
    this.transport = new Transport(this.clock);
    this.follow = new Follow(this.clock);
    this.follow.onToggle = () => this.layout();
    this.clock.onChange(() => {
      // A new speed changes how long dots take to travel: redraw even when paused.
      for (const v of this.views) v.invalidate();
    });
    let resizeTimer = 0;
    window.addEventListener('resize', () => {
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(() => this.layout(), 150);
    });
    requestAnimationFrame((ts) => this.frame(ts));
  }

  /** Shows new runs; two runs open side by side. */
  load(traces: TraceFile[], labels: (string | undefined)[] = [], keepTime = false): void {
    const t0 = performance.now();
    // Everything is prepared before the screen changes: if a run cannot be shown, the
    // runs already on screen stay as they were.
    const bundles = buildBundles(traces, labels);
    const before = { bundles: this.bundles, sideBySide: this.sideBySide, time: this.clock.time };
    this.bundles = bundles;
    this.sideBySide = this.bundles.length > 1;
    this.clock.pause();
    try {
      this.rebuild();
      // A live change replaces a run by its continuation: the clock stays where it was.
      this.clock.seek(keepTime ? before.time : 0);
    } catch (err) {
      this.bundles = before.bundles;
      this.sideBySide = before.sideBySide;
      this.rebuild();
      this.clock.seek(before.time);
      throw err;
    }
    const ms = performance.now() - t0;
    const events = this.bundles.reduce((s, b) => s + b.data.ev.n, 0);
    document.getElementById('footer-status')!.textContent = `${events.toLocaleString('en')} events prepared in ${Math.round(ms)} ms`;
  }

  private visible(): RunBundle[] {
    return this.sideBySide ? this.bundles.slice(0, 2) : this.bundles.slice(0, 1);
  }

  private ranges(shown: RunBundle[]): SharedRanges {
    const max = (f: (b: RunBundle) => number, floor: number) => Math.max(floor, ...shown.map(f));
    // 5% headroom so the top of a stack is not cut by the frame.
    return {
      managersHours: 1.05 * max((b) => splitMax(weekSplit(b.data, b.weeks, { kind: 'managers' })), 1),
      mtHours: 1.05 * max((b) => splitMax(weekSplit(b.data, b.weeks, { kind: 'mt' })), 1),
      backlog: 1.05 * max((b) => seriesMax(b.data, 'design_backlog'), 1),
      histogram: 1.05 * max((b) => histMax(b.hist), 1),
    };
  }

  private rebuild(): void {
    for (const v of this.views) v.destroy();
    this.views = [];
    this.inspector.close();
    const shown = this.visible();
    document.getElementById('welcome')!.hidden = shown.length > 0;
    this.runsEl.classList.toggle('side-by-side', shown.length > 1);
    document.body.dataset.runs = String(shown.length);
    document.body.dataset.loaded = String(this.bundles.length);
    const ranges = this.ranges(shown);
    shown.forEach((b, i) => this.views.push(new RunView(this.runsEl, b, i, ranges)));
    this.views.forEach((v, i) => {
      v.matrix.onTrackClick = (track) => this.follow.followTrack(i, track);
      v.matrix.onPersonClick = (person) => this.inspector.show(v.bundle, person, (p) => v.matrix.waitingAt(p), this.clock.time);
      // Whose week and the chosen tab are linked: the other run shows the same person
      // (by id) or group, so the room compares like with like.
      v.onSubject = (value) => {
        for (const o of this.views) if (o !== v && !o.setSubject(value)) showError(`${o.bundle.data.trace.design} has no manager or MT member with that id; it keeps its own choice.`, 'Not in the other run');
      };
      v.onTab = (tab) => {
        for (const o of this.views) if (o !== v) o.setTab(tab);
      };
    });
    const end = Math.max(0, ...shown.map((b) => b.data.totalHours));
    this.clock.setEnd(end);
    this.transport.setTimeline(end, this.marks(shown));
    this.follow.setRuns(shown);
    if (shown[0]) this.legend.bind(shown[0].data.activityNames, shown.length > 1 ? `${shown[0].data.trace.design} (left)` : null);
    this.layout();
  }

  private marks(shown: RunBundle[]): TimelineMark[] {
    const seen = new Set<string>();
    const out: TimelineMark[] = [];
    for (const b of shown) {
      const tr = b.data.trace;
      if (tr.warmup > 0 && !seen.has(`w${tr.warmup}`)) {
        seen.add(`w${tr.warmup}`);
        out.push({ at: tr.warmup, label: 'end of warm-up: metrics are measured from here', kind: 'warmup' });
      }
      for (const e of tr.organisation.timeline) {
        const key = `${e.at}|${e.label}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ at: e.at, label: e.label, kind: 'phase' });
      }
    }
    return out;
  }

  private layout(): void {
    if (this.views.length === 0) return;
    // Trainer mode: type grows with the screen, and everything fits the window (the
    // matrix shrinks its type if it must; charts are one tab at a time).
    const scale = this.trainer ? Math.min(1.7, Math.max(1, window.innerHeight / 660)) : 1;
    for (const v of this.views) v.layout(scale, this.trainer);
    this.lastClock = -1;
  }

  toggleSideBySide(): void {
    if (this.bundles.length < 2) {
      showError('Side by side needs two runs: open two trace files (pick or drop both), or run "island and usm side by side" in the browser.', 'Only one run loaded');
      return;
    }
    this.sideBySide = !this.sideBySide;
    const t = this.clock.time;
    this.rebuild();
    this.clock.seek(t);
  }

  setTrainer(on: boolean): void {
    this.trainer = on;
    document.body.classList.toggle('trainer', on);
    document.getElementById('trainer-toggle')?.setAttribute('aria-pressed', String(on));
    this.layout();
  }

  /** The legend: always shown in the normal page; in trainer mode one click away. */
  toggleLegend(): void {
    const on = !document.body.classList.contains('legend-open');
    document.body.classList.toggle('legend-open', on);
    document.getElementById('legend-toggle')?.setAttribute('aria-pressed', String(on));
  }

  toggleFollow(): void {
    if (this.follow.active) this.follow.close();
    else this.follow.pickNow(this.follow.chosenRun());
    for (const v of this.views) v.invalidate();
  }

  private frame(ts: number): void {
    const dt = this.lastFrame > 0 ? (ts - this.lastFrame) / 1000 : 0;
    this.lastFrame = ts;
    try {
      this.clock.tick(dt);
      const t = this.clock.time;
      const speed = this.clock.speed;
      this.views.forEach((v, i) => v.frame(t, speed, this.follow.highlight(i, t)));
      let changed = false;
      for (const v of this.views) changed = v.headline.maybeUpdate(Math.min(t, v.bundle.data.totalHours), ts, this.clock.playing) || changed;
      if (changed && this.views.length > 1) {
        const [a, b] = this.views;
        b!.headline.showDiff(a!.headline.values, `${b!.bundle.data.trace.design} − ${a!.bundle.data.trace.design}`);
      }
      if (this.clock.version !== this.lastClock) {
        this.lastClock = this.clock.version;
        this.transport.render(ts);
        this.follow.update(t);
        this.inspector.update(t);
      }
      this.legend.update(this.views[0]?.bundle.replay ?? null, ts);
      if (this.clock.playing) this.frames++;
    } catch (err) {
      this.clock.pause();
      showError(err instanceof Error ? err.message : String(err), 'The replay stopped');
    }
    requestAnimationFrame((t) => this.frame(t));
  }
}
