// Growable struct-of-arrays stores for the two entities that come and go in large
// numbers: requests (cases) and escalations. Ids are indices; request slots are
// recycled when a case leaves, so a year of a 150-person organisation keeps only the
// cases in the system in memory. No object per request: the hot path stays
// allocation-light.

import { N_PARTS } from './attribution.js';

export const R_FREE = 0;
export const R_QUEUED = 1;
export const R_IN_SERVICE = 2;
/** Waiting for an answer, an escalation or a fallback rule: off every queue. */
export const R_PARKED = 3;
/** Waiting on a party outside the organisation after a step: occupies nobody. */
export const R_EXTERNAL = 4;

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

export class RequestStore {
  /** Max steps per stream: service draws are stored per (request, step). */
  readonly maxSteps: number;
  capacity: number;
  stream: Int32Array;
  step: Int32Array;
  status: Uint8Array;
  kind: Uint8Array;
  urgent: Uint8Array;
  /** Questions still open before the current step can be worked. */
  questionsLeft: Uint8Array;
  /** The current step was improvised: extra effort and rework risk. */
  improvised: Uint8Array;
  /** Stable number of the case (slots are reused, serials never). */
  serial: Float64Array;
  arrival: Float64Array;
  due: Float64Array;
  /** When the case entered the current team's queue: the line's first-come order. */
  teamEnter: Float64Array;
  /** When the case reached the current team (for the team's own KPI). */
  stepEnter: Float64Array;
  /** Service draws, made at arrival so that designs share them (common random numbers). */
  service: Float64Array;
  /** Questions per step, drawn at arrival for the same reason. */
  questions: Uint8Array;
  /** External wait after each step, drawn at arrival (hours; 0 = none). */
  external: Float64Array;
  /** External hours the case has waited so far. */
  externalSum: Float64Array;
  /** The operator who finished the case's last step (hands it over after an external wait). */
  sender: Int32Array;
  /** Lead-time parts (attribution.ts): hours per part, the current part, since when; 1 while a step is redone. */
  partTime: Float64Array;
  part: Uint8Array;
  partSince: Float64Array;
  reworking: Uint8Array;
  /** First open non-blocking escalation about the case (-1: none); the rest follow EscalationStore.nextForCase. */
  escHead: Int32Array;
  private free: number[] = [];
  private next = 0;
  private serials = 0;
  live = 0;

  constructor(maxSteps: number, capacity = 1024) {
    this.maxSteps = maxSteps;
    this.capacity = capacity;
    this.stream = new Int32Array(capacity);
    this.step = new Int32Array(capacity);
    this.status = new Uint8Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.urgent = new Uint8Array(capacity);
    this.questionsLeft = new Uint8Array(capacity);
    this.improvised = new Uint8Array(capacity);
    this.serial = new Float64Array(capacity);
    this.arrival = new Float64Array(capacity);
    this.due = new Float64Array(capacity);
    this.teamEnter = new Float64Array(capacity);
    this.stepEnter = new Float64Array(capacity);
    this.service = new Float64Array(capacity * maxSteps);
    this.questions = new Uint8Array(capacity * maxSteps);
    this.escHead = new Int32Array(capacity).fill(-1);
    this.partTime = new Float64Array(capacity * N_PARTS);
    this.part = new Uint8Array(capacity);
    this.partSince = new Float64Array(capacity);
    this.reworking = new Uint8Array(capacity);
    this.external = new Float64Array(capacity * maxSteps);
    this.externalSum = new Float64Array(capacity);
    this.sender = new Int32Array(capacity);
  }

  alloc(): number {
    let id = this.free.pop();
    if (id === undefined) {
      if (this.next === this.capacity) this.grow();
      id = this.next++;
    }
    this.live++;
    this.serial[id] = this.serials++;
    this.improvised[id] = 0;
    this.questionsLeft[id] = 0;
    this.escHead[id] = -1;
    this.externalSum[id] = 0;
    // A plain loop: fill() on a 10-element range costs more in call overhead than the stores.
    for (let i = id * N_PARTS, end = i + N_PARTS; i < end; i++) this.partTime[i] = 0;
    this.part[id] = 0;
    this.reworking[id] = 0;
    return id;
  }

  release(id: number): void {
    this.status[id] = R_FREE;
    this.free.push(id);
    this.live--;
  }

  private grow(): void {
    const n = this.capacity * 2;
    this.stream = grow(this.stream, n);
    this.step = grow(this.step, n);
    this.status = grow(this.status, n);
    this.kind = grow(this.kind, n);
    this.urgent = grow(this.urgent, n);
    this.questionsLeft = grow(this.questionsLeft, n);
    this.improvised = grow(this.improvised, n);
    this.serial = grow(this.serial, n);
    this.arrival = grow(this.arrival, n);
    this.due = grow(this.due, n);
    this.teamEnter = grow(this.teamEnter, n);
    this.stepEnter = grow(this.stepEnter, n);
    this.service = grow(this.service, n * this.maxSteps);
    this.questions = grow(this.questions, n * this.maxSteps);
    this.escHead = grow(this.escHead, n);
    this.partTime = grow(this.partTime, n * N_PARTS);
    this.part = grow(this.part, n);
    this.partSince = grow(this.partSince, n);
    this.reworking = grow(this.reworking, n);
    this.external = grow(this.external, n * this.maxSteps);
    this.externalSum = grow(this.externalSum, n);
    this.sender = grow(this.sender, n);
    this.capacity = n;
  }
}

/** Why an escalation was raised. */
export const ESC_QUESTION = 0;
export const ESC_COLLISION = 1;
export const ESC_HANDOVER = 2;
export const ESC_REASONS = ['question', 'collision', 'handover'] as const;

/** How an escalation ended (DOMAIN.md §4.3). */
export const OUT_OPEN = 0;
export const OUT_RESOLVED = 1; // a coordinator connected what was agreed
export const OUT_COMPENSATED = 2; // a manager fixed it personally
export const OUT_REFERRED = 3; // pointed to an existing agreement
export const OUT_SIGNALLED = 4; // the system was allowed to speak
export const OUT_MEETING = 5; // settled case by case in a meeting
export const OUT_WITHDRAWN = 6; // its case completed or moved past the step before anyone handled it
export const OUTCOMES = ['open', 'resolved', 'compensated', 'referred', 'signalled', 'meeting', 'withdrawn'] as const;

/**
 * Escalations as parallel arrays. A slot is reused once its escalation has ended and
 * nothing refers to it any more (see release), so memory follows the escalations in
 * play, not the length of the run; `id` is the escalation's stable number for traces.
 */
export class EscalationStore {
  /** Stable number of the escalation (slots are reused, ids never). */
  id: number[] = [];
  request: number[] = [];
  /** The case's serial, to tell whether the slot still holds the same case. */
  serial: number[] = [];
  stream: number[] = [];
  questionType: number[] = [];
  reason: number[] = [];
  created: number[] = [];
  /** Receiving person, or -1 for a meeting. */
  receiver: number[] = [];
  /** 0 coordinator, 1 manager, 2 MT or chain meeting. */
  level: number[] = [];
  outcome: number[] = [];
  resolved: number[] = [];
  /** Urgent cases, resolved by the losing side of a collision: the case is expedited not blocked. */
  blocking: number[] = [];
  /** 1 once the escalation has left a visible design signal. */
  signalled: number[] = [];
  /** Step of the case the escalation is about. */
  step: number[] = [];
  /** Next open non-blocking escalation about the same case (-1: none). */
  nextForCase: number[] = [];
  /** 1 while a pending fallback event or a meeting in session holds it: the slot is kept until they let go. */
  held: number[] = [];
  private free: number[] = [];
  private ids = 0;

  /** Escalations raised so far. */
  get count(): number {
    return this.ids;
  }

  /** Slots in use or kept (for memory checks). */
  get slots(): number {
    return this.request.length;
  }

  add(request: number, serial: number, stream: number, qtype: number, reason: number, now: number, blocking: boolean, step: number): number {
    const e = this.free.pop() ?? this.request.length;
    this.id[e] = this.ids++;
    this.request[e] = request;
    this.serial[e] = serial;
    this.stream[e] = stream;
    this.questionType[e] = qtype;
    this.reason[e] = reason;
    this.created[e] = now;
    this.receiver[e] = -1;
    this.level[e] = 0;
    this.outcome[e] = OUT_OPEN;
    this.resolved[e] = Number.NaN;
    this.blocking[e] = blocking ? 1 : 0;
    this.signalled[e] = 0;
    this.step[e] = step;
    this.nextForCase[e] = -1;
    this.held[e] = 0;
    return e;
  }

  /** The escalation in slot e has ended and nothing refers to it: the slot may be reused. */
  release(e: number): void {
    this.free.push(e);
  }
}
