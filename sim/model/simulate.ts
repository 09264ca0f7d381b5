// simulate(): one replication of an organisation, pure and deterministic. It builds
// the runtime World from the immutable ModelSpec, wires the event handlers to the
// engine, runs warm-up plus horizon, and returns flat records and columnar series,
// never live objects. Runs unchanged in Node and in a browser Web Worker.

import type { EventObserver } from '../engine/index.js';
import type { Seed } from '../random/index.js';
import { dispatch, taskDone, weekStartPersons } from './agents.js';
import { arrival, externalDone, stepFinished } from './flow.js';
import { contractDone, supplierDone } from './mechanisms/suppliers.js';
import { designEffect } from './mechanisms/design.js';
import { erodeAgreements } from './mechanisms/erosion.js';
import { fallbackApplies } from './mechanisms/intervention.js';
import { absenceEnd, absenceStart, scheduleAbsences } from './mechanisms/keypersons.js';
import { expireSignals } from './mechanisms/learning.js';
import { meetingEnd, meetingStart, spawnMeetings, wakeMeetings } from './mechanisms/meetings.js';
import { departure, keyRegrowth, scheduleDepartures } from './mechanisms/turnover.js';
import { offDuty, overtimeEnd } from './mechanisms/overtime.js';
import { scaledDelay } from './load-schedule.js';
import { buildResult, type ModelRunResult } from './result.js';
import { type ModelSpec, WEEK_HOURS } from './spec.js';
import { TR_POLICY } from './trace.js';
import { validateModel } from './validate.js';
import { World } from './world.js';
import { applyOverride, laterOverrides } from './person-behaviour.js';

export interface SimulateOptions {
  seed: Seed;
  /** Replication index: streams derive from (seed, replication, stream name). */
  replication?: number;
  /** Hours observed after the warm-up. */
  horizon: number;
  /** Hours run before observation starts (not counted in metrics; series include them). */
  warmup?: number;
  /** Record the event trace for the viewer. */
  trace?: boolean;
  /** Record weekly series per stream, team, role and person (ModelRunResult.weekly). */
  weekly?: boolean;
  /** Fail (RunBudgetError) instead of firing more events than this: a bound for models from untrusted sources (queue jobs). */
  maxEvents?: number;
  /** Sees every fired engine event (time, kind, argument): for determinism hashes (engine TraceHash). */
  observer?: EventObserver;
}

/** A run needed more events than its SimulateOptions.maxEvents allowed. */
export class RunBudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunBudgetError';
  }
}

// Bookkeeping events run before work events at the same instant.
const PRIO_WEEK = -10;
const PRIO_POLICY = -9;
const PRIO_WARMUP = -8;

export function simulate(model: ModelSpec, options: SimulateOptions): ModelRunResult {
  validateModel(model);
  const warmup = options.warmup ?? 0;
  const horizon = options.horizon;
  if (!(horizon > 0) || !Number.isFinite(horizon)) throw new Error(`simulate: horizon must be a finite number of hours > 0, got ${horizon}`);
  if (!(warmup >= 0) || !Number.isFinite(warmup)) throw new Error(`simulate: warmup must be a finite number of hours >= 0, got ${warmup}`);
  const w = new World(model, { seed: options.seed, replication: options.replication ?? 0, horizon, warmup, trace: options.trace ?? false, weekly: options.weekly ?? false });
  const sim = w.sim;
  const end = warmup + horizon;

  const k = w.kinds;
  k.arrival = sim.on((s) => arrival(w, s), 'arrival');
  k.taskDone = sim.on((p) => taskDone(w, p), 'task-done');
  k.weekStart = sim.on(() => weekStart(w, end), 'week-start');
  k.offDuty = sim.on((p) => offDuty(w, p), 'off-duty');
  k.overtimeEnd = sim.on((p) => overtimeEnd(w, p), 'overtime-end');
  k.absenceStart = sim.on((p) => absenceStart(w, p), 'absence-start');
  k.absenceEnd = sim.on((p) => absenceEnd(w, p), 'absence-end');
  k.meetingStart = sim.on((m) => meetingStart(w, m), 'meeting-start');
  k.meetingEnd = sim.on((m) => meetingEnd(w, m), 'meeting-end');
  k.designEffect = sim.on((c) => designEffect(w, c), 'design-effect');
  k.fallback = sim.on((e) => fallbackApplies(w, e), 'fallback');
  k.policy = sim.on((i) => applyTimeline(w, i), 'policy');
  k.warmupEnd = sim.on(() => startWindow(w), 'warmup-end');
  k.departure = sim.on((p) => departure(w, p), 'departure');
  k.keyRegrowth = sim.on((t) => keyRegrowth(w, t), 'key-regrowth');
  k.externalDone = sim.on((id) => externalDone(w, id), 'external-done');
  k.behaviourChange = sim.on((i) => applyOverride(w, model.behaviour.overrides![i]!), 'behaviour-change');
  k.supplierDone = sim.on((id) => supplierDone(w, id, stepFinished), 'supplier-done');
  k.contractDone = sim.on((id) => contractDone(w, id), 'contract-done');

  sim.scheduleAt(0, k.weekStart, 0, PRIO_WEEK);
  model.timeline.forEach((entry, i) => {
    if (entry.at < end) sim.scheduleAt(entry.at, k.policy, i, PRIO_POLICY);
  });
  for (const i of laterOverrides(model.behaviour)) {
    const at = model.behaviour.overrides![i]!.at;
    if (at < end) sim.scheduleAt(at, k.behaviourChange, i, PRIO_POLICY);
  }
  if (warmup > 0) sim.scheduleAt(warmup, k.warmupEnd, 0, PRIO_WARMUP);
  else startWindow(w);
  model.streams.forEach((s, i) => {
    const gap = w.arrivalRng[i]!.exponential(1 / s.arrivalRate);
    const load = model.arrivalScale;
    sim.schedule(load === undefined || load.length === 0 ? gap : scaledDelay(load, 0, gap), k.arrival, i);
  });
  model.meetings.forEach((m, i) => sim.scheduleAt(m.offset, k.meetingStart, i));
  scheduleAbsences(w, end);
  scheduleDepartures(w, end);
  for (const p of w.persons) dispatch(w, p);

  if (options.observer !== undefined) sim.setObserver(options.observer);
  if (options.maxEvents === undefined) sim.run(end);
  else runWithin(sim, end, options.maxEvents);
  w.metrics.closeWeek();
  w.ext.strain.closeWeek();
  return buildResult(w);
}

/** sim.run(end), but stopping once `maxEvents` have fired; the same events fire in the same order. */
function runWithin(sim: World['sim'], end: number, maxEvents: number): void {
  sim.runWhile(() => sim.eventsFired < maxEvents, end);
  if (sim.peek() <= end) {
    throw new RunBudgetError(`run budget exceeded: ${sim.eventsFired.toLocaleString('en')} events by hour ${sim.now.toPrecision(4)} of ${end}, far more than the model's rates suggest`);
  }
  sim.run(end); // nothing is left before `end`: only moves the clock there, as run(end) does
}

/** Handler of WEEK_START: series close, persons come on duty, agreements erode, signals
 *  that went unanswered are learned from, and team pairs that kept escalating meet. */
function weekStart(w: World, end: number): void {
  if (w.sim.now > 0) {
    w.metrics.closeWeek();
    w.ext.strain.closeWeek();
    erodeAgreements(w);
    expireSignals(w);
    spawnMeetings(w);
  }
  weekStartPersons(w);
  const next = w.sim.now + WEEK_HOURS;
  if (next < end) w.sim.scheduleAt(next, w.kinds.weekStart, 0, PRIO_WEEK);
}

function startWindow(w: World): void {
  w.metrics.startWindow();
  w.ext.startWindow(w.sim.now);
}

/** Handler of a timeline entry: the policies it names change from now on. */
function applyTimeline(w: World, index: number): void {
  const entry = w.spec.timeline[index]!;
  if (entry.scope === undefined) Object.assign(w.policy, entry.policies);
  w.scoped.apply(w, entry.policies, entry.scope);
  if (w.trace !== null) w.trace.add(w.sim.now, TR_POLICY, index, 0, 0);
  wakeMeetings(w);
  // A protected design share or a new routing may give free persons something to do.
  for (const p of w.persons) dispatch(w, p);
}
