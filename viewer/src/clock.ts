// The shared playback clock: one model time for every run on screen, so two runs side
// by side are always shown at the same moment. Speeds are in working hours of model
// time per second of wall time: ×1 lets a room follow single requests (a week takes
// 40 s), ×64 shows the year unfold (about 1.6 weeks per second).

import { WEEK_HOURS } from '../../sim/model/spec.js';

const DAY = 8;

export const SPEEDS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] as const;
export const DEFAULT_SPEED_INDEX = 5;

export class Clock {
  time = 0;
  end = 0;
  playing = false;
  speedIndex: number = DEFAULT_SPEED_INDEX;
  /** Bumped on every change of time, play state or speed; views compare it to redraw. */
  version = 0;
  private readonly listeners = new Set<() => void>();

  get speed(): number {
    return SPEEDS[this.speedIndex]!;
  }

  onChange(f: () => void): void {
    this.listeners.add(f);
  }

  private changed(): void {
    this.version++;
    for (const f of this.listeners) f();
  }

  setEnd(end: number): void {
    this.end = end;
    if (this.time > end) this.time = end;
    this.changed();
  }

  seek(t: number): void {
    const clamped = Math.min(this.end, Math.max(0, t));
    if (clamped === this.time) return;
    this.time = clamped;
    this.changed();
  }

  stepWeeks(n: number): void {
    // Steps land on week boundaries so "→" reads as "next week".
    const w = n > 0 ? Math.floor(this.time / WEEK_HOURS + 1e-9) + n : Math.ceil(this.time / WEEK_HOURS - 1e-9) + n;
    this.seek(w * WEEK_HOURS);
  }

  /** Steps whole working days (8 h), landing on day boundaries. */
  stepDays(n: number): void {
    const d = n > 0 ? Math.floor(this.time / DAY + 1e-9) + n : Math.ceil(this.time / DAY - 1e-9) + n;
    this.seek(d * DAY);
  }

  /** Goes to the start of a 1-based week (week 1 starts at time 0). */
  jumpToWeek(week: number): void {
    this.seek((Math.max(1, Math.floor(week)) - 1) * WEEK_HOURS);
  }

  toStart(): void {
    this.pause();
    this.seek(0);
  }

  toEnd(): void {
    this.pause();
    this.seek(this.end);
  }

  play(): void {
    if (this.end <= 0) return;
    if (this.time >= this.end) this.time = 0;
    this.playing = true;
    this.changed();
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.changed();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  faster(): void {
    this.setSpeedIndex(this.speedIndex + 1);
  }

  slower(): void {
    this.setSpeedIndex(this.speedIndex - 1);
  }

  setSpeedIndex(i: number): void {
    const k = Math.min(SPEEDS.length - 1, Math.max(0, i));
    if (k === this.speedIndex) return;
    this.speedIndex = k;
    this.changed();
  }

  /** Advances by `seconds` of wall time while playing; stops at the end. */
  tick(seconds: number): void {
    if (!this.playing) return;
    // A long pause between frames (tab hidden) must not jump the run ahead.
    const dt = Math.min(seconds, 0.25);
    const next = this.time + dt * this.speed;
    if (next >= this.end) {
      this.time = this.end;
      this.playing = false;
    } else this.time = next;
    this.changed();
  }
}

export function speedLabel(speed: number): string {
  return `×${speed} (${speedDetail(speed)})`;
}

/** Model hours and weeks per second of wall time at a speed. */
export function speedDetail(speed: number): string {
  const weeksPerSecond = speed / WEEK_HOURS;
  return `${speed} h/s${weeksPerSecond >= 0.1 ? ` ≈ ${weeksPerSecond.toFixed(weeksPerSecond < 1 ? 2 : 1)} weeks/s` : ''}`;
}
