// The state of a run at the current time: what every person is doing and which
// meetings are in session. It moves forward incrementally (apply the events between
// the last time and now), and backwards by restoring the nearest checkpoint and
// replaying from there. Checkpoints are a copy of the whole state every
// CHECKPOINT_EVERY events, taken once at load, so any seek costs at most that many
// event applications however long the run.

import { upperBound, type RunData } from './run-data.js';

import { CHECKPOINT_EVERY } from '../../sim/model/trace-budget.js';

export { CHECKPOINT_EVERY };

export class Replay {
  readonly run: RunData;
  /** Current activity index per person (trace codes.activities). */
  readonly activity: Uint8Array;
  /** 1 while a meeting is in session. */
  readonly meetingOpen: Uint8Array;
  /** Participants present per meeting while in session. */
  readonly meetingPresent: Int32Array;
  /** Events applied: the next event to apply is ev[cursor]. */
  cursor = 0;
  /** Bumped whenever the state changes, so views can tell whether to redraw. */
  version = 0;
  private readonly checkpoints: Uint8Array[] = [];
  private readonly meetingCheckpoints: Int32Array[] = [];

  constructor(run: RunData) {
    this.run = run;
    const nP = run.persons.length;
    const nM = run.trace.organisation.meetings.length;
    this.activity = new Uint8Array(nP);
    // A person starts idle (the model's initial activity) until their first event.
    const idle = run.activity.idle ?? 0;
    this.activity.fill(idle);
    this.meetingOpen = new Uint8Array(nM);
    this.meetingPresent = new Int32Array(nM);
    this.buildCheckpoints();
  }

  private buildCheckpoints(): void {
    const n = this.run.ev.n;
    for (let i = 0; i <= n; i += CHECKPOINT_EVERY) {
      this.applyUpTo(i);
      this.checkpoints.push(this.activity.slice());
      const m = new Int32Array(this.meetingOpen.length * 2);
      for (let k = 0; k < this.meetingOpen.length; k++) {
        m[2 * k] = this.meetingOpen[k]!;
        m[2 * k + 1] = this.meetingPresent[k]!;
      }
      this.meetingCheckpoints.push(m);
    }
    this.restore(0);
  }

  private restore(k: number): void {
    this.activity.set(this.checkpoints[k]!);
    const m = this.meetingCheckpoints[k]!;
    for (let j = 0; j < this.meetingOpen.length; j++) {
      this.meetingOpen[j] = m[2 * j]!;
      this.meetingPresent[j] = m[2 * j + 1]!;
    }
    this.cursor = k * CHECKPOINT_EVERY;
    this.version++;
  }

  /** Applies events forward until `target` events have been applied. */
  private applyUpTo(target: number): void {
    const { ev, codes } = this.run;
    const act = codes.activity;
    const mtg = codes.meeting;
    const type = ev.type;
    let i = this.cursor;
    if (i >= target) return;
    for (; i < target; i++) {
      const k = type[i]!;
      if (k === act) {
        this.activity[ev.a[i]!] = ev.b[i]!;
      } else if (k === mtg) {
        const m = ev.a[i]!;
        const open = ev.b[i]! === 1;
        this.meetingOpen[m] = open ? 1 : 0;
        this.meetingPresent[m] = open ? ev.c[i]! : 0;
      }
    }
    this.cursor = target;
    this.version++;
  }

  /** Brings the state to time t (all events with time <= t applied). Returns events applied. */
  seek(t: number): number {
    const target = upperBound(this.run.ev.time, this.run.ev.n, t);
    return this.seekIndex(target);
  }

  /** Brings the state to just after `target` events. */
  seekIndex(target: number): number {
    if (target === this.cursor) return 0;
    if (target < this.cursor || target - this.cursor > CHECKPOINT_EVERY) {
      const k = Math.floor(target / CHECKPOINT_EVERY);
      // Going forward within reach of the cursor is cheaper than restoring.
      if (!(target > this.cursor && this.cursor >= k * CHECKPOINT_EVERY)) this.restore(k);
    }
    const before = this.cursor;
    this.applyUpTo(target);
    return this.cursor - before;
  }

  /** Count of persons per activity index right now (for the legend's tallies). */
  tally(out: Int32Array): Int32Array {
    out.fill(0);
    for (let p = 0; p < this.activity.length; p++) out[this.activity[p]!]!++;
    return out;
  }
}
