// The simulation kernel: a clock in hours, the calendar, and a table of event handlers.
//
// Example (a single clerk at a counter):
//   const sim = new Simulation();
//   const ARRIVE = sim.on(() => { queue++; sim.schedule(rng.exp(1), ARRIVE); ... });
//   sim.schedule(0, ARRIVE);
//   sim.run(1000);
//
// An event is (time, priority, kind, arg): `kind` indexes a handler registered once
// with `on`, `arg` is a number the handler reads (usually an entity index). Handlers
// are plain functions created at set-up, so firing an event allocates nothing: no
// closure, no promise, no event object. The kernel knows nothing of queues, servers
// or organisations; those live in the model, on top.

import { Calendar, type EventId, MAX_PRIORITY, MIN_PRIORITY } from './calendar.js';

export type { EventId } from './calendar.js';

/** A handler receives the event's argument; `sim.now` is the event's time. */
export type Handler = (arg: number) => void;

/** Called for every fired event when tracing (see `setObserver`). */
export type EventObserver = (time: number, kind: number, arg: number) => void;

export class Simulation {
  /** The simulated clock, in hours. */
  now = 0;
  /** Events fired so far. */
  eventsFired = 0;
  private readonly calendar: Calendar;
  private readonly handlers: Handler[] = [];
  private readonly kindNames: string[] = [];
  private stopped = false;
  private observer: EventObserver | null = null;

  constructor(options: { initialCapacity?: number; startTime?: number } = {}) {
    this.calendar = new Calendar(options.initialCapacity ?? 1024);
    this.now = options.startTime ?? 0;
  }

  /** Registers a handler and returns its event kind. Do this at set-up, not per event. */
  on(handler: Handler, name = `kind${this.handlers.length}`): number {
    this.handlers.push(handler);
    this.kindNames.push(name);
    return this.handlers.length - 1;
  }

  kindName(kind: number): string {
    return this.kindNames[kind] ?? `kind${kind}`;
  }

  /** Schedules `kind` after `delay` hours. Lower priority fires first at equal times. */
  schedule(delay: number, kind: number, arg = 0, priority = 0): EventId {
    if (!(delay >= 0) || delay === Infinity) this.badDelay(delay, kind);
    return this.push(this.now + delay, kind, arg, priority);
  }

  /** Schedules `kind` at an absolute time, which must not lie in the past. */
  scheduleAt(time: number, kind: number, arg = 0, priority = 0): EventId {
    if (!(time >= this.now) || time === Infinity) this.badTime(time, kind);
    return this.push(time, kind, arg, priority);
  }

  // The checks stay on the hot path; building their messages does not (small functions inline).
  private push(time: number, kind: number, arg: number, priority: number): EventId {
    if (kind < 0 || kind >= this.handlers.length || (kind | 0) !== kind) this.badKind(kind);
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY || (priority | 0) !== priority) this.badPriority(priority);
    return this.calendar.push(time, priority, kind, arg);
  }

  private badDelay(delay: number, kind: number): never {
    throw new Error(`Simulation.schedule: delay must be a finite number >= 0, got ${delay} (${this.kindName(kind)})`);
  }

  private badTime(time: number, kind: number): never {
    throw new Error(`Simulation.scheduleAt: time ${time} is before now (${this.now}) or not finite (${this.kindName(kind)})`);
  }

  private badKind(kind: number): never {
    throw new Error(`Simulation: unknown event kind ${kind}; register it with on() first`);
  }

  private badPriority(priority: number): never {
    throw new Error(`Simulation: priority must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}], got ${priority}`);
  }

  /** Cancels a pending event; false if it already fired or was cancelled. */
  cancel(id: EventId): boolean {
    return this.calendar.cancel(id);
  }

  isPending(id: EventId): boolean {
    return this.calendar.isPending(id);
  }

  /** Number of pending events. */
  get pending(): number {
    return this.calendar.size;
  }

  /** Time of the next event, Infinity if none. */
  peek(): number {
    return this.calendar.peekTime();
  }

  /** Stops `run` after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /** Watches every fired event (for traces and hashes); null to stop. Costs one branch per event when off. */
  setObserver(observer: EventObserver | null): void {
    this.observer = observer;
  }

  /**
   * Fires events in order while their time is <= `until` (default: until the calendar
   * is empty), then sets the clock to `until` if it is finite. Returns events fired.
   */
  run(until = Infinity): number {
    if (until < this.now) throw new Error(`Simulation.run: until (${until}) is before now (${this.now})`);
    const cal = this.calendar;
    const handlers = this.handlers;
    const start = this.eventsFired;
    this.stopped = false;
    // Hot loop: no allocation; peekSlot also drops cancelled entries reaching the root.
    for (;;) {
      const slot = cal.peekSlot();
      if (slot < 0) break;
      const t = cal.rootTime();
      if (t > until) break;
      const kind = cal.kindOf(slot);
      const arg = cal.argOf(slot);
      cal.popRoot();
      this.now = t;
      this.eventsFired++;
      if (this.observer !== null) this.observer(t, kind, arg);
      handlers[kind]!(arg);
      if (this.stopped) return this.eventsFired - start;
    }
    if (until !== Infinity && this.now < until) this.now = until;
    return this.eventsFired - start;
  }

  /** Fires events while `condition()` holds (checked before each event) and events remain. */
  runWhile(condition: () => boolean, until = Infinity): number {
    const start = this.eventsFired;
    this.stopped = false;
    while (this.calendar.peekTime() <= until && condition()) {
      if (this.step() === false || this.stopped) break;
    }
    return this.eventsFired - start;
  }

  /** Fires exactly one event; false if the calendar was empty. */
  step(): boolean {
    const cal = this.calendar;
    const slot = cal.peekSlot();
    if (slot < 0) return false;
    const t = cal.rootTime();
    const kind = cal.kindOf(slot);
    const arg = cal.argOf(slot);
    cal.popRoot();
    this.now = t;
    this.eventsFired++;
    if (this.observer !== null) this.observer(t, kind, arg);
    this.handlers[kind]!(arg);
    return true;
  }
}
